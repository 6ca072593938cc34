// The sidebar's settings: built from nnplay.schema() (ranges, choices, the lists offered,
// the data sets' problems), shown from the playground's status, and sent back with
// nnplay.configure. No limit is written here or in index.html. A control with
// data-setting="name" is the control of that setting: a <select> of its choices (with
// data-number, of the numbers schema().offered lists), a number field or slider given its
// range, or a checkbox for a boolean; it is shown and sent back without more code here.

import { $, ui, intFormat, perSecond, percent, onRefresh, act, configure, setting, setValue } from "./ui.js";

// How a choice is shown, where its name is not what the page says.
const labels = { relu: "ReLU", l1: "L1", l2: "L2", custom: "custom (edited)" };

// A new hidden layer's size.

// One gesture on a slider (dragged, or an arrow key held on it) is one undo step: the calls
// it makes share a group.
const gesture = { el: null, id: 0 };
function beginGesture(e) {
  if (!ui.page || e.repeat || !e.target || e.target.type !== "range") return;
  gesture.el = e.target;
  gesture.id = ui.page.call("newGroup");
}

// configureFrom is configure for a change of control el.
function configureFrom(el, patch) {
  if (gesture.el !== el) return configure(patch);
  return act(function () { ui.page.call("configureIn", gesture.id, JSON.stringify(patch)); });
}

// featureLabel writes a feature's name with subscripts and superscripts: x1*x2 → x₁x₂.
function featureLabel(name) {
  return name.replace(/x([12])/g, function (_, d) { return "x" + "₀₁₂"[d]; })
    .replace(/\^2/g, "²").replace(/\*/g, "");
}

function option(value, text) {
  const o = document.createElement("option");
  o.value = value;
  o.textContent = text;
  return o;
}

// problemOf returns the problem of a generated data set, or undefined.
function problemOf(dataset) {
  const d = ui.schema.datasets.find(function (d) { return d.name === dataset; });
  return d && d.problem;
}

function speeds() { return ui.schema.offered.speed; }

function speedText(v) { return v === 0 ? "max" : perSecond(v); }

function speedIndex(v) {
  const list = speeds();
  const zero = list.indexOf(0);
  if (v === 0 && zero >= 0) return zero;
  let best = -1;
  list.forEach(function (s, i) {
    if (s > 0 && (best < 0 || Math.abs(Math.log(s / v)) < Math.abs(Math.log(list[best] / v)))) best = i;
  });
  return best;
}

// build makes the settings' controls from the schema.
function build() {
  // Data sets, grouped by problem; choices that are no data set (custom) cannot be picked.
  const groups = new Map();
  ui.schema.datasets.forEach(function (d) {
    if (!groups.has(d.problem)) {
      const g = document.createElement("optgroup");
      g.label = d.problem;
      groups.set(d.problem, g);
    }
    groups.get(d.problem).append(option(d.name, d.name));
  });
  const dataset = $("dataset");
  dataset.replaceChildren.apply(dataset, Array.from(groups.values()));
  setting("dataset").choices.forEach(function (c) {
    if (problemOf(c) === undefined) {
      const o = option(c, labels[c] || c);
      o.disabled = true;
      dataset.append(o);
    }
  });
  // The other choices.
  document.querySelectorAll("select[data-setting]").forEach(function (el) {
    const s = setting(el.dataset.setting);
    if (s.kind !== "choice" || el === dataset) return;
    el.replaceChildren.apply(el, s.choices.map(function (c) { return option(c, labels[c] || c); }));
  });
  // Features.
  const box = $("features");
  setting("features").choices.forEach(function (f) {
    const label = document.createElement("label");
    const input = document.createElement("input");
    input.type = "checkbox";
    input.name = "feature";
    input.value = f;
    label.append(input, " " + featureLabel(f));
    box.append(label);
  });
  // Ranges and steps of numbers.
  document.querySelectorAll("input[data-setting]").forEach(function (el) {
    const s = setting(el.dataset.setting);
    if (s.min === null) return; // a box
    el.min = String(s.min);
    el.max = String(s.max);
    el.step = s.step === null ? "any" : String(s.step);
  });
  document.querySelectorAll("[data-range]").forEach(function (el) {
    const s = setting(el.dataset.range);
    el.textContent = "(" + intFormat.format(s.min) + "–" + intFormat.format(s.max) + ")";
  });
  $("speed").min = "0";
  $("speed").max = String(speeds().length - 1);
}

