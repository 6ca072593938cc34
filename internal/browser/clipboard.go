//go:build !(js && wasm)

package browser

import (
	"fmt"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// AllowClipboard grants the pages of origin (such as "http://127.0.0.1:8080") reading and
// writing the clipboard, or denies both, as a person answering the browser's question
// does. It holds for every tab of the browser.
func (t *Tab) AllowClipboard(origin string, allow bool) error {
	setting := browser.PermissionSettingDenied
	if allow {
		setting = browser.PermissionSettingGranted
	}
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		err := send(t, browser.SetPermission, browser.SetPermissionParams{
			Permission: &browser.PermissionDescriptor{Name: name},
			Setting:    setting, Origin: origin,
		})
		if err != nil {
			return fmt.Errorf("browser: setting %s to %s for %s: %w", name, setting, origin, err)
		}
	}
	return nil
}

// Clipboard returns the text on the clipboard, read by the page (which needs the
// permission, see AllowClipboard).
func (t *Tab) Clipboard() (string, error) {
	text, err := Eval[string](t, `navigator.clipboard.readText()`, chromedp.EvalAwaitPromise)
	if err != nil {
		return "", fmt.Errorf("browser: reading the clipboard: %w", err)
	}
	return text, nil
}
