//go:build !(js && wasm)

package browser

import (
	"errors"
	"fmt"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
)

// Resize gives the tab's page the viewport v, as turning a phone or resizing a window
// does: the page sees a resize, and touch support as v says.
func (t *Tab) Resize(v Viewport) error {
	scale := v.Scale
	if scale == 0 {
		scale = 1
	}
	max := int64(0)
	if v.Touch {
		max = 5
	}
	err := send(t, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
		Width: v.Width, Height: v.Height, DeviceScaleFactor: scale, Mobile: v.Mobile,
	})
	if err == nil {
		err = send(t, emulation.SetTouchEmulationEnabled, emulation.SetTouchEmulationEnabledParams{Enabled: v.Touch, MaxTouchPoints: max})
	}
	if err != nil {
		return fmt.Errorf("browser: setting the viewport: %w", err)
	}
	return nil
}

// EmulateMedia makes the tab's page see the CSS media features given, by name
// ("prefers-reduced-motion": "reduce"), as a person's system settings would set them; the
// page's media queries and matchMedia follow at once.
func (t *Tab) EmulateMedia(features map[string]string) error {
	var fs []*emulation.MediaFeature
	for name, value := range features {
		fs = append(fs, &emulation.MediaFeature{Name: name, Value: value})
	}
	if err := send(t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: fs}); err != nil {
		return fmt.Errorf("browser: emulating media features: %w", err)
	}
	return nil
}

// Reload reloads the page, as the browser's reload button, leaving when the page asks
// first (a beforeunload dialog), and waits until the new document's window.nnplay exists
// (at most ready). It returns how long that took and whether the page asked.
func (t *Tab) Reload(ready time.Duration) (took time.Duration, asked bool, err error) {
	start := time.Now()
	if _, err := Eval[bool](t, `window.browserReloading = true`); err != nil {
		return 0, false, fmt.Errorf("browser: reloading: %w", err)
	}
	for len(t.dialogs) > 0 {
		<-t.dialogs // earlier ones are answered
	}
	done := make(chan error, 1)
	go func() {
		done <- send(t, page.Reload, page.ReloadParams{})
	}()
	// The dialog may open before or after Page.reload returns: answer it while waiting.
	err = Poll(ready, func() error {
		select {
		case d := <-t.dialogs:
			asked = true
			if err := t.answer(true); err != nil || d.Type != page.DialogTypeBeforeunload {
				return fmt.Errorf("a %s dialog (%q): %v", d.Type, d.Message, err)
			}
		case err := <-done:
			if err != nil {
				return err
			}
		default:
		}
		back, err := Eval[bool](t, `!window.browserReloading && typeof window.nnplay === "object" && window.nnplay !== null`)
		if err == nil && !back {
			err = errors.New("window.nnplay is not back yet")
		}
		return err
	})
	if err != nil {
		return 0, asked, fmt.Errorf("browser: reloading: %w", err)
	}
	return time.Since(start), asked, nil
}

// Navigate sends the tab to url as typing it into the address bar does, without waiting
// for a load: a url that differs from the page's only in its fragment keeps the page, which
// sees a hashchange.
func (t *Tab) Navigate(url string) error {
	if err := send(t, page.Navigate, page.NavigateParams{URL: url}); err != nil {
		return fmt.Errorf("browser: navigating to %s: %w", url, err)
	}
	return nil
}

// answer answers the open dialog: accept (leave, OK) or not.
func (t *Tab) answer(accept bool) error {
	return send(t, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: accept})
}
