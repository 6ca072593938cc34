//go:build !(js && wasm)

package soak

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp/kb"

	"nnplay/internal/browser"
	"nnplay/session"
)

// badLinks are links typed into the address bar that the page must refuse, changing
// nothing.
var badLinks = []string{
	"learningRate=abc", "layers=2,,1", "noise=%", "dataset=nope", "noise=5", "seed=1&seed=2",
	"layers=" + strings.Repeat("8,", 40) + "1", "features=", "batchSize=1e400", "%E0%A4%A",
}

// typeLink types a link into the address bar: the page's address with a new fragment.
func (r *runner) typeLink() *action {
	link := r.randomLink()
	if r.rng.IntN(3) == 0 {
		link = badLinks[r.rng.IntN(len(badLinks))]
	}
	return &action{kind: "address", desc: "#" + link, keeps: false,
		run:   func(r *runner) (bool, bool, error) { return false, false, r.typeAddress(link) },
		apply: func(sh *shadow) error { return sh.applyLink(link) },
	}
}

// typeAddress types the page's address with link as its fragment into the address bar and
// waits until the page answered.
func (r *runner) typeAddress(link string) error {
	// The page answers on hashchange, which comes after the navigation returns.
	same, err := browser.Eval[bool](r.tab, `(window.soakHashed = false, addEventListener("hashchange",
		() => { window.soakHashed = true; }, {once: true}), location.hash === `+strconv.Quote("#"+link)+`)`)
	if err != nil {
		return err
	}
	if err := r.tab.Navigate(r.cfg.URL + "#" + link); err != nil {
		return err
	}
	if !same {
		if err := r.tab.WaitFor(`window.soakHashed`, PageAnswer); err != nil {
			return err
		}
	}
	return r.tab.Frames(2)
}

// reload reloads the page, which opens again with the work it kept in local storage, or
// at the address's link when that is another (see shadow.reload). Work it opens again is
// paused, with the weights and epoch it stored last (checkRestored).
func (r *runner) reload() *action {
	var before *work // the page's weights and epoch before the reload, when it was paused
	restored := false
	return &action{kind: "reload", desc: "reload", keeps: false,
		run: func(r *runner) (bool, bool, error) {
			var err error
			before, err = r.reloadPage()
			return false, false, err
		},
		apply: func(sh *shadow) error { restored = sh.reload(); return nil },
		verify: func(r *runner, _ error) error {
			if !restored {
				return nil
			}
			return r.checkRestored(before)
		},
	}
}

// reloadPage reloads the page and waits until it answers again, within the reload's bound.
// It returns the page's weights and epoch before the reload when it was paused, else nil.
func (r *runner) reloadPage() (before *work, err error) {
	if before, err = r.pausedWork(); err != nil {
		return nil, err
	}
	took, _, err := r.tab.Reload(ready)
	if err == nil && took > r.cfg.ReloadBound {
		err = fmt.Errorf("the page took %v to come back, more than %v", took.Round(time.Millisecond), r.cfg.ReloadBound)
	}
	if err == nil {
		err = r.steady()
	}
	r.epoch = 0
	if err == nil { // the epoch the page opened at was trained before
		var st struct{ Epoch int }
		st, err = browser.Eval[struct{ Epoch int }](r.tab, `nnplayPage.status()`)
		r.epoch = st.Epoch
	}
	return before, err
}

// resize turns the tab from desktop to phone or back.
func (r *runner) resize() *action {
	to := map[bool]string{true: "desktop", false: "phone"}[r.phone]
	return &action{kind: "resize", desc: "to " + to, keeps: true,
		run: func(r *runner) (bool, bool, error) {
			r.phone = !r.phone
			if err := r.tab.Resize(r.viewport()); err != nil {
				return false, false, err
			}
			return false, false, r.tab.Frames(3)
		},
		apply: func(sh *shadow) error { return nil },
	}
}

// pageKeys are the page's shortcuts, pressed with the focus on the page (not in a field).
var pageKeys = []struct {
	name  string
	keys  string
	mods  int64
	keeps bool
	apply func(sh *shadow) error
}{
	{"ctrl+z", "z", browser.Ctrl, false, func(sh *shadow) error { return sh.s.Undo() }},
	{"ctrl+shift+z", "z", browser.Ctrl | browser.Shift, false, func(sh *shadow) error { return sh.s.Redo() }},
	{"ctrl+y", "y", browser.Ctrl, false, func(sh *shadow) error { return sh.s.Redo() }},
	{"space", " ", 0, false, func(sh *shadow) error { sh.s.SetRunning(!sh.s.Running()); return nil }},
	{"s", "s", 0, false, func(sh *shadow) error { return nil }},
	{"r", "r", 0, false, func(sh *shadow) error { sh.s.Reset(); return nil }},
}

