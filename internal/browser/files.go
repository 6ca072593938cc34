//go:build !(js && wasm)

package browser

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// ChooseFiles gives the page's file input (the element the CSS selector picks) the files at
// paths, as a person picking them in the file dialog: the input's change event fires.
func (t *Tab) ChooseFiles(selector string, paths ...string) error {
	return t.run(func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		r, err := cdp.Call(ctx, tg, runtime.Evaluate, runtime.EvaluateParams{
			Expression: "document.querySelector(" + quote(selector) + ")",
		})
		switch {
		case err != nil:
			return chromedp.Void{}, fmt.Errorf("browser: finding %s: %w", selector, err)
		case r.ExceptionDetails != nil:
			return chromedp.Void{}, fmt.Errorf("browser: finding %s: %s", selector, r.ExceptionDetails.Text)
		case r.Result.ObjectID == "":
			return chromedp.Void{}, fmt.Errorf("browser: no element matches %s", selector)
		}
		_, err = cdp.Call(ctx, tg, dom.SetFileInputFiles, dom.SetFileInputFilesParams{Files: paths, ObjectID: r.Result.ObjectID})
		if err != nil {
			return chromedp.Void{}, fmt.Errorf("browser: choosing files for %s: %w", selector, err)
		}
		return chromedp.Void{}, nil
	})
}

// SaveDownloadsTo makes downloads of every tab go to dir under their suggested names,
// without a dialog.
func (t *Tab) SaveDownloadsTo(dir string) error {
	err := send(t, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir,
	})
	if err != nil {
		return fmt.Errorf("browser: allowing downloads to %s: %w", dir, err)
	}
	return nil
}

// WaitForFile waits until the file dir/name exists and no download is still in progress in
// dir (Chromium writes a .crdownload file first), then returns its contents.
func WaitForFile(dir, name string, within time.Duration) ([]byte, error) {
	var b []byte
	err := Poll(within, func() error {
		partial, _ := filepath.Glob(filepath.Join(dir, "*.crdownload"))
		var err error
		b, err = os.ReadFile(filepath.Join(dir, name))
		if err == nil && len(partial) > 0 {
			err = fmt.Errorf("%s is still downloading", partial[0])
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("browser: %s in %s: %w", name, dir, err)
	}
	return b, nil
}

// quote returns s as a JavaScript string literal.
func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// DropFile drags the file at path (an absolute path) from outside the window and drops it at
// p, as a person dropping a file from their desktop: dragEnter, dragOver, drop, then two
// frames.
func (t *Tab) DropFile(p Pt, path string) error {
	data := &input.DragData{Items: []*input.DragDataItem{}, Files: []string{path}, DragOperationsMask: 1}
	var seq []func() error
	for _, typ := range []input.DispatchDragEventType{input.DispatchDragEventTypeDragEnter, input.DispatchDragEventTypeDragOver, input.DispatchDragEventTypeDrop} {
		seq = append(seq, func() error {
			return send(t, input.DispatchDragEvent, input.DispatchDragEventParams{Type: typ, X: p.X, Y: p.Y, Data: data})
		})
	}
	seq = append(seq, func() error { return t.Frames(2) })
	return do("drop file", seq)
}
