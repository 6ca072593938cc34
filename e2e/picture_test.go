//go:build !(js && wasm)

package e2e

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"math"
	"os"
	"slices"
	"testing"
	"time"

	"nnplay/internal/browser"
	"nnplay/view"
)

// TestSavePicture: a training point dragged with the mouse, a click on "save picture"
// downloads nnplay.png, a PNG of the pixels nnplay.picture() encodes (a Uint8Array of the
// page), whose field, at positions over the whole plot away from the points and the 0.5
// contour, has the colour of predict there (view.FieldColor within 2 of 255, so on the
// class's side of 0.5), and whose dragged point is drawn at its new place in its class
// colour, and no longer at the old one. The button does not block the page while the
// picture is made: it says "saving…", takes no second click (one file is made), and the
// page draws frames while Go draws the picture.
func TestSavePicture(t *testing.T) {
	p := openPaused(t)
	p.do("step", 400)
	st := p.state()
	from, to, i := dragPlan(t, st.Points)

	p.readyToDrag(from.X, from.Y)
	if err := p.tab.MouseDrag(p.toScreen(from.X, from.Y), p.toScreen(to.X, to.Y), 8); err != nil {
		t.Fatal(err)
	}
	moved := p.state().Points[i]
	if math.Hypot(moved.X-to.X, moved.Y-to.Y) > 0.1 {
		t.Fatalf("point %d dragged to (%.2f, %.2f) landed at (%.2f, %.2f)", i, to.X, to.Y, moved.X, moved.Y)
	}

	file, saving := savePictureTwice(t, p)
	img, err := png.Decode(bytes.NewReader(file))
	if err != nil {
		t.Fatalf("nnplay.png (%d bytes) is not a PNG file: %v", len(file), err)
	}
	l := view.PictureLayout()
	if b := img.Bounds(); b.Dx() != int(l.Width*view.PictureScale) || b.Dy() != int(l.Height*view.PictureScale) {
		t.Fatalf("nnplay.png is %v, want %v×%v", b, l.Width*view.PictureScale, l.Height*view.PictureScale)
	}
	if saving.Files != 1 || saving.Drawn < 2 || !slices.Contains(saving.Texts, "saving…") || saving.After != "save picture" {
		t.Errorf("while saving the picture the button said %q (then %q), the page drew %d frames (%d while Go drew the pixels) "+
			"and made %d PNG files; want \"saving…\", at least 2 frames while Go drew and one file for two clicks",
			saving.Texts, saving.After, saving.Frames, saving.Drawn, saving.Files)
	}
	t.Logf("the page drew %d frames while saving the picture, %d of them while Go drew it", saving.Frames, saving.Drawn)
	b64 := eval[string](p, `(() => { const a = nnplay.picture(); let s = "";
		for (let i = 0; i < a.length; i += 8192) s += String.fromCharCode.apply(null, a.subarray(i, i + 8192));
		return a instanceof Uint8Array ? btoa(s) : ""; })()`)
	raw, err := base64.StdEncoding.DecodeString(b64)
	if err != nil || len(raw) == 0 {
		t.Fatalf("nnplay.picture() is not a Uint8Array of a file: %v", err)
	}
	api, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("nnplay.picture() (%d bytes) is not a PNG file: %v", len(raw), err)
	}
	if got, want := rgbaOf(img), rgbaOf(api); !got.Rect.Eq(want.Rect) || !bytes.Equal(got.Pix, want.Pix) {
		t.Errorf("nnplay.png (%v) and nnplay.picture() (%v) differ in their pixels", got.Rect, want.Rect)
	}

	checkPictureField(t, p, img)
	checkPicturePoint(t, img, moved.X, moved.Y, moved.Label, true)
	checkPicturePoint(t, img, from.X, from.Y, from.Label, false)
}

// pictureSaving is what the page did while "save picture" made its file: the button's
// texts while disabled, its text after, the frames drawn (requestAnimationFrame callbacks)
// while it was disabled and, of those, while Go drew the pixels (before the page's PNG
// encoder got them), and the PNG files made.
type pictureSaving struct {
	Texts         []string
	After         string
	Frames, Drawn int
	Files         int
}

