// The live region: a visually hidden, polite line that tells a screen reader what happens
// on the canvas: each selection or edit as it happens ("point 12, class 1, at 1.70, −2.30"),
// the state when training pauses, and while training at most every 15 s, or sooner when
// the test accuracy crosses a tenth (so that it informs without flooding).

import { $, ui, intFormat, percent, onRefresh } from "./ui.js";

const every = 15000; // ms between announcements of training going on
let last = null;     // the status last announced from
let trainedAt = 0;   // when training was last announced (performance.now())
let tenth = null;    // the test accuracy's tenth when last announced

// num writes a coordinate with two decimals and a true minus sign.
function num(v) { return v.toFixed(2).replace("-", "−"); }

// pointText describes point i of a status.
function pointText(status) {
  const p = status.selectedPoint;
  const what = status.settings.problem === "regression" ? "value " + num(p.label) : "class " + p.label;
  return "point " + status.selected + ", " + what + ", at " + num(p.x) + ", " + num(p.y) + (p.test ? ", test point" : "");
}

// trainingText says where training stands.
function trainingText(status) {
  let text = "epoch " + intFormat.format(status.epoch);
  if (status.testAccuracy !== null) text += ", test accuracy " + percent(status.testAccuracy);
  if (status.trainAccuracy !== null) text += ", train accuracy " + percent(status.trainAccuracy);
  if (status.testAccuracy === null && status.testLoss !== null) text += ", test loss " + status.testLoss.toPrecision(3);
  return text;
}

function say(text) {
  const r = $("announce");
  // The same words again are still news (a point moved back): make the text differ.
  r.textContent = r.textContent === text ? text + "\u00a0" : text;
}

function samePoint(a, b) {
  return a === b || (a !== null && b !== null && a.x === b.x && a.y === b.y && a.label === b.label && a.test === b.test);
}

// edits announces what changed between two statuses, if a point was selected, added,
// moved, relabelled or deleted.
function edits(prev, status) {
  if (status.pointCount < prev.pointCount && status.selected === null) {
    say("point deleted, " + intFormat.format(status.pointCount) + " left");
  } else if (status.selected !== null && (status.selected !== prev.selected || !samePoint(status.selectedPoint, prev.selectedPoint))) {
    say((status.pointCount > prev.pointCount ? "added " : "") + pointText(status));
  } else if (status.selected === null && prev.selected !== null) {
    say("no point selected");
  }
}

function render(status) {
  const prev = last;
  last = status;
  if (!prev) return;
  edits(prev, status);
  if (prev.running && !status.running) {
    say("paused at " + trainingText(status));
  } else if (!prev.running && status.running) {
    trainedAt = performance.now();
    say("training");
  }
}

// watch announces training every 15 s, or when the test accuracy crosses a tenth.
function watch() {
  if (!ui.page || !last || !last.running) return;
  let status;
  try {
    status = ui.page.status();
  } catch (err) {
    return; // the canvas page is reloading
  }
  const now = performance.now();
  const t = status.testAccuracy === null ? null : Math.floor(status.testAccuracy * 10);
  if (now - trainedAt >= every || (t !== null && tenth !== null && t !== tenth)) {
    trainedAt = now;
    say("training: " + trainingText(status));
  }
  tenth = t;
}

// startAnnounce follows the playground for the live region.
export function startAnnounce() {
  onRefresh(render);
  setInterval(watch, 1000);
}
