package session

import (
	"encoding/json"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// other sets sp to a valid value other than its default in s (a default session's
// settings): a number's or an integer's Max (its Min if that is the default), a choice's
// first other name (a problem brings a data set of its own along), all features backwards,
// the most and widest hidden layers.
func other(t *testing.T, sp *Spec, s *Settings) {
	t.Helper()
	var v any
	switch sp.Kind {
	case KindNumber, KindInteger:
		v = sp.Max
		if sp.Default() == sp.Max {
			v = sp.Min
		}
	case KindBoolean:
		v = !sp.Default().(bool)
	case KindChoice:
		for _, c := range sp.Choices {
			if c != sp.Default() && c != Custom {
				v = c
				break
			}
		}
	case KindList:
		names := slices.Clone(sp.Choices)
		slices.Reverse(names)
		v = names
	case KindLayers:
		l := []float64{float64(len(s.Features))}
		for range sp.MaxHidden {
			l = append(l, sp.Max)
		}
		v = append(l, 1)
	}
	if err := sp.check(v); err != nil {
		t.Fatalf("%s: the test's other value %v: %v", sp.Name, v, err)
	}
	sp.store(s, v)
	if p, ok := DatasetProblem(s.Dataset); ok && p != s.Problem {
		for _, name := range DatasetNames() {
			if q, _ := DatasetProblem(name); q == s.Problem {
				s.Dataset = name
				break
			}
		}
	}
	if err := s.Validate(); err != nil {
		t.Fatalf("%s: the test's other settings: %v", sp.Name, err)
	}
}

// TestSpecsDefaults: every setting's default is one of its values, and the table's
// entries are complete: a name, a kind, effects, distinct names and link keys.
func TestSpecsDefaults(t *testing.T) {
	names, links := map[string]bool{}, map[string]bool{}
	for i := range Specs() {
		sp := &Specs()[i]
		if err := sp.check(sp.Default()); err != nil {
			t.Errorf("%s: default %v does not validate: %v", sp.Name, sp.Default(), err)
		}
		if sp.Name == "" || sp.Kind == "" || names[sp.Name] || sp.Link != "" && links[sp.Link] {
			t.Errorf("entry %d (%q): a name and a kind needed, names and link keys distinct", i, sp.Name)
		}
		names[sp.Name], links[sp.Link] = true, true
		for _, o := range sp.Offered {
			if err := sp.check(o); err != nil {
				t.Errorf("%s offers %v: %v", sp.Name, o, err)
			}
		}
		if LookupSpec(sp.Name) != sp {
			t.Errorf("LookupSpec(%q) does not find its entry", sp.Name)
		}
	}
	if LookupSpec("learningrate") != nil {
		t.Errorf("LookupSpec found a setting under a misspelt name")
	}
}

// TestSpecsRangeEdges: a number's or integer's range edges are accepted, the values just
// beyond them refused (0 allowed where it has a meaning), a fraction refused for an
// integer; every choice is accepted and a name off the list refused. Every refusal names
// the setting.
func TestSpecsRangeEdges(t *testing.T) {
	for i := range Specs() {
		sp := &Specs()[i]
		type tc struct {
			v  string // JSON
			ok bool
		}
		var cases []tc
		g := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
		switch sp.Kind {
		case KindNumber, KindInteger:
			below := math.Nextafter(sp.Min, math.Inf(-1))
			cases = []tc{{g(sp.Min), !sp.MinExclusive}, {g(sp.Max), true},
				{g(math.Nextafter(sp.Max, math.Inf(1))), false}, {g(below), below == 0 && sp.Zero != ""},
				{g(sp.Min - 1), sp.Min-1 == 0 && sp.Zero != ""}, {"0", sp.Zero != "" || sp.Min == 0 && !sp.MinExclusive}}
			if sp.Kind == KindInteger {
				cases = append(cases, tc{g(sp.Min + 0.5), false})
			}
		case KindChoice:
			for _, c := range sp.Choices {
				cases = append(cases, tc{strconv.Quote(c), true})
			}
			cases = append(cases, tc{`"` + strings.ToUpper(sp.Choices[0]) + `"`, false}, tc{`""`, false})
		case KindList:
			all, _ := json.Marshal(sp.Choices)
			cases = []tc{{string(all), true}, {`["` + sp.Choices[0] + `"]`, true}, {"[]", sp.Min == 0},
				{`["` + sp.Choices[0] + `", "` + sp.Choices[0] + `"]`, false}, {`["nope"]`, false}}
		case KindLayers:
			n := len(featureSpec().Choices)
			most := "[" + strconv.Itoa(n) + strings.Repeat(", "+g(sp.Max), sp.MaxHidden) + ", 1]"
			cases = []tc{{"[1, 1]", true}, {most, true}, {"[2, " + g(sp.Min) + ", 1]", true},
				{"[2, " + g(sp.Min-1) + ", 1]", false}, {"[2, " + g(sp.Max+1) + ", 1]", false},
				{"[" + strconv.Itoa(n+1) + ", 1]", false}, {"[0, 1]", false}, {"[2, 2]", false}, {"[2]", false},
				{"[2" + strings.Repeat(", 1", sp.MaxHidden+1) + ", 1]", false}}
		}
		cases = append(cases, tc{"{}", false}, tc{"null", false})
		for _, c := range cases {
			text := `{"` + sp.Name + `": ` + c.v + `}`
			p, err := ParsePatch([]byte(text))
			if (err == nil) != c.ok {
				t.Errorf("ParsePatch(%s): error %v, want accepted %v", text, err, c.ok)
			}
			if err != nil && !strings.HasPrefix(err.Error(), sp.Name) {
				t.Errorf("ParsePatch(%s): error %q does not start with the setting's name", text, err)
			}
			if err == nil && !p.Has(sp.Name) {
				t.Errorf("ParsePatch(%s) does not give %s", text, sp.Name)
			}
		}
	}
}

// TestSpecsLinkRoundTrip: for every setting, a link of settings where it differs from its
// default, read back into a default session, gives those settings; so do the settings'
// JSON and a patch of that JSON.
func TestSpecsLinkRoundTrip(t *testing.T) {
	for i := range Specs() {
		sp := &Specs()[i]
		want := DefaultSettings()
		other(t, sp, &want)
		if d := DefaultSettings(); sp.same(&want, &d) {
			t.Fatalf("%s: the test's other value is the default", sp.Name)
		}
		if sp.Link != "" {
			link := want.Link()
			if !strings.Contains(link, sp.Link+"=") {
				t.Errorf("%s: link %q leaves out %s", sp.Name, link, sp.Link)
			}
			s := newSession(t, nil)
			p, err := ParseLink(link)
			if err == nil {
				err = s.ApplyLink(p)
			}
			if got := s.Settings(); err != nil || !reflect.DeepEqual(got, want) {
				t.Errorf("%s: link %q gives %+v, %v; want %+v", sp.Name, link, got, err, want)
			}
		}
		text, err := json.Marshal(want)
		if err != nil {
			t.Fatalf("%s: json.Marshal: %v", sp.Name, err)
		}
		var got Settings
		if err := json.Unmarshal(text, &got); err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the JSON %s reads back as %+v, %v", sp.Name, text, got, err)
		}
		s := newSession(t, nil)
		if err := s.Configure(patch(string(text))); err != nil || !reflect.DeepEqual(s.Settings(), want) {
			t.Errorf("%s: configuring %s gives %+v, %v", sp.Name, text, s.Settings(), err)
		}
	}
}

