package view

import (
	"time"

	"nnplay/nn"
	"nnplay/session"
)

// FieldBudget is the plot's field work per frame, in nn.GridCost units: the whole
// BrowserFieldSide² field of the default 2-4-1 network (cost 16 per cell).
const FieldBudget = 16 * BrowserFieldSide * BrowserFieldSide

// FieldPicture is a field as the plot draws it: its pixels with a border of repeated edge
// pixels (Field.PaddedPix, so that linear filtering clamps at the edges instead of fading),
// its middle contour, and Rev, which counts the refreshes that changed them.
type FieldPicture struct {
	Field   *Field
	Padded  []byte
	Contour []Segment
	Rev     uint64
}

// NewFieldPicture allocates a side×side field picture.
func NewFieldPicture(side int) *FieldPicture {
	return &FieldPicture{Field: NewField(side, side), Contour: make([]Segment, 0, 4*side)}
}

// refresh brings at most rows stale rows of the field up to date (coloured discretely or
// not) and, if any changed, its padded pixels and contour.
func (fp *FieldPicture) refresh(s *session.Session, discrete bool, rows int) {
	f := fp.Field
	f.Discrete = discrete
	if !f.RefreshRows(s, rows) {
		return
	}
	fp.Padded = f.PaddedPix(fp.Padded)
	fp.Contour = f.Contour(fp.Contour[:0], f.Level())
	fp.Rev++
}

// PlotField chooses and refreshes the field the plot shows. A live field whose resolution
// suits the network's cost (FieldSide of FieldBudget: the full BrowserFieldSide for the
// default network, coarser for costly ones) is refreshed whole every frame, so the picture
// and its contour always show one set of weights. Paused, a full-resolution still field is
// computed over the next frames (four budgets a frame: no training runs then) and shown once
// complete. For the default network both are one field. The zero value is ready to use.
type PlotField struct {
	live, still *FieldPicture
	Shown       *FieldPicture // the field to draw, after the first Update
}

// Update refreshes the fields for this frame and picks the one to show.
func (pf *PlotField) Update(s *session.Session, discrete bool) {
	const full = BrowserFieldSide
	cost := nn.GridCost(s.Network(), s.Features())
	side := FieldSide(cost, FieldBudget, full)
	if pf.still == nil {
		pf.still = NewFieldPicture(full)
	}
	if side == full {
		pf.live = pf.still
	} else if pf.live == nil || pf.live.Field.W != side {
		pf.live = NewFieldPicture(side)
	}
	pf.live.refresh(s, discrete, side)
	pf.Shown = pf.live
	if pf.live == pf.still || s.Running() {
		return
	}
	rows := int(4 * FieldBudget / (full * cost))
	pf.still.refresh(s, discrete, min(max(rows, 1), full))
	if pf.still.Field.Current() {
		pf.Shown = pf.still
	}
}

// Pictures are what a frame prepares for the canvas to draw, all plain data: the plot's
// field, the pictures inside the network's nodes (NodesRev counts their changes), the
// network's and the loss panel's geometry, and the order the points are drawn in. Reuse one
// across frames: after the first frames of a network's shape it allocates nothing.
type Pictures struct {
	Field    PlotField
	Nodes    NodePics
	NodesRev uint64
	Net      NetGeom
	Loss     *LossGeom
	Order    []int

	// Clock, when set, times Update's field and nodes' pictures into FieldTime and
	// NodesTime (the frame meter's parts of a frame); when nil they stay 0.
	Clock                func() time.Duration
	FieldTime, NodesTime time.Duration

	grads    []float64 // the training set's mean gradients, for the gradients view
	gradsOK  bool      // grads hold gradients of the network's shape
	gradsAge int       // frames since grads were computed
}

// GradEvery is how many frames the gradients view shows one computation of the mean
// gradients (a pass over the training set) before the next: a few times a second.
const GradEvery = 15

// NewPictures returns empty pictures with their buffers allocated.
func NewPictures() *Pictures {
	return &Pictures{Loss: NewLossGeom(), Order: make([]int, 0, session.MaxPoints)}
}

// Update prepares the pictures of s as ui shows them; m is the session's Record() of this
// frame, for the loss panel.
func (p *Pictures) Update(s *session.Session, ui *UI, m session.Metrics) {
	v := s.View()
	t0 := p.now()
	p.Field.Update(s, v.Discretize)
	t1 := p.now()
	if p.Nodes.Update(s) {
		p.NodesRev++
	}
	t2 := p.now()
	p.FieldTime, p.NodesTime = t1-t0, t2-t1
	pts := s.Points()
	p.Net.Param = SelectedParam(ui, s)
	p.Net.Grads = nil
	if v.Gradients && p.refreshGrads(s) {
		p.Net.Grads = p.grads
	}
	p.Net.Update(ui.Layout, s, Followed(ui, len(pts)))
	p.Loss.Update(ui.Layout.Loss, s.History(), m, v.LogLoss)
	p.Order = PointOrder(p.Order[:0], pts, ui.Selected, ui.Dragging, !v.ShowTestData)
}

// now reads Clock, 0 without one.
func (p *Pictures) now() time.Duration {
	if p.Clock == nil {
		return 0
	}
	return p.Clock()
}

// refreshGrads recomputes the mean gradients when GradEvery frames have passed or the
// network's shape changed, and reports whether there are any (there are none without
// training points). It allocates only when the shape changed.
func (p *Pictures) refreshGrads(s *session.Session) bool {
	n := len(s.Network().Params())
	stale := len(p.grads) != n || !p.gradsOK || p.gradsAge >= GradEvery
	if len(p.grads) != n {
		p.grads = make([]float64, n)
	}
	if stale {
		p.gradsOK = s.MeanGradients(p.grads)
		p.gradsAge = 0
	}
	p.gradsAge++
	return p.gradsOK
}
