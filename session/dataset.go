package session

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// The data sets are modelled on TensorFlow Playground's dataset.ts, over the plane [-6, 6]².
// Class 1 is blue, class 0 orange. Noise moves each point by a uniform offset of up to
// ±noise·6 per coordinate (a spread of noise × the plane's width; the spiral, whose arms lie
// only 1.4 apart, uses a third of that, and the Gaussian blobs widen instead); points keep
// the label of where they were generated, and are clamped to the plane.
var generators = map[string]generator{
	"circle":      {Classification, genCircle},
	"xor":         {Classification, genXOR},
	"gauss":       {Classification, genGauss},
	"spiral":      {Classification, genSpiral},
	"plane":       {Regression, genPlane},
	"gauss-multi": {Regression, genGaussMulti},
}

// datasetOrder lists the generators in the order controls show them.
var datasetOrder = []string{"circle", "xor", "gauss", "spiral", "plane", "gauss-multi"}

// generator makes the points of one data set (without the split) into dst[:n].
type generator struct {
	problem string
	fill    func(dst []Point, rng *rand.Rand, noise float64)
}

// DatasetNames returns the names of the generated data sets, classification first
// (Custom is not among them).
func DatasetNames() []string { return append([]string(nil), datasetOrder...) }

// DatasetProblem returns the problem (Classification or Regression) of a generated data set,
// and false for Custom or an unknown name.
func DatasetProblem(name string) (problem string, ok bool) {
	g, ok := generators[name]
	return g.problem, ok
}

// dataStream is the PCG stream of the data generator (the seed is dataSeed).
const dataStream = 0x6e6e_706c_6179_0d47 // "nnplay", data

// Generate returns n points of the named data set drawn from dataSeed, with noise (0–0.5)
// and the share testRatio of them, rounded, held out for testing. The same arguments give
// the same points; changing only testRatio changes only the split.
func Generate(name string, n int, noise float64, dataSeed uint32, testRatio float64) ([]Point, error) {
	g, ok := generators[name]
	if !ok {
		if err := checkSetting("dataset", name); err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("dataset %q cannot be generated: it names data given or edited by hand", name)
	}
	if err := checkSetting("numPoints", float64(n)); err != nil {
		return nil, err
	}
	if err := checkSetting("noise", noise); err != nil {
		return nil, err
	}
	if err := checkSetting("testRatio", testRatio); err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewPCG(uint64(dataSeed), dataStream))
	pts := make([]Point, n)
	g.fill(pts, rng, noise)
	for i := range pts {
		pts[i].X, pts[i].Y = Clamp(pts[i].X), Clamp(pts[i].Y)
	}
	split(pts, testRatio, rng)
	return pts, nil
}

// split marks round(len(pts)·testRatio) points, drawn from rng, as test points and the rest
// as training points.
func split(pts []Point, testRatio float64, rng *rand.Rand) {
	k := int(math.Round(float64(len(pts)) * testRatio))
	for i, j := range rng.Perm(len(pts)) {
		pts[j].Test = i < k
	}
}

// uniform returns a number uniform in [lo, hi).
func uniform(rng *rand.Rand, lo, hi float64) float64 { return lo + (hi-lo)*rng.Float64() }

// jitter returns the offsets of a point for the noise level: uniform in ±noise·scale.
func jitter(rng *rand.Rand, noise, scale float64) (dx, dy float64) {
	a := noise * scale
	return uniform(rng, -a, a), uniform(rng, -a, a)
}

// noiseScale is the largest offset at noise 1: half the plane's width.
const noiseScale = (Max - Min) / 2