// TestSpecsEffects: a change of each setting alone does what its entry's effects say:
// Rebuild restarts at epoch 0 with the weights from the seed, Regenerate and Resplit change
// the points, Retrain keeps the weights and the epoch; each is one undo step named after it; and what the effects
// leave out is not needed: the network still has the settings' shape and activation, the
// points are still those the settings generate.
func TestSpecsEffects(t *testing.T) {
	for i := range Specs() {
		sp := &Specs()[i]
		s, err := New(DefaultSettings()) // other() picks values unlike the defaults
		if err != nil {
			t.Fatal(err)
		}
		mustStep(t, s, 5)
		before := stateOf(s)
		next := s.Settings()
		other(t, sp, &next)
		text, _ := json.Marshal(next)
		if err := s.Configure(patch(string(text))); err != nil {
			t.Fatalf("%s: %v", sp.Name, err)
		}
		after := stateOf(s)
		if rebuilt := after.Epoch == 0; rebuilt != slices.Contains(sp.Effects, Rebuild) {
			t.Errorf("%s: epoch %d → %d; rebuilds %v", sp.Name, before.Epoch, after.Epoch, slices.Contains(sp.Effects, Rebuild))
		}
		if regen, changed := slices.Contains(sp.Effects, Regenerate) || slices.Contains(sp.Effects, Resplit), !slices.Equal(after.Points, before.Points); changed != regen {
			t.Errorf("%s: the points changed %v, want %v", sp.Name, changed, regen)
		}
		if got := s.UndoLabel(); got != "change "+sp.Name && got != "change dataset, problem" && got != "change features, layers" {
			t.Errorf("%s: undo step %q", sp.Name, got)
		}
		if slices.Contains(sp.Effects, Retrain) && !slices.Equal(after.Params, before.Params) {
			t.Errorf("%s: a change that retrains changed the weights", sp.Name)
		}
		if after.Version == before.Version {
			t.Errorf("%s: the change left Version at %d", sp.Name, after.Version)
		}
		fresh, err := New(next)
		if err != nil {
			t.Fatalf("%s: New: %v", sp.Name, err)
		}
		if after.Epoch == 0 && !slices.Equal(after.Params, fresh.Network().Params()) {
			t.Errorf("%s: rebuilt, but not from the seed", sp.Name)
		}
		if !slices.Equal(after.Layers, fresh.Network().Layers()) || s.Network().Hidden() != fresh.Network().Hidden() ||
			s.Network().Output() != fresh.Network().Output() {
			t.Errorf("%s: the network %v does not have the settings' shape %v", sp.Name, after.Layers, fresh.Network().Layers())
		}
		if !slices.Equal(after.Points, fresh.Points()) {
			t.Errorf("%s: the points are not those the settings generate", sp.Name)
		}
	}
}

