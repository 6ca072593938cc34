package session

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestLinkRoundTrip: a link read back into a session with the default settings gives the
// settings it was written from.
func TestLinkRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		edit func(*Settings)
	}{
		{"defaults", func(*Settings) {}},
		{"xor, features, deep tanh", func(s *Settings) {
			s.Dataset, s.Noise, s.NumPoints, s.TestRatio, s.DataSeed = "xor", 0.35, 1234, 0.25, 7
			s.Features = []string{"x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"}
			s.Hidden, s.Activation, s.Seed = []int{8, 8, 3}, "tanh", 4294967295
			s.LearningRate, s.BatchSize, s.Regularization, s.RegularizationRate, s.Speed = 0.00001, 2000, "l2", 0.003, 0
		}},
		{"regression, no hidden layer", func(s *Settings) {
			s.Problem, s.Dataset, s.Hidden, s.Activation, s.Features = "regression", "gauss-multi", []int{}, "relu", []string{"x2"}
			s.LearningRate, s.Regularization, s.RegularizationRate, s.Speed = 10, "l1", 10, 1000000
		}},
	}
	for _, tc := range tests {
		want := ClassicSettings()
		tc.edit(&want)
		link := want.Link()
		p, err := ParseLink("#" + link)
		if err != nil {
			t.Errorf("%s: ParseLink(%q): %v", tc.name, link, err)
			continue
		}
		s := newSession(t, nil)
		if err := s.ApplyLink(p); err != nil {
			t.Errorf("%s: configuring from %q: %v", tc.name, link, err)
			continue
		}
		got := s.Settings()
		if len(got.Hidden) == 0 && len(want.Hidden) == 0 {
			got.Hidden, want.Hidden = nil, nil // no hidden layer, however written
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: link %q gives\n %+v\nwant %+v", tc.name, link, got, want)
		}
	}
}

// TestLinkShape: a link is readable (names as the API's, lists comma-separated, names
// escaped) and leaves hand-made data out.
func TestLinkShape(t *testing.T) {
	s := ClassicSettings()
	s.Features = []string{"x1", "x1*x2"}
	want := "dataset=circle&problem=classification&noise=0&numPoints=250&testRatio=0.5&dataSeed=1&" +
		"features=x1,x1%2Ax2&layers=2,4,1&activation=sigmoid&seed=1&learningRate=0.03&batchSize=10&" +
		"regularization=none&regularizationRate=0&speed=500&discretize=false&showTestData=true&logLoss=false&gradients=false"
	if got := s.Link(); got != want {
		t.Errorf("Link() =\n %s\nwant\n %s", got, want)
	}
	s.Dataset = Custom
	if got := s.Link(); strings.Contains(got, "dataset") || !strings.HasPrefix(got, "problem=") {
		t.Errorf("custom data: Link() = %s, want no dataset", got)
	}
	s.Speed, s.LearningRate = 1e6, 1e-5
	if got := s.Link(); !strings.Contains(got, "speed=1000000") || !strings.Contains(got, "learningRate=0.00001") {
		t.Errorf("Link() = %s, want speed=1000000 and learningRate=0.00001 (no exponent to escape)", got)
	}
}

// refusedLink is a link ParseLink must refuse, and words its refusal must say.
type refusedLink struct{ link, want string }

// wantRefused checks that ParseLink refuses every link with a message saying its words.
func wantRefused(t *testing.T, links []refusedLink) {
	t.Helper()
	for _, tc := range links {
		l, err := ParseLink(tc.link)
		if err == nil {
			t.Errorf("ParseLink(%.60q) = %+v, want an error", tc.link, l)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseLink(%.60q): %q, want it to say %q", tc.link, err, tc.want)
		}
	}
}

// TestParseLinkRejects: a malformed link is refused with a message naming the setting at
// fault, before anything changes.
func TestParseLinkRejects(t *testing.T) {
	wantRefused(t, []refusedLink{
		{"learningRate=abc", `learningRate: "abc" is not a number`},
		{"learningRate=NaN", `learningRate: "NaN" is not a number`},
		{"learningRate=0x10", `learningRate: "0x10" is not a number`},
		{"learningRate=", `learningRate: "" is not a number`},
		{"learningRate=%201", `learningRate: " 1" is not a number`},
		{"learningRate=20", "learningRate must be a finite number in (0, 10], got 20"},
		{"learningRate=1e999", `learningRate: "1e999" is not a number`},
		{"learningRate", `"learningRate" has no value (want name=value)`},
		{"colour=red", `unknown setting "colour"`},
		{"seed=1&seed=2", "seed is given twice"},
		{"layers=2,x,1", `layers: "x" is not a number`},
		{"layers=2,4.5,1", "layers"},
		{"features=x1,%zz", `features: "%zz" is not properly escaped`},
		{"activation=softmax", "activation"},
		{"numPoints=5000", "numPoints"},
		{"seed=-1", "seed"},
		{"discretize=yes", `discretize: "yes" is not true or false`},
		{"hide=colour", `hide[0] must be one of dataset, problem,`},
		{"hide=noise,hide", `hide[1] must be one of`},
		{"hide=noise,noise", `hide lists "noise" twice`},
		{"http://localhost:8080/#noise=0.2&colour=red", `unknown setting "colour"`},
	})
	for _, empty := range []string{"", "#", "&&", "http://localhost:8080/", "https://example.org/nnplay/?a=b", "http://localhost:8080/#"} {
		if p, err := ParseLink(empty); err != nil || !reflect.DeepEqual(p, Link{}) {
			t.Errorf("ParseLink(%q) = %+v, %v; want the empty patch", empty, p, err)
		}
	}
}

