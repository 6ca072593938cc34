// The controls of the plot and its points that are not settings: regenerate and the brush
// (the label of points added on the canvas). The view's toggles are settings
// (settings.js).

import { $, ui, intFormat, onRefresh, act, setValue } from "./ui.js";

// brushText shows a regression brush value to the slider's step.
function brushText(v) { return String(Math.round(v * 100) / 100); }

// render shows the brush of a status.
function render(status) {
  // Hand-made data: the number of points on screen, which the setting no longer gives.
  const handmade = status.settings.dataset === "custom";
  $("handmade").hidden = !handmade;
  if (handmade) {
    $("handmade").textContent = "Hand-made data: " + intFormat.format(status.pointCount) +
      " points. The setting applies when a data set is generated.";
  }
  const regression = status.settings.problem === "regression";
  $("brush-classes").hidden = regression;
  $("brush-value-row").hidden = !regression;
  document.querySelectorAll("input[name=brush]").forEach(function (r) {
    r.checked = Number(r.value) === (status.brush >= 0.5 ? 1 : 0);
  });
  if (status.brushRange) {
    // The value brush spans the labels (and at least −1 to 1), in 100 steps.
    const b = $("brush-value"), lo = status.brushRange[0], hi = status.brushRange[1];
    if (Number(b.min) !== lo || Number(b.max) !== hi) {
      b.min = String(lo);
      b.max = String(hi);
      b.step = String((hi - lo) / 100);
    }
  }
  setValue($("brush-value"), status.brush);
  $("brush-value-out").textContent = brushText(status.brush);
}

// startPlot wires the plot's controls.
export function startPlot() {
  $("regenerate").addEventListener("click", function () { act(function () { ui.page.call("regenerate"); }); });
  document.querySelectorAll("input[name=brush]").forEach(function (r) {
    r.addEventListener("change", function () {
      act(function () { ui.page.call("setBrush", Number(r.value)); });
    });
  });
  $("brush-value").addEventListener("input", function () {
    const v = Number($("brush-value").value);
    $("brush-value-out").textContent = brushText(v);
    act(function () { ui.page.call("setBrush", v); });
  });
  onRefresh(render);
}
