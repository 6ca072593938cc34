// The maths panel's numbers and the network's nodes, edges and bias marks, both ways (hover
// one, see the other). Which numbers belong to which element is decided once, in Go
// (api.MathPaths and its inverse api.PathHover): the status lists the paths of the numbers
// of the element the network highlights (status.lit), and this marks them "lit"; the mouse
// resting on a number of the panel tells the playground its path (lightPath), and the
// network highlights that number's element until the mouse leaves it.

import { $, ui, onRefresh } from "./ui.js";

let told = ""; // the path last told to the playground, "" for none

// mark marks the panel's numbers at paths, and no others.
function mark(paths) {
  const panel = $("math");
  panel.querySelectorAll("mn.lit").forEach(function (e) { e.classList.remove("lit"); });
  paths.forEach(function (path) {
    panel.querySelectorAll('mn[data-path="' + path + '"]').forEach(function (e) { e.classList.add("lit"); });
  });
}

// relight marks the numbers of the last status again, once the panel was written anew.
export function relight() {
  if (ui.status) mark(ui.status.lit);
}

// tell asks the playground to highlight the element of the number at path ("" for none).
function tell(path) {
  if (path === told || !ui.page) return;
  try {
    ui.page.call("lightPath", path);
    told = path;
  } catch (err) {
    // The canvas page is reloading, or the number is of a network just replaced (the
    // panel is written anew at once): nothing to highlight.
    told = "";
  }
}

// startLit wires the panel's numbers to the network picture.
export function startLit() {
  const panel = $("math");
  panel.addEventListener("pointerover", function (e) {
    const n = e.target.closest("mn[data-path]");
    tell(n ? n.getAttribute("data-path") : "");
  });
  panel.addEventListener("pointerleave", function () { tell(""); });
  onRefresh(function (status) { mark(status.lit); });
}
