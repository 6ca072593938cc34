// The page's controls: the bar (bar.js), the settings (settings.js), the plot's own controls
// (plot.js), the files (files.js), sharing (share.js), the address and the kept work
// (link.js, store.js) and the maths panel (panel.js). They act through window.nnplay
// (the scripting API) and follow the playground the other way by polling a cheap counter
// every animation frame, refreshing from a full status only when the session or the
// canvas's state changed. Nothing is written to the console.

import { $, ui, refresh } from "./ui.js";
import { startBar, showCounters } from "./bar.js";
import { startSettings } from "./settings.js";
import { startPlot } from "./plot.js";
import { startFiles } from "./files.js";
import { startShare } from "./share.js";
import { startLink, boot } from "./link.js";
import { noteCounters } from "./store.js";
import { startPanel } from "./panel.js";
import { startHelp, attachHelp } from "./help.js";
import { startMessages } from "./message.js";
import { startAnnounce } from "./announce.js";
import { startPicker } from "./picker.js";

// counters is what poll fills: [session version, UI revision, epoch, epochs/s, running, maths computed].
const counters = new Float64Array(6);
let seenRev = -1;

// ---- the canvas's size ----------------------------------------------------------------

const phoneQuery = window.matchMedia("(max-width: 600px)");

// sizeCanvas gives the phone layout the height its pictures want at the page's width.
function sizeCanvas() {
  const frame = $("canvas");
  if (phoneQuery.matches && ui.page) {
    const h = ui.page.phoneHeight(frame.clientWidth);
    if (h > 0) frame.style.height = Math.round(h) + "px";
  } else {
    frame.style.height = "";
  }
}

// ---- the loop -------------------------------------------------------------------------

function tick() {
  try {
    ui.page.poll(counters);
  } catch (err) {
    requestAnimationFrame(tick); // the canvas page is reloading; it will attach again
    return;
  }
  showCounters(counters[2], counters[3]);
  noteCounters(counters[0], counters[2]);
  const st = ui.status;
  if (!st || counters[0] !== st.version || counters[1] !== seenRev || (counters[4] === 1) !== st.running) {
    seenRev = counters[1];
    refresh();
  }
  requestAnimationFrame(tick);
}

function start() {
  const again = ui.page !== null;
  ui.page = window.nnplayPage; // a new one if the canvas page reloaded
  ui.status = null;
  attachHelp();
  if (again) {
    boot(); // the new program opens where the work was kept
    return;
  }
  ui.schema = nnplay.schema();
  startMessages();
  startHelp();
  startAnnounce();
  startBar();
  startSettings();
  startPicker();
  startPlot();
  startFiles();
  startShare();
  document.querySelectorAll("#controls > fieldset").forEach(function (f) { f.disabled = false; });
  $("controls").addEventListener("submit", function (e) { e.preventDefault(); });
  // The phone drawer.
  $("drawer").addEventListener("click", function () {
    const open = $("drawer").getAttribute("aria-expanded") !== "true";
    $("drawer").setAttribute("aria-expanded", open ? "true" : "false");
    if (open) $("controls").scrollIntoView({ block: "start" }); // opened controls come into view
  });
  startLink();
  startPanel();
  refresh();
  sizeCanvas();
  window.addEventListener("resize", sizeCanvas);
  requestAnimationFrame(tick);
}

window.addEventListener("nnplayready", start);
if (window.nnplay && window.nnplayPage) start();