// pageKey presses one of pageKeys on the page.
func (r *runner) pageKey() *action {
	k := pageKeys[r.rng.IntN(len(pageKeys))]
	return &action{kind: "page-key", desc: k.name, keeps: k.keeps,
		run: func(r *runner) (bool, bool, error) {
			if _, err := browser.Eval[bool](r.tab, `(document.activeElement && document.activeElement.blur(), true)`); err != nil {
				return false, false, err
			}
			return false, false, r.tab.Keys(k.keys, k.mods)
		},
		apply: k.apply,
	}
}

// buttons are the page's buttons the soak clicks, with what they do.
var buttons = []struct {
	id    string
	apply func(sh *shadow) error
}{
	{"undo", func(sh *shadow) error { return sh.s.Undo() }},
	{"redo", func(sh *shadow) error { return sh.s.Redo() }},
	{"reset", func(sh *shadow) error { sh.s.Reset(); return nil }},
	{"regenerate", func(sh *shadow) error { return sh.s.Regenerate() }},
	{"play", func(sh *shadow) error { sh.s.SetRunning(!sh.s.Running()); return nil }},
	{"step", func(sh *shadow) error { return nil }},
	// Downloads and the share button's copy change nothing (the picture is checked: see
	// checked).
	{"save", func(sh *shadow) error { return nil }},
	{"save-data", func(sh *shadow) error { return nil }},
	{"save-csv", func(sh *shadow) error { return nil }},
	{"save-picture", func(sh *shadow) error { return nil }},
	{"share", func(sh *shadow) error { return nil }},
}

// button clicks one of buttons with the mouse or a finger (a checked one as checked says);
// a button hidden in the layout of the moment (the phone's closed drawer) is skipped.
func (r *runner) button() *action {
	b := buttons[r.rng.IntN(len(buttons))]
	run := func(r *runner) (bool, bool, error) { return r.pressElement("#"+b.id, nil) }
	if press, ok := checked[b.id]; ok {
		run = press
	}
	return &action{kind: "button", desc: b.id, run: run, apply: b.apply}
}

// pressElement clicks (desktop) or taps (phone) the centre of the element the CSS selector
// picks, scrolled into view, and then does then (when not nil). On the phone a control in
// the closed Controls drawer is reached as a person reaches it: the drawer is opened first
// and closed after. skip is true when the element is not shown even so (a classroom link
// hid it).
func (r *runner) pressElement(selector string, then func() error) (threw, skip bool, err error) {
	return r.onElement(selector, func(at browser.Pt) error {
		if err := r.press(at); err != nil || then == nil {
			return err
		}
		return then()
	})
}

// onElement does do with the centre of the element the CSS selector picks, scrolled into
// view, reached as pressElement reaches it (on the phone, in the opened drawer).
func (r *runner) onElement(selector string, do func(at browser.Pt) error) (threw, skip bool, err error) {
	at, ok, err := r.elementCentre(selector)
	if err == nil && !ok && r.phone {
		var opened bool
		if opened, err = r.toggleDrawer(false); opened && err == nil {
			defer func() {
				if _, cerr := r.toggleDrawer(true); err == nil {
					err = cerr
				}
			}()
			at, ok, err = r.elementCentre(selector)
		}
	}
	if err != nil || !ok {
		return false, true, err
	}
	return false, false, do(at)
}

// toggleDrawer taps the phone's Controls drawer button when the drawer is open (open true)
// or closed (false), and reports whether it did (not on the desktop, which has none).
func (r *runner) toggleDrawer(open bool) (bool, error) {
	st, err := browser.Eval[*bool](r.tab, `(() => { const d = document.getElementById("drawer");
		return d.getClientRects().length === 0 ? null : d.getAttribute("aria-expanded") === "true"; })()`)
	if err != nil || st == nil || *st != open {
		return false, err
	}
	at, ok, err := r.elementCentre("#drawer")
	if err != nil || !ok {
		return false, err
	}
	return true, r.press(at)
}

// press clicks at with the mouse (desktop) or taps it (phone).
func (r *runner) press(at browser.Pt) error {
	if r.phone {
		return r.tab.Tap(at)
	}
	return r.tab.Click(at, input.MouseButtonLeft, 0)
}

// elementCentre scrolls the element the CSS selector picks into view and returns its
// centre; ok is false when it is not shown.
func (r *runner) elementCentre(selector string) (browser.Pt, bool, error) {
	var at *browser.Pt
	at, err := browser.Eval[*browser.Pt](r.tab, `(() => { const e = document.querySelector(`+strconv.Quote(selector)+`);
		if (!e || e.getClientRects().length === 0) return null;
		e.scrollIntoView({block: "center"});
		const b = e.getBoundingClientRect();
		return b.width > 0 ? {x: Math.round(b.left + b.width / 2), y: Math.round(b.top + b.height / 2)} : null; })()`)
	if err != nil || at == nil {
		return browser.Pt{}, false, err
	}
	return *at, true, nil
}

