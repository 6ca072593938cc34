package session

// The plane every point lives in: [Min, Max]².
const (
	Min = -6.0
	Max = 6.0
)

// MaxPoints is the most points a session holds.
const MaxPoints = 2000

// Point is one sample of the data: a position in the plane, a label (0 or 1 for
// classification, any finite number for regression) and whether it is held out for testing.
type Point struct {
	X     float64 `json:"x"`
	Y     float64 `json:"y"`
	Label float64 `json:"label"`
	Test  bool    `json:"test"`
}

// Clamp returns v limited to the plane's range [Min, Max].
func Clamp(v float64) float64 {
	if v < Min {
		return Min
	}
	if v > Max {
		return Max
	}
	return v
}
