// The work kept across reloads and closed tabs: the playground's snapshot (settings, points,
// weights and epoch, encoded and checked by the Go program: nnplay.snapshot() and
// nnplay.restore()) in local storage under one key. This module only moves that text and
// schedules the writes: within half a second of a change of the settings, the points or the
// weights (the session's version counter, read by the polling loop, says when), every few
// seconds while training (the epoch moves), and at once when the page is hidden or left.
// Nothing here runs inside the canvas's frames. Two tabs each write their own work: the last
// to write wins. Storage that is full or that the browser refuses is said once, in a
// message; the page works on, and leaving it then asks first when hand-made points would
// be lost (files.js). Nothing is written to the console.

import { ui, showMessage } from "./ui.js";

const key = "nnplay.session";
const soon = 250;   // ms from a change of the settings, points or weights to its write
const every = 3000; // ms between writes while training

let storage = null;    // window.localStorage, or null where the browser refuses it
let said = false;      // a failure of the storage was said
let failed = false;    // the last write failed: the work now is not kept
let started = false;   // the page has booted: writes may begin
let bootGo = null;     // the Go program the page booted (restored) into
let timer = 0;         // the scheduled write, 0 for none
let timerSoon = false; // it is a change's (soon), not training's (every)
let version = -1, epoch = -1;         // the counters the polling loop last saw
let keptVersion = -1, keptEpoch = -1; // the counters at the last write

function say(text) {
  if (said) return;
  said = true;
  showMessage(text);
}

const unavailable = "This browser does not let the page keep your work (its storage is unavailable): " +
  "a reload or a closed tab loses it. Save the data and the model to keep them.";
const full = "This browser's storage is full, so your work is no longer kept across reloads. " +
  "Save the data and the model to keep them.";

// readKept opens local storage and returns the kept snapshot's text, or null when nothing is
// kept or the browser refuses the storage (said once).
export function readKept() {
  try {
    storage = window.localStorage;
    return storage.getItem(key);
  } catch (err) {
    storage = null;
    say(unavailable);
    return null;
  }
}

// write writes the snapshot now, unless the Go program is not the one the page booted (the
// canvas page reloading: a new program at its defaults must not replace the work before
// the page restored it). It reports whether the work is kept.
function write() {
  clearTimeout(timer);
  timer = 0;
  if (!storage || !started) return false;
  const frame = ui.page.frame.contentWindow;
  if (!frame || frame.nnplayGo !== bootGo) return !failed;
  const v = version, e = epoch;
  try {
    storage.setItem(key, ui.page.snapshot());
  } catch (err) {
    failed = true; // QuotaExceededError, or storage taken away since
    say(full);
    return false;
  }
  failed = false;
  keptVersion = v;
  keptEpoch = e;
  return true;
}

// schedule writes within ms, or sooner if a write is due sooner already.
function schedule(ms) {
  if (timer !== 0 && (timerSoon || ms === every)) return;
  clearTimeout(timer);
  timerSoon = ms === soon;
  timer = setTimeout(write, ms);
}

// noteCounters takes the counters the polling loop reads every animation frame: the
// session's version and the epoch. It only compares numbers.
export function noteCounters(v, e) {
  version = v;
  epoch = e;
  if (!started || !storage) return;
  if (v !== keptVersion) schedule(soon);
  else if (e !== keptEpoch) schedule(every);
}

// keptNow writes the work now and reports whether it is kept (leaving then loses nothing).
export function keptNow() { return write(); }

function hidden() {
  if (document.visibilityState === "hidden") write();
}

// startKeeping begins the writes, once the page has restored the kept work or chosen not
// to (boot, in link.js); again after the canvas page reloaded and the page booted anew.
export function startKeeping() {
  bootGo = ui.page.frame.contentWindow.nnplayGo;
  keptVersion = -1; // the booted program's state is written soon
  if (started) return;
  started = true;
  window.addEventListener("pagehide", write);
  document.addEventListener("visibilitychange", hidden);
}
