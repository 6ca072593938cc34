//go:build !(js && wasm)

package soak

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"

	"nnplay/session"
)

// Tolerance is how far, in plane units on either axis, a point of the page may lie from
// the shadow's: a gesture lands where the page's own toScreen mapping puts the pixel the
// soak pressed, and the page reads that pixel back through its own rounding. 0.05 is
// between 1 and 2 CSS px at the plot sizes of the desktop and the phone.
const Tolerance = 0.05

// shadow is the soak's own record of what the page's points and settings should be. It is
// computed from each action, never read back from the page: a session of the core that
// receives the edit each action means (a drag's move to where the pressed pixels map, an
// API call's argument, a link's patch) with its own undo stack, plus the page state that
// decides what a gesture does (the brush) and what a reload restores (the address).
type shadow struct {
	s     *session.Session
	brush float64 // the label of points added by a click or a tap (the keys 1 and 2 set it)

	// badLink is a refused link left in the address bar (the page leaves it there until a
	// setting changes), and linkAtBad the settings' link when it was typed.
	badLink, linkAtBad string
}

// newShadow returns the shadow of a page opened at its defaults.
func newShadow() *shadow {
	s, err := session.New(session.DefaultSettings())
	if err != nil {
		panic("soak: the default settings are refused: " + err.Error())
	}
	return &shadow{s: s, brush: 1}
}

// address returns the link the page's address bar holds.
func (sh *shadow) address() string {
	if sh.badLink != "" && sh.s.Settings().Link() == sh.linkAtBad {
		return sh.badLink
	}
	sh.badLink = ""
	return sh.s.Settings().Link()
}

// applyLink is the page taking link from its address (as typed, or at a reload): a link
// equal to the settings' own does nothing; one it refuses stays in the address.
func (sh *shadow) applyLink(link string) error {
	if link == "" || link == sh.s.Settings().Link() {
		return nil
	}
	l, err := session.ParseLink(link)
	if err == nil {
		err = sh.s.ApplyLink(l)
	}
	if err != nil {
		sh.badLink, sh.linkAtBad = link, sh.s.Settings().Link()
		return err
	}
	sh.badLink = ""
	return nil
}

// reload is the page loaded afresh at its address. Leaving, it kept its work in local
// storage; it opens that work again (paused, one undo step) when the address is the kept
// settings' own link, or another link it refuses; another link it takes is applied to the
// defaults instead. It reports whether the work was opened again.
func (sh *shadow) reload() (restored bool) {
	addr := sh.address()
	kept, err := session.DecodeSnapshot(sh.s.Snapshot())
	if err != nil {
		panic("soak: the shadow's own snapshot is refused: " + err.Error())
	}
	own := addr == "" || addr == kept.Link()
	*sh = *newShadow()
	if own || sh.applyLink(addr) != nil {
		sh.s.Restore(kept)
		return true
	}
	return false
}

// nearest returns the index of the shadow point nearest to (x, y) and its distance.
func (sh *shadow) nearest(x, y float64, skip int) (int, float64) {
	best, bd := -1, math.Inf(1)
	for i, p := range sh.s.Points() {
		if d := math.Hypot(p.X-x, p.Y-y); i != skip && d < bd {
			best, bd = i, d
		}
	}
	return best, bd
}

// pageState is what the checks read of nnplay.state().
type pageState struct {
	Epoch    int             `json:"epoch"`
	Running  bool            `json:"running"`
	Settings json.RawMessage `json:"settings"`
	Points   []session.Point `json:"points"`
	Frame    frameStats      `json:"frame"`
	Error    *string         `json:"error"`
	Notice   *string         `json:"notice"`
}

// frameStats are the parts of state().frame the report keeps.
type frameStats struct {
	P50Ms     float64 `json:"p50Ms"`
	P95Ms     float64 `json:"p95Ms"`
	HeapBytes float64 `json:"heapBytes"`
}

// differs says how the page's points and settings differ from the shadow's, or "" when
// they agree (positions within Tolerance, labels within labelTolerance, test flags exactly, settings exactly).
func (sh *shadow) differs(st pageState) string {
	want, err := json.Marshal(sh.s.Settings())
	if err != nil {
		return "encoding the shadow's settings: " + err.Error()
	}
	if !sameJSON(st.Settings, want) {
		return fmt.Sprintf("settings %s, the shadow has %s", st.Settings, want)
	}
	pts := sh.s.Points()
	if len(st.Points) != len(pts) {
		return fmt.Sprintf("%d points, the shadow has %d", len(st.Points), len(pts))
	}
	for i, p := range pts {
		q := st.Points[i]
		if !sameLabel(q.Label, p.Label) || q.Test != p.Test || math.Abs(q.X-p.X) > Tolerance || math.Abs(q.Y-p.Y) > Tolerance {
			return fmt.Sprintf("point %d is %+v, the shadow has %+v", i, q, p)
		}
	}
	return ""
}

// labelTolerance is how far, relative to its size (at least 1), a point's label may lie
// from the shadow's: a value the brush slider gives is the browser's decimal arithmetic on
// the slider's range and step, the shadow's the same sum in float64, which may differ in the
// last bits. A step of the slider is 1e-2 of its range at least; a class is 0 or 1 exactly.
const labelTolerance = 1e-9

// sameLabel reports whether the page's label a is the shadow's b, within labelTolerance.
func sameLabel(a, b float64) bool {
	return a == b || math.Abs(a-b) <= labelTolerance*max(1, math.Abs(b))
}

// sameJSON reports whether two JSON texts hold the same value (key order aside).
func sameJSON(a, b []byte) bool {
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return bytes.Equal(a, b)
	}
	xa, _ := json.Marshal(x)
	ya, _ := json.Marshal(y)
	return bytes.Equal(xa, ya)
}