// fillNumberSelect offers list plus the current value when it is off the list.
function fillNumberSelect(select, list, current) {
  const values = list.slice();
  if (values.indexOf(current) < 0) {
    values.push(current);
    values.sort(function (a, b) { return a - b; });
  }
  const key = values.join(",");
  if (select.dataset.values !== key) {
    select.replaceChildren.apply(select, values.map(function (v) {
      return option(String(v), String(v) + (list.indexOf(v) < 0 ? " (set elsewhere)" : ""));
    }));
    select.dataset.values = key;
  }
  select.value = String(current);
}

// showSetting shows value v in el, the control of a setting (data-setting="name"): a box's
// check, a list of offered numbers (data-number) with v among them, or a value.
function showSetting(el, v) {
  if (el.type === "checkbox") {
    el.checked = v;
  } else if ("number" in el.dataset) {
    fillNumberSelect(el, ui.schema.offered[el.dataset.setting] || [], v);
  } else {
    setValue(el, v);
  }
}

// controlsOf returns the elements that show setting name: its control (data-setting) or
// the parts of a control built here (data-control), their labels, and the label round a
// checkbox.
function controlsOf(name) {
  const out = [];
  document.querySelectorAll('[data-setting="' + name + '"], [data-control="' + name + '"]').forEach(function (el) {
    out.push(el);
    const around = el.closest("label");
    if (around) out.push(around);
    if (el.id) document.querySelectorAll('label[for="' + el.id + '"]').forEach(function (l) { out.push(l); });
  });
  return out;
}

// renderHidden hides the controls of the settings settings.hide names (a classroom link's
// choice) and shows the others.
function renderHidden(hide) {
  const key = hide.join(",");
  if (renderHidden.shown === key) return;
  renderHidden.shown = key;
  ui.schema.settings.forEach(function (s) {
    const hidden = hide.indexOf(s.name) >= 0;
    controlsOf(s.name).forEach(function (el) { el.hidden = hidden; });
  });
}

// render shows the settings of a status.
function render(status) {
  const s = status.settings;
  renderHidden(s.hide);
  document.querySelectorAll("[data-setting]").forEach(function (el) { showSetting(el, s[el.dataset.setting]); });
  $("noise-out").textContent = percent(s.noise);
  $("testRatio-out").textContent = percent(s.testRatio);
  const features = new Set(s.features);
  document.querySelectorAll("input[name=feature]").forEach(function (c) {
    c.checked = features.has(c.value);
  });
  const hidden = s.layers.slice(1, -1);
  $("hidden-count").textContent = String(hidden.length);
  $("hidden-minus").disabled = hidden.length === 0;
  $("hidden-plus").disabled = hidden.length >= setting("layers").maxHidden;
  renderLayers(hidden);
  const sp = $("speed");
  setValue(sp, speedIndex(s.speed));
  $("speed-out").textContent = speedText(s.speed);
  sp.setAttribute("aria-valuetext", speedText(s.speed));
}

