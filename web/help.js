// Guidance that gets out of the way: a one-line hint over the plot on the first visit, gone
// once the canvas is used (remembered in local storage when there is one), and the help
// dialog with every gesture and key, opened by the ? button or the ? key (which the Go
// program answers, counting the requests in status.help), closed by Esc or its button.

import { $, ui, onRefresh } from "./ui.js";

const hintKey = "nnplay.hintSeen";
const touchOnly = window.matchMedia("(hover: none) and (pointer: coarse)");

let seenHelp = null; // status.help when last seen; null before the first status
let before = null;   // the element focused before the help opened

// stored reads local storage, or null where there is none (blocked, private, sandboxed).
function stored(key) {
  try { return window.localStorage.getItem(key); } catch (err) { return null; }
}

function store(key, value) {
  try { window.localStorage.setItem(key, value); } catch (err) { /* no storage: this visit only */ }
}

// openHelp shows the help as a modal dialog; the focus goes to its close button and comes
// back where it was when it closes.
export function openHelp() {
  const d = $("help");
  if (d.open) return;
  before = document.activeElement;
  d.showModal();
}

// placeHint puts the hint along the bottom edge of the plot, inside the plane's outer
// half unit (the plot is [−6, 6]², the field worth reading within ±5.5).
function placeHint() {
  const h = $("hint");
  if (h.hidden || !window.nnplay) return;
  let a, b;
  try {
    a = nnplay.toScreen(-6, -6);
    b = nnplay.toScreen(6, -6);
  } catch (err) {
    return; // the canvas page is reloading
  }
  const stage = h.parentElement, r = stage.getBoundingClientRect();
  h.style.left = Math.round(a.x - r.left + stage.scrollLeft) + "px";
  h.style.width = Math.round(b.x - a.x) + "px";
  h.style.top = Math.round(a.y - r.top + stage.scrollTop - h.offsetHeight - 2) + "px";
}

let placing = 0; // the interval that keeps the hint in place while it shows

// hideHint takes the hint away for good: the canvas was used.
function hideHint() {
  if ($("hint").hidden) return;
  $("hint").hidden = true;
  clearInterval(placing);
  store(hintKey, "1");
}

function render(status) {
  placeHint();
  if (seenHelp !== null && status.help > seenHelp) openHelp();
  seenHelp = status.help;
}

// attachHelp follows the canvas page of a (new) playground: a press or a key on it uses
// the canvas, and takes the hint away.
export function attachHelp() {
  seenHelp = null; // a new program counts from 0
  const w = ui.page.frame.contentWindow;
  w.addEventListener("pointerdown", hideHint, true);
  w.addEventListener("keydown", hideHint, true);
}

// startHelp wires the help button and dialog and shows the hint on a first visit.
export function startHelp() {
  $("help-open").addEventListener("click", openHelp);
  $("help").addEventListener("close", function () {
    if (before && document.contains(before)) before.focus();
    before = null;
  });
  if (stored(hintKey) !== "1") {
    $("hint-text").textContent = touchOnly.matches ?
      "drag a point · tap to add · long-press to delete" :
      "drag a point · click to add · right-click to delete";
    $("hint").hidden = false;
    // The canvas's layout follows its frame's size, which the page's other parts change
    // (the coach's line, the maths panel): follow it twice a second.
    placing = setInterval(placeHint, 500);
  }
  onRefresh(render);
  window.addEventListener("resize", placeHint);
}
