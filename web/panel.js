// The maths panel's life (its text is math.js's): when to read the maths, the selected
// parameter's number field, the step buttons and the coach's lines. It tells the playground
// whether the panel can be seen (open, on screen, the tab visible): while it can, the Go
// frames recompute its numbers when they change, a few times a second. Four times a second
// it polls the playground's cheap counters (nnplayPage.poll) and reads the numbers the frames
// computed (panelMath, only encoded) when there are new ones; after the panel's own calls it
// reads math() itself. Nothing is written to the console.

import { $, ui, onRefresh, refresh } from "./ui.js";
import { render } from "./math.js";
import { relight, startLit } from "./lit.js";

const every = 250; // ms between polls of the counters
const counters = new Float64Array(6); // [version, revision, epoch, epochs/s, running, maths computed]
let onScreen = true, seen = "", seenHints = "", last = null;
let told = null, toldPage = null, seenMaths = -1, status = null;

// say shows a refusal (or clears it) under the panel's controls.
function say(text) {
  const out = $("math-status");
  out.textContent = text;
  out.hidden = !text;
}

// act runs an API call from the panel; a refusal is shown, and the panel (from math(): the
// numbers as they are now) and the controls are read again.
function act(fn) {
  try {
    fn();
    say("");
  } catch (err) {
    say(err.message);
  }
  seen = "";
  refresh();
  poll();
  update(function () { return nnplay.math(); });
}

// open reports whether the panel can be seen: on a phone only once the user opened it.
function open() {
  const drawer = $("math-drawer");
  const collapsed = getComputedStyle(drawer).display !== "none" && drawer.getAttribute("aria-expanded") !== "true";
  return !collapsed && onScreen && !document.hidden;
}

// showHints writes the coach's lines, one calm line each.
function showHints(status) {
  const hints = status.hints;
  const text = hints.join("\n");
  if (text === seenHints) return;
  seenHints = text;
  const box = $("hints");
  box.replaceChildren.apply(box, hints.map(function (h) {
    const p = document.createElement("p");
    p.textContent = h;
    return p;
  }));
  box.hidden = hints.length === 0;
}

// update shows the maths that read returns in the panel, if it is open.
function update(read) {
  if (!open() || !status) return;
  let m;
  try {
    m = read();
  } catch (err) {
    say(err.message); // no point to follow: there are no points
    $("math").classList.add("math-empty");
    return;
  }
  $("math").classList.remove("math-empty");
  last = m;
  render(m, status.settings.features);
  relight();
  const field = $("math-value");
  if (document.activeElement !== field) field.value = String(m.selected.value);
  $("step-sample").disabled = m.point.test;
}

function poll() {
  if (!ui.page) return;
  try {
    ui.page.poll(counters);
  } catch (err) {
    return; // the canvas page is reloading; it will attach again
  }
  const visible = open();
  if (visible !== told || ui.page !== toldPage) {
    ui.page.call("setPanel", visible); // the frames keep the numbers current while it is seen
    told = visible;
    toldPage = ui.page;
    seenMaths = -1; // show what there is at once
  }
  // The version and the revision count edits, the followed point and the selected
  // parameter; the epoch moves on while training, and with it the hints.
  const key = counters[0] + "/" + counters[1] + "/" + counters[2];
  if (key !== seen) {
    seen = key;
    status = ui.page.status();
    showHints(status);
  }
  if (visible && counters[5] !== seenMaths) {
    seenMaths = counters[5];
    update(function () { return ui.page.call("panelMath"); });
  }
}

// setValue types the selected parameter's new value: training goes on from it.
function setValue() {
  const field = $("math-value");
  const v = field.value.trim() === "" ? NaN : Number(field.value);
  if (!last || v === last.selected.value) return; // Enter, then the change it fires
  const sel = last.selected;
  act(function () {
    if (sel.kind === "bias") nnplay.setBias(sel.l, sel.j, v);
    else nnplay.setWeight(sel.l, sel.j, sel.i, v);
  });
  if (!$("math-status").hidden) field.value = String(last.selected.value);
}

// startPanel wires the panel and starts its polling.
export function startPanel() {
  $("math-value").addEventListener("change", setValue);
  $("math-value").addEventListener("keydown", function (e) {
    if (e.key === "Enter") { e.preventDefault(); setValue(); }
  });
  $("step-sample").addEventListener("click", function () { act(function () { nnplay.stepSample(); }); });
  $("step-batch").addEventListener("click", function () { act(function () { nnplay.stepBatch(); }); });
  const drawer = $("math-drawer");
  drawer.addEventListener("click", function () {
    drawer.setAttribute("aria-expanded", String(drawer.getAttribute("aria-expanded") !== "true"));
    poll();
  });
  // The bar's maths button: opens the section on a phone, and brings the panel into view.
  $("math-go").addEventListener("click", function () {
    drawer.setAttribute("aria-expanded", "true");
    $("math").scrollIntoView({ block: "start" });
    poll();
  });
  if ("IntersectionObserver" in window) {
    new IntersectionObserver(function (entries) {
      onScreen = entries[entries.length - 1].isIntersecting;
      poll();
    }).observe($("math"));
  }
  document.addEventListener("visibilitychange", poll);
  ["math-value", "step-sample", "step-batch"].forEach(function (id) { $(id).disabled = false; });
  onRefresh(showHints);
  startLit();
  setInterval(poll, every);
  poll();
}
