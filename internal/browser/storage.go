//go:build !(js && wasm)

package browser

import (
	"fmt"
	"net/url"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/storage"
)

// ClearStorage empties what the browser keeps for the origin of pageURL (local storage,
// among the rest), as for a first visit. The tests' tabs share one browser profile, so
// without it the work one test's page kept would open in the next. A URL without an origin
// (data:, about:) has nothing to clear.
func (t *Tab) ClearStorage(pageURL string) error {
	u, err := url.Parse(pageURL)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" {
		return nil
	}
	origin := u.Scheme + "://" + u.Host
	if err := send(t, storage.ClearDataForOrigin, storage.ClearDataForOriginParams{Origin: origin, StorageTypes: "all"}); err != nil {
		return fmt.Errorf("browser: clearing the storage of %s: %w", origin, err)
	}
	return nil
}

// InitScript makes script run in every document the tab loads from now on, in every frame,
// before the document's own scripts (a test's stand-in for a browser whose storage is full
// or refused, say).
func (t *Tab) InitScript(script string) error {
	if err := send(t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: script}); err != nil {
		return fmt.Errorf("browser: adding an init script: %w", err)
	}
	return nil
}