// renderLayers shows one row per hidden layer: its number of nodes with − and +.
function renderLayers(hidden) {
  const box = $("layers");
  if (box.dataset.shape === hidden.join(",")) return;
  const nodes = setting("layers");
  // Keep keyboard focus on the same button across the re-render.
  const focused = document.activeElement && box.contains(document.activeElement) ? document.activeElement.id : "";
  box.replaceChildren.apply(box, hidden.map(function (n, i) {
    const row = document.createElement("div");
    row.className = "stepper";
    row.setAttribute("role", "group");
    const label = document.createElement("span");
    label.id = "layer-label-" + i;
    label.textContent = "layer " + (i + 1) + ": nodes";
    row.setAttribute("aria-labelledby", label.id);
    const minus = stepButton("layer-" + i + "-minus", "−", "fewer nodes in layer " + (i + 1), n <= nodes.min, function () {
      changeNodes(i, -1);
    });
    const out = document.createElement("output");
    out.textContent = String(n);
    const plus = stepButton("layer-" + i + "-plus", "+", "more nodes in layer " + (i + 1), n >= nodes.max, function () {
      changeNodes(i, +1);
    });
    row.append(label, minus, out, plus);
    return row;
  }));
  box.dataset.shape = hidden.join(",");
  if (focused && $(focused)) {
    const el = $(focused);
    el.disabled ? el.parentElement.querySelector("button:not([disabled])")?.focus() : el.focus();
  }
}

function stepButton(id, text, label, disabled, onClick) {
  const b = document.createElement("button");
  b.type = "button";
  b.id = id;
  b.textContent = text;
  b.setAttribute("aria-label", label);
  b.disabled = disabled;
  b.addEventListener("click", onClick);
  return b;
}

function currentLayers() { return ui.status.settings.layers.slice(); }

function changeNodes(i, delta) {
  const layers = currentLayers();
  const nodes = setting("layers");
  layers[i + 1] = Math.min(nodes.max, Math.max(nodes.min, layers[i + 1] + delta));
  configure({ layers: layers });
}

// wire sends the controls' changes to the playground.
function wire() {
  document.addEventListener("pointerdown", beginGesture, true);
  document.addEventListener("keydown", beginGesture, true);
  document.querySelectorAll("[data-setting]").forEach(function (el) {
    el.addEventListener("change", function () {
      const name = el.dataset.setting;
      let value = el.type === "checkbox" ? el.checked : el.value;
      // A refused or empty entry goes back to the setting in effect (refresh leaves a
      // focused number field alone, so that typing is not interrupted).
      const revert = function () {
        if (el.type === "checkbox") el.checked = ui.status.settings[name];
        else el.value = String(ui.status.settings[name]);
      };
      if (el.type === "number" || el.type === "range" || "number" in el.dataset) {
        if (value.trim() === "") { revert(); return; }
        value = Number(value);
      }
      const patch = {};
      patch[name] = value;
      if (!configureFrom(el, patch)) revert();
    });
  });
  // Ranges show their value while they move.
  ["noise", "testRatio"].forEach(function (id) {
    $(id).addEventListener("input", function () { $(id + "-out").textContent = percent($(id).value); });
  });
  $("speed").addEventListener("input", function () {
    const v = speeds()[Number($("speed").value)];
    $("speed-out").textContent = speedText(v);
    $("speed").setAttribute("aria-valuetext", speedText(v));
    configureFrom($("speed"), { speed: v });
  });
  document.querySelectorAll("input[name=feature]").forEach(function (c) {
    c.addEventListener("change", function () {
      const chosen = [];
      document.querySelectorAll("input[name=feature]").forEach(function (x) {
        if (x.checked) chosen.push(x.value);
      });
      configure({ features: chosen });
    });
  });
  $("hidden-minus").addEventListener("click", function () {
    const layers = currentLayers();
    if (layers.length > 2) layers.splice(layers.length - 2, 1);
    configure({ layers: layers });
  });
  $("hidden-plus").addEventListener("click", function () {
    const layers = currentLayers();
    layers.splice(layers.length - 1, 0, setting("layers").newLayer);
    configure({ layers: layers });
  });
}

// startSettings builds, wires and shows the settings' controls.
export function startSettings() {
  build();
  wire();
  onRefresh(render);
}