// genCircle: class 1 a disc of radius 2.5 about the origin, class 0 a ring from 3.5 to 5;
// the points alternate between them.
func genCircle(dst []Point, rng *rand.Rand, noise float64) {
	for i := range dst {
		rlo, rhi, label := 0.0, 2.5, 1.0
		if i%2 == 1 {
			rlo, rhi, label = 3.5, 5, 0
		}
		r := uniform(rng, rlo, rhi)
		a := uniform(rng, 0, 2*math.Pi)
		dx, dy := jitter(rng, noise, noiseScale)
		dst[i] = Point{X: r*math.Sin(a) + dx, Y: r*math.Cos(a) + dy, Label: label}
	}
}

// genXOR: uniform over [-5.3, 5.3]² with a margin of 0.3 either side of both axes; class 1
// where x·y > 0 (the first and third quadrants).
func genXOR(dst []Point, rng *rand.Rand, noise float64) {
	const margin = 0.3
	for i := range dst {
		x, y := uniform(rng, -5, 5), uniform(rng, -5, 5)
		x += math.Copysign(margin, x)
		y += math.Copysign(margin, y)
		label := 0.0
		if x*y >= 0 {
			label = 1
		}
		dx, dy := jitter(rng, noise, noiseScale)
		dst[i] = Point{X: x + dx, Y: y + dy, Label: label}
	}
}

// genGauss: two Gaussian blobs, class 1 about (2, 2) and class 0 about (−2, −2), with a
// variance from 0.5 (noise 0) to 4 (noise 0.5), alternating.
func genGauss(dst []Point, rng *rand.Rand, noise float64) {
	sd := math.Sqrt(0.5 + 7*noise)
	for i := range dst {
		c, label := 2.0, 1.0
		if i%2 == 1 {
			c, label = -2, 0
		}
		dst[i] = Point{X: c + sd*rng.NormFloat64(), Y: c + sd*rng.NormFloat64(), Label: label}
	}
}

// genSpiral: two arms of 1.75 turns each from the origin out to radius 5, class 1 and
// class 0 half a turn apart, alternating.
func genSpiral(dst []Point, rng *rand.Rand, noise float64) {
	arm := float64((len(dst) + 1) / 2)
	for i := range dst {
		delta, label := 0.0, 1.0
		if i%2 == 1 {
			delta, label = math.Pi, 0
		}
		k := float64(i / 2)
		r := k / arm * 5
		t := 1.75*k/arm*2*math.Pi + delta
		dx, dy := jitter(rng, noise, noiseScale/3)
		dst[i] = Point{X: r*math.Sin(t) + dx, Y: r*math.Cos(t) + dy, Label: label}
	}
}

// genPlane: uniform over the plane, label (x + y)/12, from −1 to 1.
func genPlane(dst []Point, rng *rand.Rand, noise float64) {
	for i := range dst {
		x, y := uniform(rng, Min, Max), uniform(rng, Min, Max)
		dx, dy := jitter(rng, noise, noiseScale)
		dst[i] = Point{X: x + dx, Y: y + dy, Label: (x + y) / (Max - Min)}
	}
}

// gaussMulti are the centres and signs of the bumps of gauss-multi.
var gaussMulti = [6][3]float64{
	{-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1},
	{-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1},
}

// gaussMultiLabel is the label of gauss-multi at (x, y): of the six signed bumps
// sign·max(0, 1 − d/2), at distance d from their centres, the one largest in size.
func gaussMultiLabel(x, y float64) float64 {
	label := 0.0
	for _, g := range gaussMulti {
		v := g[2] * math.Max(0, 1-math.Hypot(x-g[0], y-g[1])/2)
		if math.Abs(v) > math.Abs(label) {
			label = v
		}
	}
	return label
}

// genGaussMulti: uniform over the plane, labelled by gaussMultiLabel, from −1 to 1.
func genGaussMulti(dst []Point, rng *rand.Rand, noise float64) {
	for i := range dst {
		x, y := uniform(rng, Min, Max), uniform(rng, Min, Max)
		dx, dy := jitter(rng, noise, noiseScale)
		dst[i] = Point{X: x + dx, Y: y + dy, Label: gaussMultiLabel(x, y)}
	}
}
