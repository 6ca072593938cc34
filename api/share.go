package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"nnplay/session"
)

// ShareLink returns the current state as a shared link's fragment, without '#' (see
// session.Session.ShareLink), carrying what options, a JSON object {weights, data}, asks
// for: weights "none", "initial" or "current" (by default "current"), data true or false
// (by default true when the points are hand-made, the data set custom). The page's shim
// puts the page's address before it. Unknown options and values of the wrong kind are
// refused.
func (p *Playground) ShareLink(options []byte) (string, error) {
	sh := p.S.DefaultShare()
	if string(bytes.TrimSpace(options)) != "null" {
		var raw map[string]json.RawMessage
		if err := json.Unmarshal(options, &raw); err != nil || raw == nil {
			return "", fmt.Errorf("shareLink: want the options as an object {weights, data}, got %s", session.Excerpt(options))
		}
		if err := shareOptions(&sh, raw); err != nil {
			return "", fmt.Errorf("shareLink: %w", err)
		}
	}
	link, err := p.S.ShareLink(sh)
	if err != nil {
		return "", fmt.Errorf("shareLink: %w", err)
	}
	return link, nil
}

// shareOptions reads the options of shareLink into sh.
func shareOptions(sh *session.Share, raw map[string]json.RawMessage) error {
	for _, key := range slices.Sorted(maps.Keys(raw)) { // the first error is always the same
		v, err := raw[key], error(nil)
		switch key {
		case "weights":
			if json.Unmarshal(v, &sh.Weights) != nil || string(v) == "null" || !slices.Contains(session.WeightChoices, sh.Weights) {
				err = fmt.Errorf("weights must be one of %s, got %s", strings.Join(session.WeightChoices, ", "), session.Excerpt(v))
			}
		case "data":
			if json.Unmarshal(v, &sh.Data) != nil || string(v) == "null" {
				err = fmt.Errorf("data must be true or false, got %s", session.Excerpt(v))
			}
		default:
			err = fmt.Errorf("unknown option %q (want weights, data)", key)
		}
		if err != nil {
			return err
		}
	}
	return nil
}
