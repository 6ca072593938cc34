package interact

import (
	"testing"

	"nnplay/session"
)

// TestNearestInDirection: the arrows reach points by their place in the plane, not their
// order in the data.
func TestNearestInDirection(t *testing.T) {
	pts := []session.Point{
		0: {X: 0.23, Y: 0.58},
		1: {X: -4.5, Y: 1.26},
		2: {X: 2, Y: 0.5},
		3: {X: 5, Y: 0},
		4: {X: 1, Y: 3},
		5: {X: 0.5, Y: -2},
		6: {X: -1, Y: -0.2, Test: true},
		7: {X: 3, Y: 2}, // from point 2, 56.3° up from the right: in the up cone, not the right one
	}
	tests := []struct {
		name     string
		sel      int
		key      Key
		hideTest bool
		want     int
	}{
		{"nothing selected: the point nearest the centre", -1, KeyRight, false, 0},
		{"nothing selected, any arrow", -1, KeyDown, false, 0},
		{"right: the nearest within the cone, not the next in order", 0, KeyRight, false, 2},
		{"right again", 2, KeyRight, false, 3},
		{"nothing further right: stays", 3, KeyRight, false, 3},
		{"left from the centre: the nearer of two to the left", 0, KeyLeft, false, 6},
		{"left with test points hidden skips them", 0, KeyLeft, true, 1},
		{"up", 0, KeyUp, false, 4},
		{"down", 0, KeyDown, false, 5},
		{"up from below: the nearest in the cone, if off the straight line", 5, KeyUp, false, 6},
		{"up from below with test points hidden", 5, KeyUp, true, 0},
		{"the cone is 45° either side", 2, KeyUp, false, 7},
		{"not an arrow", 0, KeyA, false, 0},
	}
	for _, tc := range tests {
		v := session.View{ShowTestData: !tc.hideTest}
		if got := nearestInDirection(v, pts, tc.sel, tc.key); got != tc.want {
			t.Errorf("%s: from %d got %d, want %d", tc.name, tc.sel, got, tc.want)
		}
	}
	if got := nearestInDirection(session.View{}, nil, -1, KeyUp); got != -1 {
		t.Errorf("no points: got %d, want -1", got)
	}
}
