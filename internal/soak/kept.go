//go:build !(js && wasm)

package soak

import (
	"encoding/json"
	"fmt"
	"strconv"

	"nnplay/internal/browser"
	"nnplay/session"
)

// keptKey is the local storage key under which the page keeps its work (web/store.js).
const keptKey = "nnplay.session"

// work is the page's weights, model() as JSON, and its epoch.
type work struct {
	model json.RawMessage
	epoch int
}

// pageWork reads the page's weights and epoch, and whether it trains.
func (r *runner) pageWork() (w work, running bool, err error) {
	st, err := browser.Eval[struct {
		Epoch   int
		Running bool
	}](r.tab, `nnplayPage.status()`)
	if err != nil {
		return w, false, err
	}
	w.epoch = st.Epoch
	w.model, err = browser.Call[json.RawMessage](r.tab, "model")
	return w, st.Running, err
}

// pausedWork returns the page's work when it is paused (it cannot change then but by an
// action), or nil while it trains.
func (r *runner) pausedWork() (*work, error) {
	w, running, err := r.pageWork()
	if err != nil || running {
		return nil, err
	}
	return &w, nil
}

// checkRestored checks the page after a reload that opened its kept work again: it is
// paused, its weights and epoch are those of the snapshot kept in local storage (written
// last as the page left), and, when it was paused before the reload (before not nil), those
// it had then.
func (r *runner) checkRestored(before *work) error {
	now, running, err := r.pageWork()
	if err != nil {
		return err
	}
	if running {
		return fmt.Errorf("the page trains after a reload that opened its kept work; it opens it paused")
	}
	text, err := browser.Eval[*string](r.tab, `localStorage.getItem("`+keptKey+`")`)
	if err != nil {
		return err
	}
	if text == nil {
		return fmt.Errorf("after a reload nothing is kept in local storage under %s", keptKey)
	}
	k, err := session.DecodeSnapshot([]byte(*text))
	if err != nil {
		return fmt.Errorf("the kept work is refused: %w", err)
	}
	s, err := session.New(session.DefaultSettings())
	if err != nil {
		return err
	}
	s.Restore(k)
	stored, err := json.Marshal(s.Model())
	if err != nil {
		return err
	}
	switch {
	case !sameJSON(now.model, stored):
		return fmt.Errorf("the weights after the reload are not those kept in local storage")
	case now.epoch != s.Epoch():
		return fmt.Errorf("the page opened at epoch %d; the kept work is at epoch %d", now.epoch, s.Epoch())
	case before != nil && !sameJSON(now.model, before.model):
		return fmt.Errorf("the weights after the reload are not those the paused page had before it")
	case before != nil && now.epoch != before.epoch:
		return fmt.Errorf("the page opened at epoch %d; paused before the reload it was at epoch %d", now.epoch, before.epoch)
	}
	return nil
}

// startFresh reloads the page and presses "start fresh" in the message that says the kept
// work was restored (web/link.js): the playground at its defaults, training, one undo step
// above the restored work, as session.StartFresh and the page's startFresh do. A reload
// that opens the address's link instead offers no such button; then it is only a reload.
// That the button is offered exactly when the shadow restores the work is checked too.
func (r *runner) startFresh() *action {
	offered, restored := false, false
	return &action{kind: "start-fresh", desc: "reload, then start fresh",
		run: func(r *runner) (_, _ bool, err error) {
			if _, err := r.reloadPage(); err != nil {
				return false, false, err
			}
			// The message steady hides, shown again while the button is looked for and pressed.
			if err := r.hideMessages(false); err != nil {
				return false, false, err
			}
			defer func() {
				if herr := r.hideMessages(true); err == nil {
					err = herr
				}
			}()
			label, err := browser.Eval[*string](r.tab, `(() => { const b = document.getElementById("message-action");
				return b.hidden || b.offsetParent === null ? null : b.textContent; })()`)
			if offered = err == nil && label != nil && *label == freshLabel; !offered {
				return false, false, err
			}
			at, ok, err := r.elementCentre("#message-action")
			if err == nil && !ok {
				err = fmt.Errorf("the %q button is offered but not shown", freshLabel)
			}
			if err == nil {
				err = r.press(at)
			}
			return false, false, err
		},
		apply: func(sh *shadow) error {
			if restored = sh.reload(); restored {
				sh.s.StartFresh()
				sh.s.SetRunning(true)
			}
			return nil
		},
		verify: func(r *runner, _ error) error {
			switch {
			case restored && !offered:
				return fmt.Errorf("a reload restored the kept work; its message offers no %q", freshLabel)
			case !restored && offered:
				return fmt.Errorf("a reload opened the address's link; its message offers %q all the same", freshLabel)
			}
			return nil
		},
	}
}

// freshLabel is the label of the button of the message after a restore (web/link.js).
const freshLabel = "start fresh"

// hideMessages hides the page's messages and hints, as steady does, or shows them again.
func (r *runner) hideMessages(hide bool) error {
	_, err := browser.Eval[bool](r.tab, `(document.getElementById("soak-steady").disabled = `+strconv.FormatBool(!hide)+`, true)`)
	return err
}
