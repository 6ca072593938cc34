//go:build !(js && wasm)

package soak

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"nnplay/internal/browser"
	"nnplay/session"
)

// badShareOptions are shareLink options every state must refuse.
var badShareOptions = []string{`[{weights: "all"}]`, `[{weights: null}]`, `[{data: "yes"}]`, `[{colour: 1}]`,
	`[42]`, `["{"]`}

// share asks the page for a link of what it holds (shareLink, with its weights as trained
// now, as the run started or none, with or without the points) and types it into the
// address bar, as a person opening a link they were sent: the page applies it, paused. The
// shadow applies the same link (what it carries beside the settings is the page's, which
// equal the shadow's where the soak checks them); with weights, the page's must then be
// the link's, to the bit. Some options are refused, and the call throws.
func (r *runner) share() *action {
	if r.rng.IntN(5) == 0 {
		args := badShareOptions[r.rng.IntN(len(badShareOptions))]
		return callJS("share", "shareLink", args, true, func(sh *shadow) error { return errRefused })
	}
	opts := map[string]any{"weights": session.WeightChoices[r.rng.IntN(len(session.WeightChoices))], "data": r.rng.IntN(2) == 0}
	enc, _ := json.Marshal(opts)
	var link string
	return &action{kind: "share", desc: "shareLink(" + string(enc) + "), then the link typed into the address bar", api: true,
		run: func(r *runner) (bool, bool, error) {
			addr, err := browser.Call[string](r.tab, "shareLink", opts)
			var ae *browser.APIError
			if errors.As(err, &ae) {
				return true, false, nil
			}
			if err != nil {
				return false, false, err
			}
			_, link, _ = strings.Cut(addr, "#")
			return false, false, r.typeAddress(link)
		},
		apply: func(sh *shadow) error { return sh.applyLink(link) },
		verify: func(r *runner, refused error) error {
			if refused != nil || opts["weights"] == session.WeightsNone {
				return nil
			}
			return r.checkLinkWeights(link)
		},
	}
}

// checkLinkWeights checks that the page's weights are those link carries.
func (r *runner) checkLinkWeights(link string) error {
	l, err := session.ParseLink(link)
	if err != nil {
		return err
	}
	s, err := session.New(session.DefaultSettings())
	if err != nil {
		return err
	}
	if err := s.ApplyLink(l); err != nil {
		return err
	}
	want, err := json.Marshal(s.Model())
	if err != nil {
		return err
	}
	got, err := browser.Call[json.RawMessage](r.tab, "model")
	if err == nil && !sameJSON(got, want) {
		err = fmt.Errorf("the weights after opening the shared link are not those it carries")
	}
	return err
}