// TestParseLinkForms: a link is read the same as a fragment with or without '#' and as a
// full address, whatever the order of its keys.
func TestParseLinkForms(t *testing.T) {
	const link = "noise=0.2&learningRate=0.1&dataset=xor&problem=classification&layers=2,3,1&features=x1,x2&discretize=true&showTestData=false&hide=noise,testRatio"
	want := ClassicSettings() // newSession's
	want.Noise, want.LearningRate, want.Dataset, want.Hidden = 0.2, 0.1, "xor", []int{3}
	want.View.Discretize, want.View.ShowTestData, want.Hide = true, false, []string{"noise", "testRatio"}
	keys := strings.Split(link, "&")
	reversed := slices.Clone(keys)
	slices.Reverse(reversed)
	rotated := append(slices.Clone(keys[4:]), keys[:4]...)
	tests := []struct{ name, text string }{
		{"fragment", link},
		{"with #", "#" + link},
		{"address", "http://localhost:8080/#" + link},
		{"address with a path and query", "https://example.org/play/index.html?x=1#" + link},
		{"keys reversed", strings.Join(reversed, "&")},
		{"keys rotated", "#" + strings.Join(rotated, "&")},
	}
	for _, tc := range tests {
		p, err := ParseLink(tc.text)
		s := newSession(t, nil)
		if err == nil {
			err = s.ApplyLink(p)
		}
		if got := s.Settings(); err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %q gives %+v, %v\nwant %+v", tc.name, tc.text, got, err, want)
		}
	}
}

// TestDatasetImpliesProblem: a link or a patch naming a data set of the other problem
// switches to that problem (rebuilding the network and generating that data set); naming
// both that do not fit is refused.
func TestDatasetImpliesProblem(t *testing.T) {
	tests := []struct {
		name, from, link string
		problem, dataset string
	}{
		{"circle from regression", Regression, "dataset=circle", Classification, "circle"},
		{"plane from classification", Classification, "#dataset=plane&noise=0.1", Regression, "plane"},
		{"gauss-multi, problem after", Classification, "noise=0.1&dataset=gauss-multi&problem=regression", Regression, "gauss-multi"},
		{"spiral on classification", Classification, "dataset=spiral", Classification, "spiral"},
	}
	for _, tc := range tests {
		s := newSession(t, func(st *Settings) {
			if tc.from == Regression {
				st.Problem, st.Dataset = Regression, "plane"
			}
		})
		mustStep(t, s, 5)
		p, err := ParseLink(tc.link)
		if err == nil {
			err = s.ApplyLink(p)
		}
		if err != nil {
			t.Errorf("%s: %q refused: %v", tc.name, tc.link, err)
			continue
		}
		got := s.Settings()
		if got.Problem != tc.problem || got.Dataset != tc.dataset {
			t.Errorf("%s: %q gives problem %s on %s, want %s on %s", tc.name, tc.link, got.Problem, got.Dataset, tc.problem, tc.dataset)
		}
		want, _ := Generate(tc.dataset, got.NumPoints, got.Noise, got.DataSeed, got.TestRatio)
		if !reflect.DeepEqual(s.Points(), want) {
			t.Errorf("%s: the points are not the %s data set's", tc.name, tc.dataset)
		}
		if rebuilt := tc.problem != tc.from; rebuilt != (s.Epoch() == 0) {
			t.Errorf("%s: epoch %d after the change; rebuilt should be %v", tc.name, s.Epoch(), rebuilt)
		}
	}
	s := newSession(t, nil)
	if p, err := ParseLink("dataset=plane&problem=classification"); err == nil {
		if err := s.ApplyLink(p); err == nil || !strings.Contains(err.Error(), `dataset "plane" is a regression data set, but problem is classification`) {
			t.Errorf("plane with classification: %v, want refused", err)
		}
	}
}

// TestViewSettings: the view's toggles and hide change nothing but themselves: the
// weights, epoch and points stay; each change is one undo step named after its setting,
// and undo brings the old value back.
func TestViewSettings(t *testing.T) {
	tests := []struct {
		patch string
		check func(Settings) bool
	}{
		{`{"discretize": true}`, func(s Settings) bool { return s.View.Discretize }},
		{`{"showTestData": false}`, func(s Settings) bool { return !s.View.ShowTestData }},
		{`{"logLoss": true}`, func(s Settings) bool { return s.View.LogLoss }},
		{`{"gradients": true}`, func(s Settings) bool { return s.View.Gradients }},
		{`{"hide": ["noise", "gradients"]}`, func(s Settings) bool { return slices.Equal(s.Hide, []string{"noise", "gradients"}) }},
	}
	for _, tc := range tests {
		s := newSession(t, nil)
		mustStep(t, s, 5)
		before := stateOf(s)
		if err := s.Configure(patch(tc.patch)); err != nil {
			t.Fatalf("%s: %v", tc.patch, err)
		}
		name := strings.Trim(strings.SplitN(tc.patch, ":", 2)[0], `{" `)
		if !tc.check(s.Settings()) || s.View() != s.Settings().View {
			t.Errorf("%s: settings %+v, view %+v", tc.patch, s.Settings(), s.View())
		}
		after := stateOf(s)
		if after.Epoch != before.Epoch || !reflect.DeepEqual(after.Params, before.Params) || !reflect.DeepEqual(after.Points, before.Points) {
			t.Errorf("%s changed the epoch, the weights or the points", tc.patch)
		}
		if got := s.UndoLabel(); got != "change "+name {
			t.Errorf("%s: undo label %q, want %q", tc.patch, got, "change "+name)
		}
		if err := s.Undo(); err != nil || !reflect.DeepEqual(s.Settings(), before.Settings) {
			t.Errorf("%s: undo gives %+v, %v", tc.patch, s.Settings(), err)
		}
	}
}
