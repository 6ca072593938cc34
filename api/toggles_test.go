package api

import (
	"strings"
	"testing"
)

// TestViewToggles: each of the view's calls sets its setting, as configure does and state()
// shows it (both in settings and in its own field), is one undo step named after the
// setting, and goes into the link.
func TestViewToggles(t *testing.T) {
	tests := []struct {
		name    string
		set     func(*Playground, bool) error
		setting string
		on      bool // the setting's value after set(true)
		field   string
		link    string
	}{
		{"setLogLoss", (*Playground).SetLogLoss, "logLoss", true, "logLoss", "logLoss=true"},
		{"setDiscrete", (*Playground).SetDiscrete, "discretize", true, "discrete", "discretize=true"},
		{"setHideTest", (*Playground).SetHideTest, "showTestData", false, "hideTest", "showTestData=false"},
		{"setGradients", (*Playground).SetGradients, "gradients", true, "gradients", "gradients=true"},
	}
	for _, tc := range tests {
		p := newPlayground(t)
		if err := tc.set(p, true); err != nil {
			t.Fatalf("%s(true): %v", tc.name, err)
		}
		st := decodeState(t, p)
		if got := st["settings"].(map[string]any)[tc.setting]; got != tc.on || st[tc.field] != true {
			t.Errorf("%s(true): settings.%s %v, state().%s %v", tc.name, tc.setting, got, tc.field, st[tc.field])
		}
		if got := p.S.UndoLabel(); got != "change "+tc.setting {
			t.Errorf("%s(true): undo label %q, want %q", tc.name, got, "change "+tc.setting)
		}
		if !strings.Contains(p.Link(), tc.link) {
			t.Errorf("%s(true): link %q, want %s in it", tc.name, p.Link(), tc.link)
		}
		if err := p.Undo(); err != nil || decodeState(t, p)[tc.field] != false {
			t.Errorf("%s(true), undo: state().%s %v, %v", tc.name, tc.field, decodeState(t, p)[tc.field], err)
		}
		q := newPlayground(t)
		if err := q.ApplyLink(mustJSON(p.Link())); err != nil || decodeState(t, q)[tc.field] != false {
			t.Errorf("%s: the link after undo gives state().%s %v, %v", tc.name, tc.field, decodeState(t, q)[tc.field], err)
		}
	}
}

// TestApplyLinkForms: applyLink takes a full address or a fragment, in any order, and a
// link naming a data set of the other problem switches to it.
func TestApplyLinkForms(t *testing.T) {
	tests := []struct {
		name, link       string
		dataset, problem string
	}{
		{"address", "http://localhost:8080/#dataset=plane&noise=0.1", "plane", "regression"},
		{"fragment, problem first", "#problem=regression&noise=0.1&dataset=gauss-multi", "gauss-multi", "regression"},
		{"data set last", "noise=0.1&dataset=xor", "xor", "classification"},
	}
	for _, tc := range tests {
		p := newPlayground(t)
		if err := p.ApplyLink(mustJSON(tc.link)); err != nil {
			t.Errorf("%s: applyLink(%q): %v", tc.name, tc.link, err)
			continue
		}
		set := decodeState(t, p)["settings"].(map[string]any)
		if set["dataset"] != tc.dataset || set["problem"] != tc.problem || set["noise"] != 0.1 {
			t.Errorf("%s: applyLink(%q) gives %v", tc.name, tc.link, set)
		}
		// Back to circle from regression, by the data set alone.
		if err := p.ApplyLink(mustJSON("https://example.org/nnplay/#dataset=circle")); err != nil || p.S.Settings().Problem != "classification" {
			t.Errorf("%s: then #dataset=circle: %v, problem %s", tc.name, err, p.S.Settings().Problem)
		}
	}
}
