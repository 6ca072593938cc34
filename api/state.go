package api

import (
	"encoding/json"
	"math"

	"nnplay/session"
	"nnplay/view"
)

// Domain is the plane's extent.
type Domain struct {
	XMin float64 `json:"xmin"`
	XMax float64 `json:"xmax"`
	YMin float64 `json:"ymin"`
	YMax float64 `json:"ymax"`
}

// XY is a position: canvas CSS px from Go (the shim adds the page offsets).
type XY struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
}

// Frame is the browser layer's measurement of its recent frames. Times are milliseconds of
// the last frame; UpdateMs and DrawMs exclude training, FieldMs is the picture work inside
// UpdateMs; EpochsPerSecond and FPS are over about the last second; P50Ms and P95Ms are
// percentiles of the Go side of a frame (update + draw, training excluded) over the last
// FrameWindow frames; HeapBytes is the Go heap in use, sampled every few seconds.
type Frame struct {
	UpdateMs        float64 `json:"updateMs"`
	DrawMs          float64 `json:"drawMs"`
	TrainMs         float64 `json:"trainMs"`
	FieldMs         float64 `json:"fieldMs"`
	EpochsPerSecond float64 `json:"epochsPerSecond"`
	FPS             float64 `json:"fps"`
	EpochsPerFrame  int     `json:"epochsPerFrame"`
	Frames          int     `json:"frames"`
	P50Ms           float64 `json:"p50Ms"`
	P95Ms           float64 `json:"p95Ms"`
	HeapBytes       uint64  `json:"heapBytes"`
}

// Status is state() without the points: what the page's controls need every time the
// session changes.
type Status struct {
	Epoch         int              `json:"epoch"`
	Running       bool             `json:"running"`
	TrainLoss     *float64         `json:"trainLoss"`
	TestLoss      *float64         `json:"testLoss"`
	TrainAccuracy *float64         `json:"trainAccuracy"`
	TestAccuracy  *float64         `json:"testAccuracy"`
	Settings      session.Settings `json:"settings"`
	Domain        Domain           `json:"domain"`
	Error         *string          `json:"error"`
	Frame         Frame            `json:"frame"`

	// Beyond the contract, for the page and for tests.
	Menu     *XY     `json:"menu"`     // centre of the long-press Delete button, or null
	Selected *int    `json:"selected"` // the selected point, or null
	Brush    float64 `json:"brush"`    // the label of added points
	// BrushRange is, for regression, the range the page's value brush offers: the labels'
	// range widened to include [-1, 1] (the generated data's); null for classification.
	BrushRange *[2]float64 `json:"brushRange"`
	LogLoss    bool        `json:"logLoss"`    // loss curves on a log scale (settings.logLoss)
	Discrete   bool        `json:"discrete"`   // the field shows the predicted class only (settings.discretize)
	HideTest   bool        `json:"hideTest"`   // test points are hidden (not settings.showTestData)
	Gradients  bool        `json:"gradients"`  // the edges show the mean ∂L/∂w instead of w (settings.gradients)
	Pinned     *NodeRef    `json:"pinned"`     // the pinned node the plot shows, or null
	Hints      []string    `json:"hints"`      // the training coach's lines, [] when none
	CanUndo    bool        `json:"canUndo"`    // undo() has an edit to revert
	CanRedo    bool        `json:"canRedo"`    // redo() has an undone edit to re-apply
	UndoLabel  *string     `json:"undoLabel"`  // what undo() reverts ("move point"), or null
	RedoLabel  *string     `json:"redoLabel"`  // what redo() re-applies, or null
	Notice     *string     `json:"notice"`     // the last refused canvas gesture, or null
	Tooltip    *string     `json:"tooltip"`    // the tooltip the canvas shows (what the pointer rests on), or null
	Lit        []string    `json:"lit"`        // the paths of math()'s numbers of the highlighted node, edge or bias mark (MathPaths), [] when none
	PointLabel *string     `json:"pointLabel"` // the label beside a held or just dropped point ("ŷ = 0.734 · loss 0.071"), or null
	Notes      int         `json:"notes"`      // counts notices: a new one shows even if its text repeats
	Version    uint64      `json:"version"`    // the session's Version
	Help       int         `json:"help"`       // counts the requests for help (the ? key): the page opens its help when it grows
	// SelectedPoint is the selected point itself, or null; PointCount how many points there
	// are (the page's live region says what an edit did).
	SelectedPoint *session.Point `json:"selectedPoint"`
	PointCount    int            `json:"pointCount"`
	// LossMarks are the loss curves' marks, oldest first: what changed at which epoch
	// (session.Mark); [] when none.
	LossMarks []session.Mark `json:"lossMarks"`
}

