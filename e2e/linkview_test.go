//go:build !(js && wasm)

package e2e

import (
	"strings"
	"testing"
	"time"

	"nnplay/internal/browser"
)

// TestLinkView: the view's toggles are settings in the link. An address that sets them
// opens with them on (the checkboxes ticked, state() agreeing); ticking one with the mouse
// writes it into the address and is an undo step the undo button names.
func TestLinkView(t *testing.T) {
	p := openAt(t, browser.Desktop, "#gradients=true&showTestData=false&logLoss=true&discretize=true")
	for _, c := range []struct{ box, field string }{
		{"logLoss", "logLoss"}, {"discrete", "discrete"}, {"showTest", "hideTest"}, {"gradients", "gradients"},
	} {
		if !eval[bool](p, `nnplay.state().`+c.field) {
			t.Errorf("after opening the link state().%s is false", c.field)
		}
		if ticked := eval[bool](p, `document.getElementById("`+c.box+`").checked`); ticked != (c.box != "showTest") {
			t.Errorf("the %s box is ticked: %v", c.box, ticked)
		}
	}
	p.pause()
	p.clickElement("discrete")
	if err := p.tab.WaitFor(`location.hash.includes("discretize=false")`, 5*time.Second); err != nil {
		t.Fatalf("unticking discretize: the address is %q: %v", eval[string](p, `location.hash`), err)
	}
	if nnplayDiscrete := eval[bool](p, `nnplay.state().discrete || nnplay.state().settings.discretize`); nnplayDiscrete {
		t.Error("unticking discretize left it on")
	}
	if title := eval[string](p, `document.getElementById("undo").title`); !strings.Contains(title, "change discretize") {
		t.Errorf("the undo button's title is %q, want it to name change discretize", title)
	}
	p.clickElement("undo")
	if err := p.tab.WaitFor(`nnplay.state().discrete && document.getElementById("discrete").checked && location.hash.includes("discretize=true")`, 5*time.Second); err != nil {
		t.Errorf("undo did not bring discretize back: %v", err)
	}
}

// TestLinkDataset: a link naming a data set brings its problem, in whatever order its keys
// come, through the address bar and through applyLink given a full address.
func TestLinkDataset(t *testing.T) {
	p := openAt(t, browser.Desktop, "#noise=0.1&dataset=plane")
	if s := p.state().Settings; s.Problem != "regression" || s.Dataset != "plane" || s.Noise != 0.1 {
		t.Errorf("#noise=0.1&dataset=plane opens %s on %s, noise %v; want regression on plane, 0.1", s.Problem, s.Dataset, s.Noise)
	}
	eval[bool](p, `(location.hash = "#dataset=circle&learningRate=0.1", true)`)
	if err := p.tab.WaitFor(`nnplay.state().settings.problem === "classification"`, 5*time.Second); err != nil {
		t.Fatalf("#dataset=circle on regression: %v (settings %+v, message %q)", err, p.state().Settings,
			eval[string](p, `document.getElementById("message").textContent`))
	}
	if s := p.state().Settings; s.Dataset != "circle" || s.LearningRate != 0.1 {
		t.Errorf("#dataset=circle&learningRate=0.1 gives %s, learning rate %v", s.Dataset, s.LearningRate)
	}
	p.do("applyLink", eval[string](p, `location.origin + "/index.html#learningRate=0.3&dataset=gauss-multi"`))
	if s := p.state().Settings; s.Problem != "regression" || s.Dataset != "gauss-multi" || s.LearningRate != 0.3 {
		t.Errorf("applyLink of a full address gives %s on %s, learning rate %v", s.Problem, s.Dataset, s.LearningRate)
	}
}

// TestLinkHide: a classroom link hides the controls it names (with their labels) and no
// other; a name that is no setting is refused with a message, hiding nothing.
func TestLinkHide(t *testing.T) {
	visible := func(p *page, id string) bool {
		return eval[bool](p, `(() => { const e = document.getElementById("`+id+`"); e.scrollIntoView({block: "center"}); return e.getClientRects().length > 0; })()`)
	}
	p := openAt(t, browser.Desktop, "#hide=noise,features,gradients,speed")
	for id, shown := range map[string]bool{"noise": false, "features": false, "gradients": false, "speed": false,
		"testRatio": true, "learningRate": true, "discrete": true, "hidden-plus": true} {
		if got := visible(p, id); got != shown {
			t.Errorf("hide=noise,features,gradients,speed: #%s shown %v, want %v", id, got, shown)
		}
	}
	if eval[bool](p, `[...document.querySelectorAll("label")].some(l => l.textContent.startsWith("noise") && l.getClientRects().length > 0)`) {
		t.Error("the noise control's label is still shown")
	}
	if hash := eval[string](p, `location.hash`); !strings.Contains(hash, "hide=noise,features,gradients,speed") {
		t.Errorf("the address %q has lost the hidden controls", hash)
	}

	// The first tab trains and keeps its work in the storage the tabs share: closed, it
	// cannot write it between the next tab's clearing and its boot (which would restore it).
	p.tab.Close()
	q := openAt(t, browser.Desktop, "#hide=noise,colour")
	if msg := q.shownMessage("for hide=noise,colour", ""); !strings.Contains(msg, `hide[1] must be one of dataset, problem`) || !strings.Contains(msg, `got "colour"`) {
		t.Errorf("message %q should name hide[1] and colour", msg)
	}
	if !visible(q, "noise") || len(q.state().Settings.Hide) != 0 {
		t.Error("a refused hide link hid a control")
	}
}
