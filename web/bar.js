// The bar: play/pause, step and reset, undo and redo, the counters, the divergence banner,
// and the keyboard shortcuts of the page, whose meaning the Go program decides (the page
// only forwards keys that are not typed into a form field).

import { $, ui, intFormat, onRefresh, act, refresh, showMessage } from "./ui.js";
import { wording } from "./message.js";

let seenNotes = 0;

// showUndo enables an undo or redo button when there is a step, its title naming it.
function showUndo(button, verb, label, keys) {
  button.disabled = !label;
  button.title = label ? verb + " " + label + " (" + keys + ")" : "Nothing to " + verb.toLowerCase();
}

// render shows the play state, the banner and a refused canvas gesture.
function render(status) {
  const running = status.running;
  const play = $("play");
  play.querySelector(".icon").textContent = running ? "❚❚" : "▶";
  play.querySelector(".label").textContent = running ? "pause" : "play";
  play.setAttribute("aria-label", running ? "Pause training" : "Play: train continuously");
  play.setAttribute("aria-pressed", running ? "true" : "false");
  showUndo($("undo"), "Undo", status.undoLabel, "Ctrl+Z");
  showUndo($("redo"), "Redo", status.redoLabel, "Ctrl+Shift+Z");
  // The divergence message with its fix.
  if (status.error) {
    $("banner-text").textContent = "Training stopped: " + status.error + ".";
    $("banner").hidden = false;
  } else {
    $("banner").hidden = true;
  }
  // A refused canvas gesture, or a refused shortcut.
  if (status.notes !== seenNotes) {
    seenNotes = status.notes;
    if (status.notice) showMessage(wording(status.notice));
  }
}

let shortSince = null; // when the reached speed first fell short of the asked one

// showCounters shows the epoch and the epochs per second, and says so when training has
// run more than 10% slower than the speed asked for over the last 2 s.
export function showCounters(epoch, eps) {
  $("epoch").textContent = intFormat.format(epoch);
  $("eps").textContent = intFormat.format(eps);
  $("eps-unit").textContent = Math.round(eps) === 1 ? "epoch/s" : "epochs/s";
  const st = ui.status, asked = st ? st.settings.speed : 0, now = performance.now();
  if (!st || !st.running || !(asked > 0) || eps >= 0.9 * asked) {
    shortSince = null;
  } else if (shortSince === null) {
    shortSince = now;
  }
  const text = shortSince !== null && now - shortSince >= 2000 ?
    " — " + intFormat.format(asked) + "/s asked, " + intFormat.format(eps) + "/s reached" : "";
  if ($("shortfall").textContent !== text) $("shortfall").textContent = text;
}

// startBar wires the bar and the shortcuts.
export function startBar() {
  $("play").addEventListener("click", function () { act(function () { ui.page.toggle(); }); });
  $("step").addEventListener("click", function () { act(function () { nnplay.step(1); }); });
  $("reset").addEventListener("click", function () { act(function () { nnplay.reset(); }); });
  $("banner-reset").addEventListener("click", function () { act(function () { nnplay.reset(); }); });
  $("undo").addEventListener("click", function () { act(function () { nnplay.undo(); }); });
  $("redo").addEventListener("click", function () { act(function () { nnplay.redo(); }); });
  [$("play"), $("step"), $("reset")].forEach(function (b) { b.disabled = false; });
  onRefresh(render);

  // Keys typed into a form field are the field's; the program answers the others at once
  // (told whether the focus is on a button, whose own keys space and enter are), saying
  // whether a key was a shortcut.
  document.addEventListener("keydown", function (e) {
    const t = e.target;
    const within = function (sel) { return !!(t && t.closest && t.closest(sel)); };
    if (!ui.page || e.defaultPrevented || within("input, select, textarea, dialog")) return;
    let shortcut = false;
    try {
      shortcut = ui.page.key(e, within("button"));
    } catch (err) {
      return; // the canvas page is reloading
    }
    if (shortcut) {
      e.preventDefault(); // no page scroll on space, not the browser's own undo
      refresh();
    }
  });
}

// failed shows that the playground could not start.
window.nnplayFailed = function (text) {
  $("banner-text").textContent = text;
  $("banner-reset").hidden = true;
  $("banner").hidden = false;
};
