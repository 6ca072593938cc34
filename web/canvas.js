// The canvas page: it runs the Go program (main.wasm), whose Ebiten canvas fills this page,
// and hands the scripting API to the top-level page once Go is ready. It writes nothing to
// the console.
"use strict";

(function () {
  // Ebiten prevents the default action of every key on its canvas, Tab included, which would
  // trap keyboard users: let Tab and Shift+Tab through before Ebiten sees them, so the
  // canvas stays one tab stop.
  window.addEventListener("keydown", function (e) {
    if (e.key === "Tab") e.stopPropagation();
  }, true);

  // The focus ring shows for keyboard focus only: a pointer that focuses the canvas leaves
  // none; a key, or focus coming while no pointer is down (Tab from the page), brings it
  // back (canvas.html's style).
  const root = document.documentElement;
  let pressing = false;
  window.addEventListener("keydown", function (e) {
    if (e.key !== "Shift" && e.key !== "Control" && e.key !== "Alt" && e.key !== "Meta") root.classList.remove("pointer");
  }, true);
  window.addEventListener("focus", function () { if (!pressing) root.classList.remove("pointer"); }, true);
  ["pointerup", "pointercancel"].forEach(function (name) {
    window.addEventListener(name, function () { pressing = false; }, true);
  });

  // Ebiten focuses its canvas on every press (mousedown, touchstart) to get the keys; a plain
  // focus() scrolls the frame into view when it is partly off screen (the phone's plot under
  // its header), which moved the plot 23 px under a finger in mid-tap: the tap then added
  // nothing. Focus without scrolling.
  const focus = HTMLCanvasElement.prototype.focus;
  HTMLCanvasElement.prototype.focus = function (options) {
    focus.call(this, Object.assign({ preventScroll: true }, options));
  };

  // A drag keeps its pointer when it leaves the canvas (the point stays clamped to the plane).
  window.addEventListener("pointerdown", function (e) {
    root.classList.add("pointer");
    pressing = true;
    if (e.target instanceof HTMLCanvasElement) {
      try { e.target.setPointerCapture(e.pointerId); } catch (_) { /* the pointer is gone */ }
    }
  }, true);

  // A touch that does not start on a point belongs to the page: it is kept from Ebiten,
  // which prevents the default of every touch on its canvas, so that a vertical swipe
  // scrolls the page (canvas.html lets pan-y through). The Go program says at once whether
  // a touch is the canvas's; the pointer events the program follows still arrive, and a
  // swipe cancels them.
  const released = new Set(); // the identifiers of touches left to the page
  window.addEventListener("touchstart", function (e) {
    const go = window.nnplayGo, canvas = document.querySelector("canvas");
    if (!go || !canvas) return;
    const r = canvas.getBoundingClientRect();
    for (const t of e.changedTouches) {
      if (go.keepsTouch(t.clientX - r.left, t.clientY - r.top)) return;
    }
    for (const t of e.changedTouches) released.add(t.identifier);
    e.stopPropagation();
  }, { capture: true, passive: true });
  ["touchmove", "touchend", "touchcancel"].forEach(function (name) {
    window.addEventListener(name, function (e) {
      let page = true;
      for (const t of e.changedTouches) {
        if (!released.has(t.identifier)) page = false;
        if (name !== "touchmove") released.delete(t.identifier);
      }
      if (page) e.stopPropagation();
    }, { capture: true, passive: true });
  });

  // No context menu anywhere on the canvas page: right-click deletes, a long press offers delete.
  window.addEventListener("contextmenu", function (e) { e.preventDefault(); });

  // Called by Go after its first frame.
  window.nnplayReady = function () {
    if (window.parent !== window && typeof window.parent.nnplayAttach === "function") {
      window.parent.nnplayAttach(window);
    }
  };

  // Called when the program cannot start or stops with an error.
  window.nnplayFailed = function (message) {
    const text = "nnplay could not start: " + message;
    if (window.parent !== window && typeof window.parent.nnplayFailed === "function") {
      window.parent.nnplayFailed(text);
    }
    const p = document.createElement("p");
    p.id = "failed";
    p.textContent = text;
    document.body.replaceChildren(p);
  };

  function start() {
    const go = new Go();
    fetch("main.wasm").then(function (resp) {
      if (!resp.ok) throw new Error("main.wasm: HTTP " + resp.status);
      const type = resp.headers.get("Content-Type") || "";
      if (type.startsWith("application/wasm") && WebAssembly.instantiateStreaming) {
        return WebAssembly.instantiateStreaming(resp, go.importObject);
      }
      return resp.arrayBuffer().then(function (buf) { return WebAssembly.instantiate(buf, go.importObject); });
    }).then(function (result) {
      return go.run(result.instance);
    }).catch(function (err) {
      window.nnplayFailed(err && err.message ? err.message : String(err));
    });
  }
  if (typeof Go === "function") {
    start();
  } else {
    window.addEventListener("load", function () { window.nnplayFailed("wasm_exec.js is missing"); });
  }
})();