// savePictureTwice clicks "save picture", and again once the button shows the picture is
// being made, and returns the downloaded nnplay.png and what the page did meanwhile.
func savePictureTwice(t *testing.T, p *page) ([]byte, pictureSaving) {
	t.Helper()
	eval[bool](p, `(() => { const b = document.getElementById("save-picture");
		const w = window.savingPicture = {Texts: [], After: "", Frames: 0, Drawn: 0, Files: 0};
		const tick = () => { if (b.disabled) w.Frames++; requestAnimationFrame(tick); };
		requestAnimationFrame(tick);
		new MutationObserver(() => { if (b.disabled) w.Texts.push(b.textContent); else w.After = b.textContent; })
			.observe(b, {attributes: true, childList: true, characterData: true, subtree: true});
		const encode = OffscreenCanvas.prototype.convertToBlob;
		OffscreenCanvas.prototype.convertToBlob = function (o) { w.Drawn = w.Frames; return encode.call(this, o); };
		const url = URL.createObjectURL;
		URL.createObjectURL = function (blob) { if (blob.type === "image/png") w.Files++; return url.call(URL, blob); };
		return true; })()`)
	dir := t.TempDir()
	if err := p.tab.SaveDownloadsTo(dir); err != nil {
		t.Fatal(err)
	}
	at := button(t, p, "save picture")
	p.click(at)
	p.until(10*time.Second, func() error {
		if !eval[bool](p, `document.getElementById("save-picture").disabled`) {
			return fmt.Errorf("the button did not show the picture being made")
		}
		return nil
	})
	p.click(at)
	file, err := browser.WaitForFile(dir, "nnplay.png", 20*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	p.until(10*time.Second, func() error {
		if eval[bool](p, `document.getElementById("save-picture").disabled`) {
			return fmt.Errorf("the button stayed disabled after the download")
		}
		return nil
	})
	return file, eval[pictureSaving](p, `window.savingPicture`)
}

// rgbaOf returns img's pixels as an RGBA image.
func rgbaOf(img image.Image) *image.RGBA {
	rgba := image.NewRGBA(img.Bounds())
	draw.Draw(rgba, rgba.Rect, img, img.Bounds().Min, draw.Src)
	return rgba
}

// dragPlan picks a training point to drag, alone where it is (no other within 0.6 units, so
// that no other mark shows at its old place), and a free place to drop it: at least 2 units
// from every point. It returns the point, the place and the point's index.
func dragPlan(t *testing.T, pts []Point) (from, to Point, i int) {
	t.Helper()
	i = -1
	for j, pt := range pts {
		alone := !pt.Test
		for k, q := range pts {
			alone = alone && (k == j || math.Hypot(q.X-pt.X, q.Y-pt.Y) >= 0.6)
		}
		if alone {
			i = j
			break
		}
	}
	if i < 0 {
		t.Fatal("no training point alone to drag")
	}
	for _, c := range [][2]float64{{4, -4}, {-4, 4}, {4, 4}, {-4, -4}, {0, 5}, {5, 0}, {0, -5}, {-5, 0}} {
		free := true
		for _, pt := range pts {
			free = free && math.Hypot(pt.X-c[0], pt.Y-c[1]) >= 2
		}
		if free {
			to = pts[i]
			to.X, to.Y = c[0], c[1]
			return pts[i], to, i
		}
	}
	t.Fatal("no free place to drag to")
	return
}

// pictureAt returns the picture's pixel under the plane position (x, y), and that pixel's
// centre in the plane.
func pictureAt(img image.Image, x, y float64) (r, g, b uint8, cx, cy float64) {
	l := view.PictureLayout()
	sx, sy := l.ToScreen(x, y)
	px, py := int(sx*view.PictureScale), int(sy*view.PictureScale)
	R, G, B, _ := img.At(px, py).RGBA()
	cx, cy = l.ToPlane((float64(px)+0.5)/view.PictureScale, (float64(py)+0.5)/view.PictureScale)
	return uint8(R >> 8), uint8(G >> 8), uint8(B >> 8), cx, cy
}

// checkPictureField compares the picture's field on a 15×15 grid over the plot with predict
// at the pixels' centres, away from the points (0.5 units: 17 CSS px of the picture) and
// from the contour (predict on one side of 0.5 0.1 units around).
func checkPictureField(t *testing.T, p *page, img image.Image) {
	t.Helper()
	pts := p.state().Points
	var at [][2]float64
	for gy := range 15 {
		for gx := range 15 {
			_, _, _, x, y := pictureAt(img, -5.8+11.6*float64(gx)/14, -5.8+11.6*float64(gy)/14)
			at = append(at, [2]float64{x, y})
		}
	}
	const d = 0.1
	atJSON, _ := json.Marshal(at)
	preds := eval[[][5]float64](p, `(() => { const at = `+string(atJSON)+`;
		return at.map(([x, y]) => [[x, y], [x - `+fmt.Sprint(d)+`, y], [x + `+fmt.Sprint(d)+`, y], [x, y - `+fmt.Sprint(d)+`], [x, y + `+fmt.Sprint(d)+`]]
			.map(([u, v]) => nnplay.predict(u, v))); })()`)
	checked, blue := 0, 0
	for k, pos := range at {
		x, y := pos[0], pos[1]
		near := false
		for _, pt := range pts {
			near = near || math.Hypot(pt.X-x, pt.Y-y) < 0.5
		}
		side := preds[k][0] >= 0.5
		for _, v := range preds[k][1:] {
			near = near || (v >= 0.5) != side
		}
		if near {
			continue
		}
		r, g, b, _, _ := pictureAt(img, x, y)
		want := view.FieldColor(preds[k][0])
		if absDiff(r, want.R) > 2 || absDiff(g, want.G) > 2 || absDiff(b, want.B) > 2 || (b > r) != side {
			t.Fatalf("the picture at (%.3f, %.3f) is (%d, %d, %d), want %v: predict %.4f", x, y, r, g, b, want, preds[k][0])
		}
		checked++
		if side {
			blue++
		}
	}
	t.Logf("checked the field at %d positions, %d blue", checked, blue)
	if checked < 100 || blue < 20 || checked-blue < 20 {
		t.Errorf("checked the field at %d positions, %d of them blue: too few to tell", checked, blue)
	}
}

// checkPicturePoint checks the picture at the centre of a point at (x, y) of the label:
// drawn there, the pixel is exactly its class colour; not, it is the field's colour.
func checkPicturePoint(t *testing.T, img image.Image, x, y, label float64, drawn bool) {
	t.Helper()
	want := view.Class0
	if label >= 0.5 {
		want = view.Class1
	}
	r, g, b, _, _ := pictureAt(img, x, y)
	if is := r == want.R && g == want.G && b == want.B; is != drawn {
		t.Errorf("the picture at (%.2f, %.2f) is (%d, %d, %d); a point of label %v drawn there: %v, want %v", x, y, r, g, b, label, is, drawn)
	}
}

// absDiff returns |a − b|.
func absDiff(a, b uint8) uint8 {
	if a > b {
		return a - b
	}
	return b - a
}

// TestSavePictureFails: when the browser cannot encode the picture (its PNG encoder refuses,
// as a browser out of memory would), a click on "save picture" says so in the page's message,
// downloads nothing, and gives the button back for another try; the console stays clean.
func TestSavePictureFails(t *testing.T) {
	p := openPaused(t)
	eval[bool](p, `(OffscreenCanvas.prototype.convertToBlob = () => Promise.reject(new Error("out of memory")), true)`)
	dir := t.TempDir()
	if err := p.tab.SaveDownloadsTo(dir); err != nil {
		t.Fatal(err)
	}
	p.click(button(t, p, "save picture"))
	const says = "The picture could not be made."
	if err := p.tab.WaitFor(`!document.getElementById("message").hidden && document.getElementById("message-text").textContent === `+jsString(says), 20*time.Second); err != nil {
		t.Fatalf("no message %q after the encoder refused: %v", says, err)
	}
	if err := p.tab.WaitFor(`(b => !b.disabled && b.textContent === "save picture")(document.getElementById("save-picture"))`, 5*time.Second); err != nil {
		t.Errorf("the button was not given back after the failure: %v", err)
	}
	if files, err := os.ReadDir(dir); err != nil || len(files) != 0 {
		t.Errorf("a failed picture downloaded %d files (%v)", len(files), err)
	}
	if probs := p.tab.Problems(); len(probs) != 0 {
		t.Errorf("the console after a failed picture: %v", probs)
	}
}
