// Package view computes the pictures of a playground from its session, without drawing
// anything itself: the decision-boundary field as RGBA bytes, the 0.5 contour as line
// segments, the layout of the canvas, the positions of nodes and edges with their colours and
// widths, the loss curves as polylines, hit-testing of points, nodes and edges, and numbers
// formatted without allocating. The browser layer only blits and strokes what it returns.
//
// It imports session and nn, never Ebiten or syscall/js, so every picture is testable natively.
package view
