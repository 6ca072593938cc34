//go:build !(js && wasm)

package e2e

import (
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"

	"nnplay/internal/browser"
	"nnplay/view"
)

// TestMenuRelabel: a right-click (mouse) or a long press (touch) on a point opens its menu,
// whose second item gives the point the other class, by mouse and by touch, without moving
// or deleting anything; the menu closes.
func TestMenuRelabel(t *testing.T) {
	eachLayout(t, openPaused, func(t *testing.T, p *page, touch bool) {
		p.setData([]Point{{X: -2, Y: 1, Label: 0}, {X: 2, Y: -1, Label: 1}})
		at := p.toScreen(2, -1)
		if !touch {
			if err := p.tab.Click(at, input.MouseButtonRight, 0); err != nil {
				t.Fatal(err)
			}
		} else if err := p.tab.TouchHold(at, 900*time.Millisecond, nil); err != nil {
			t.Fatal(err)
		}
		menu := p.state().Menu
		if menu == nil {
			t.Fatalf("no menu on the point")
		}
		relabel := browser.Pt{X: menu.X, Y: menu.Y + view.MenuButtonH}
		if !touch {
			p.click(relabel)
		} else if err := p.tab.Tap(relabel); err != nil {
			t.Fatal(err)
		}
		st := p.state()
		want := []Point{{X: -2, Y: 1, Label: 0}, {X: 2, Y: -1, Label: 0}}
		if len(st.Points) != 2 || st.Points[0] != want[0] || st.Points[1] != want[1] {
			t.Errorf("after the menu's relabel: points %v, want %v", st.Points, want)
		}
		if st.Menu != nil {
			t.Errorf("the menu is still open")
		}
	})
}
