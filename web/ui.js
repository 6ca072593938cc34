// What the page's control modules share: the playground they act on, its last status, the
// messages (message.js), and the refresh that carries the playground's state into every
// control.
// Nothing is written to the console.

export const $ = function (id) { return document.getElementById(id); };

// ui.page is window.nnplayPage once the playground is ready (a new one if the canvas page
// reloaded); ui.status is the last status read; ui.schema is nnplay.schema().
export const ui = { page: null, status: null, schema: null };

export const intFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

// percent writes a share as a whole percentage: 0.25 → "25%".
export function percent(v) { return Math.round(v * 100) + "%"; }

// perSecond writes a rate of epochs: "1 epoch/s", "2 epochs/s".
export function perSecond(v) {
  return intFormat.format(v) + (Math.round(v) === 1 ? " epoch/s" : " epochs/s");
}

import { showMessage, wording } from "./message.js";

export { showMessage };

const renderers = [];

// onRefresh adds a function that shows a status in some of the controls.
export function onRefresh(render) { renderers.push(render); }

// refresh reads the playground's status and shows it in every control.
export function refresh() {
  if (!ui.page) return;
  try {
    ui.status = ui.page.status();
  } catch (err) {
    return; // the canvas page is reloading; it will attach again
  }
  renderers.forEach(function (render) { render(ui.status); });
}

// act runs an API call for a control; a refusal is shown and the controls go back to what
// the playground holds (the refused input changed nothing). It reports whether the call was
// taken.
export function act(fn) {
  let ok = true;
  try {
    fn();
  } catch (err) {
    showMessage(wording(err.message));
    ok = false;
  }
  refresh();
  return ok;
}

// configure applies a partial settings object, as act does.
export function configure(patch) { return act(function () { nnplay.configure(patch); }); }

// setting returns schema()'s entry for the setting called name.
export function setting(name) {
  return ui.schema.settings.find(function (s) { return s.name === name; });
}

// setValue updates a control unless the user is typing in it right now.
export function setValue(el, v) {
  if (document.activeElement === el && el.type === "number") return;
  if (el.value !== String(v)) el.value = String(v);
}