// TestBooleanSetting: a boolean entry (as the view toggles will be) decodes, validates,
// stores, and goes through a link and back.
func TestBooleanSetting(t *testing.T) {
	var flag bool
	sp := Spec{Name: "showTest", Kind: KindBoolean, Link: "showTest", field: func(*Settings) any { return &flag }}
	for _, tc := range []struct {
		json string
		want string // error, "" for none
	}{
		{"true", ""}, {"false", ""},
		{"1", "showTest must be true or false, got 1"}, {`"true"`, `showTest must be true or false, got "true"`},
		{"null", "showTest must be true or false, got null"},
	} {
		v, err := sp.decode(json.RawMessage(tc.json))
		if err == nil {
			err = sp.check(v)
		}
		if got := errText(err); got != tc.want {
			t.Errorf("decode(%s): error %q, want %q", tc.json, got, tc.want)
		}
		if err != nil {
			continue
		}
		sp.store(nil, v)
		items := linkItems(sp.Value(nil))
		raw, err := linkValue(sp.Link, sp.Kind, items[0])
		if flag != (tc.json == "true") || err != nil || string(raw) != tc.json {
			t.Errorf("%s: stored %v, link %q reads back as %s, %v", tc.json, flag, items, raw, err)
		}
	}
	if _, err := linkValue("showTest", KindBoolean, "yes"); errText(err) != `showTest: "yes" is not true or false` {
		t.Errorf("a link's showTest=yes: error %v", err)
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
