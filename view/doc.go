// Package view computes the pictures of a playground from its session, without drawing
// anything itself: the decision-boundary field as RGBA bytes (the network evaluated over a
// grid by nn.Grid; view only colours what it returns), the 0.5 contour as line
// segments, the layout of the canvas, the positions of nodes and edges with their colours and
// widths, the loss curves as polylines, hit-testing of points, nodes and edges, sprites for
// the points, and numbers formatted without allocating. The browser layer only blits and
// strokes what it returns.
//
// Coordinates: the plane is session.Min…session.Max on both axes, y up; the canvas is in CSS
// pixels, y down (Layout.ToScreen and ToPlane convert). The browser multiplies by its device
// scale when drawing.
//
// Every per-frame computation here allocates nothing once its buffers have grown (the tests
// assert it with testing.AllocsPerRun): Field.Refresh and RefreshRows, Contour, NetGeom.Update,
// HitNetwork, HitPointWithin, LossGeom.Update, Dash and the Append* formatters.
//
// It imports session and nn, never Ebiten or syscall/js, so every picture is testable natively.
package view