// controls are the settings' lists and sliders the soak changes by keyboard, by their id
// (the same as their setting's name). Number fields (batch size) take their value on Enter
// or blur, not on an arrow key; they are left out.
var controls = []string{"dataset", "activation", "problem", "learningRate", "regularization",
	"regularizationRate", "noise", "testRatio", "speed"}

// controlState is what a control offers: a select's options and choice, or a range's.
type controlState struct {
	Type     string   `json:"type"`
	Values   []string `json:"values"`   // a select's options
	Disabled []bool   `json:"disabled"` // and which cannot be chosen
	Index    int      `json:"index"`    // the chosen option
	Value    float64  `json:"value"`    // a range's value
	Min      float64  `json:"min"`
	Max      float64  `json:"max"`
	Step     string   `json:"step"`
}

// control focuses a setting's control and presses an arrow key on it, as a keyboard user
// does: the next or previous option of a list, a step of a slider. What it offers is read
// from the control (as a person reads the list); the shadow takes the value the key picks.
func (r *runner) control() *action {
	id := controls[r.rng.IntN(len(controls))]
	up := r.rng.IntN(2) == 0
	var patch map[string]any
	return &action{kind: "control", desc: fmt.Sprintf("%s %s", id, map[bool]string{true: "next", false: "previous"}[up]),
		run: func(r *runner) (bool, bool, error) {
			c, err := browser.Eval[*controlState](r.tab, `(() => { const e = document.getElementById(`+strconv.Quote(id)+`);
				if (!e || e.offsetParent === null) return null;
				e.scrollIntoView({block: "center"}); e.focus();
				if (e.tagName === "SELECT") return {type: "select", values: [...e.options].map(o => o.value),
					disabled: [...e.options].map(o => o.disabled), index: e.selectedIndex};
				return {type: e.type, value: Number(e.value), min: Number(e.min), max: Number(e.max), step: e.step}; })()`)
			if err != nil || c == nil {
				return false, true, err
			}
			if c.Type != "select" && c.Type != "range" {
				return false, false, fmt.Errorf("the control %s is a %s; the soak knows lists and sliders", id, c.Type)
			}
			patch = c.next(id, up)
			key := map[bool]string{true: kb.ArrowDown, false: kb.ArrowUp}[up]
			if c.Type == "range" {
				key = map[bool]string{true: kb.ArrowRight, false: kb.ArrowLeft}[up]
			}
			return false, false, r.tab.Keys(key, 0)
		},
		apply: func(sh *shadow) error {
			if patch == nil {
				return nil
			}
			return configurePatch(sh, patch)
		},
	}
}

// next returns the patch the control sends when its arrow key moves it up (down), or nil
// when the key moves nothing.
func (c *controlState) next(id string, up bool) map[string]any {
	d := map[bool]int{true: 1, false: -1}[up]
	if c.Type == "select" {
		for i := c.Index + d; i >= 0 && i < len(c.Values); i += d {
			if !c.Disabled[i] {
				return settingPatch(id, c.Values[i])
			}
		}
		return nil
	}
	if id == "speed" {
		speeds := session.LookupSpec("speed").Offered
		i := int(c.Value) + d
		if i < 0 || i >= len(speeds) {
			return nil
		}
		return map[string]any{"speed": speeds[i]}
	}
	step, _ := strconv.ParseFloat(c.Step, 64)
	digits := 0
	if _, frac, ok := strings.Cut(c.Step, "."); ok {
		digits = len(frac)
	}
	n := math.Round((c.Value-c.Min)/step) + float64(d)
	if n < 0 || c.Min+n*step > c.Max+step/2 {
		return nil
	}
	v, _ := strconv.ParseFloat(strconv.FormatFloat(c.Min+n*step, 'f', digits, 64), 64)
	return map[string]any{id: v}
}

// settingPatch is the patch a select sends for the option value: a number for a setting
// of numbers, and a data set brings its problem along.
func settingPatch(id, value string) map[string]any {
	patch := map[string]any{id: value}
	if k := session.LookupSpec(id).Kind; k == session.KindNumber || k == session.KindInteger {
		v, _ := strconv.ParseFloat(value, 64)
		patch[id] = v
	}
	if problem, ok := session.DatasetProblem(value); id == "dataset" && ok {
		patch["problem"] = problem
	}
	return patch
}
