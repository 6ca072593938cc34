package api

import (
	"bytes"
	"strings"
	"testing"

	"nnplay/session"
)

// TestShareLinkOptions: shareLink's options choose what the link carries, with the
// defaults (the current weights; the points when hand-made); bad options are refused with
// a message naming them, and change nothing.
func TestShareLinkOptions(t *testing.T) {
	tests := []struct {
		options         string
		handMade        bool
		weights, points bool
		want            string // the refusal, or "" when taken
	}{
		{`null`, false, true, false, ""},
		{`null`, true, true, true, ""},
		{`{}`, true, true, true, ""},
		{`{"weights": "none"}`, false, false, false, ""},
		{`{"weights": "initial", "data": true}`, false, true, true, ""},
		{`{"weights": "current", "data": false}`, true, true, false, ""},
		{`{"weights": "all"}`, false, false, false, `shareLink: weights must be one of none, initial, current, got "all"`},
		{`{"weights": null}`, false, false, false, "shareLink: weights must be one of none, initial, current, got null"},
		{`{"weights": 1}`, false, false, false, "shareLink: weights must be one of"},
		{`{"data": "yes"}`, false, false, false, `shareLink: data must be true or false, got "yes"`},
		{`{"data": null}`, false, false, false, "shareLink: data must be true or false, got null"},
		{`{"points": true}`, false, false, false, `shareLink: unknown option "points" (want weights, data)`},
		{`"current"`, false, false, false, `shareLink: want the options as an object {weights, data}, got "current"`},
		{`[]`, false, false, false, "shareLink: want the options as an object"},
	}
	for _, tc := range tests {
		p := newPlayground(t)
		if tc.handMade {
			if _, err := p.S.AddPoint(1, 1, 1); err != nil {
				t.Fatal(err)
			}
		}
		before := stateJSON(t, p)
		link, err := p.ShareLink([]byte(tc.options))
		if !bytes.Equal(stateJSON(t, p), before) {
			t.Errorf("%s: shareLink changed the playground", tc.options)
		}
		if tc.want != "" {
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%s: %q, %v; want the error %q", tc.options, link, err, tc.want)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tc.options, err)
			continue
		}
		l, err := session.ParseLink(link)
		if err != nil {
			t.Errorf("%s: ParseLink(%q): %v", tc.options, link, err)
			continue
		}
		if (l.Weights != nil) != tc.weights || (l.Points != nil) != tc.points {
			t.Errorf("%s (hand-made %v): the link carries weights %v, points %v; want %v, %v",
				tc.options, tc.handMade, l.Weights != nil, l.Points != nil, tc.weights, tc.points)
		}
	}
}

// TestApplySharedLink: applyLink takes a shared link as a full address: the model and the
// points come back the same, byte for byte, paused; a refused one changes nothing.
func TestApplySharedLink(t *testing.T) {
	src := newPlayground(t)
	if _, err := src.S.AddPoint(-2.5, 3.75, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := src.Step(7); err != nil {
		t.Fatal(err)
	}
	link, err := src.ShareLink([]byte(`{"weights": "current"}`))
	if err != nil {
		t.Fatal(err)
	}
	p := newPlayground(t)
	p.Play()
	if err := p.ApplyLink(mustJSON("http://localhost:8080/index.html#" + link)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(modelJSON(p), modelJSON(src)) || !bytes.Equal(pointsJSON(p), pointsJSON(src)) || p.S.Running() {
		t.Errorf("model %s, points %d, running %v; want the sharer's model and points, paused", modelJSON(p), len(p.S.Points()), p.S.Running())
	}
	before := stateJSON(t, p)
	cut := link[:len(link)-6]
	if err := p.ApplyLink(mustJSON(cut)); err == nil || !strings.HasPrefix(err.Error(), "applyLink: weights: ") {
		t.Errorf("a link cut short: %v, want refused naming weights", err)
	}
	if !bytes.Equal(stateJSON(t, p), before) {
		t.Error("the refused link changed the playground")
	}
}