// NodeRef names a node of the network picture: Layer 0 is the input, nodes count from 0.
type NodeRef struct {
	Layer int `json:"layer"`
	Node  int `json:"node"`
}

// State is the answer of state(): Status plus the points.
type State struct {
	Status
	Points []session.Point `json:"points"`
}

// number returns &v, or nil (JSON null) when v is absent or not finite.
func number(v float64, has bool) *float64 {
	if !has || math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return &v
}

// text returns &s, or nil (JSON null) for "".
func text(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// Status returns the status of the playground with its metrics computed now.
func (p *Playground) Status() Status {
	s, ui := p.S, p.UI
	m := s.Metrics()
	st := Status{
		Epoch:         s.Epoch(),
		Running:       s.Running(),
		TrainLoss:     number(m.TrainLoss, m.HasTrain),
		TestLoss:      number(m.TestLoss, m.HasTest),
		TrainAccuracy: number(m.TrainAccuracy, m.HasTrain && m.HasAccuracy),
		TestAccuracy:  number(m.TestAccuracy, m.HasTest && m.HasAccuracy),
		Settings:      s.Settings(),
		Domain:        Domain{session.Min, session.Max, session.Min, session.Max},
		Error:         text(s.Err()),
		Frame:         p.Frame,
		Brush:         ui.Brush,
		LogLoss:       s.View().LogLoss,
		Discrete:      s.View().Discretize,
		HideTest:      !s.View().ShowTestData,
		Gradients:     s.View().Gradients,
		Hints:         []string{},
		CanUndo:       s.CanUndo(),
		CanRedo:       s.CanRedo(),
		UndoLabel:     text(s.UndoLabel()),
		RedoLabel:     text(s.RedoLabel()),
		Notice:        text(p.Notice),
		Notes:         p.Notes,
		Version:       s.Version(),
		Help:          ui.Help,
	}
	for _, h := range p.coach.Advise(s) {
		st.Hints = append(st.Hints, h.String())
	}
	if x, y, ok := p.MenuButton(); ok {
		st.Menu = &XY{x, y}
	}
	if i := ui.Selected; i >= 0 && i < len(s.Points()) {
		st.Selected = &i
		pt := s.Points()[i]
		st.SelectedPoint = &pt
	}
	st.PointCount = len(s.Points())
	st.LossMarks = make([]session.Mark, s.History().Marks())
	for i := range st.LossMarks {
		st.LossMarks[i] = s.History().Mark(i)
	}
	if lo, hi, ok := BrushRange(s); ok {
		st.BrushRange = &[2]float64{lo, hi}
	}
	st.Tooltip = text(string(view.AppendShownTooltip(nil, s, ui)))
	st.Lit = append([]string{}, MathPaths(view.Highlighted(ui), s)...)
	st.PointLabel = text(string(view.AppendPointLabel(nil, s, ui)))
	if pin := ui.Pin; pin.Kind == view.HoverNode {
		st.Pinned = &NodeRef{pin.Layer, pin.Node}
	}
	return st
}

// State returns state() as JSON.
func (p *Playground) State() ([]byte, error) {
	pts := p.S.Points()
	if pts == nil {
		pts = []session.Point{} // an empty array, never null
	}
	return json.Marshal(State{Status: p.Status(), Points: pts})
}

// BrushRange returns, for regression (ok), the range of the page's value brush: the labels'
// range and at least -1 to 1. The page's slider spans it in 100 steps.
func BrushRange(s *session.Session) (lo, hi float64, ok bool) {
	if !view.Regression(s) {
		return 0, 0, false
	}
	lo, hi = view.RegressionScale(s.Points())
	return min(lo, -1), max(hi, 1), true
}
