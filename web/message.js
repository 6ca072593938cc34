// The message overlay: one calm line over the top of the canvas that does not move the
// layout, stays until it is dismissed or replaced, and says what went wrong in the page's
// words. The API's errors keep their prefixes ("configure: batchSize must be …"); the page
// shows them as the controls name things ("Batch size must be …").

const $ = function (id) { return document.getElementById(id); };

// A refusal of the Go program starts with the name of the call it refused ("configure: ").
const prefix = /^([a-zA-Z]+): /;

// withoutCall returns an error's text without the name of the API or page call that refused
// (a call of the running Go program, nnplayPage.isCall); other text is kept as it is.
export function withoutCall(text) {
  const t = String(text);
  const m = prefix.exec(t);
  return m && window.nnplayPage && window.nnplayPage.isCall(m[1]) ? t.slice(m[0].length) : t;
}

// labelOf returns what the page calls setting name (the text of its control's label, up to
// any number shown in it), or "" when no control is labelled so.
function labelOf(name) {
  const el = document.querySelector('[data-setting="' + name + '"]');
  const label = el && el.id ? document.querySelector('label[for="' + el.id + '"]') : null;
  if (!label) return "";
  let text = "";
  label.childNodes.forEach(function (n) { if (n.nodeType === Node.TEXT_NODE) text += n.textContent; });
  return text.trim();
}

// wording turns an error of the API into the page's words: no call prefix, a setting named
// by its label, and a capital first letter.
export function wording(text) {
  let t = withoutCall(text);
  const m = /^([a-zA-Z]+)(\[\d+\])?( must| is| has)/.exec(t);
  if (m) {
    const label = labelOf(m[1]);
    if (label) t = label + (m[2] ? " " + m[2] : "") + t.slice(m[1].length + (m[2] ? m[2].length : 0));
  }
  return t.charAt(0).toUpperCase() + t.slice(1);
}

let action = null; // what the message's button does, or null when it has none

// showMessage shows text in the overlay until it is dismissed or another message replaces it;
// with a button beside it when act is given ({label, run}: the button's text and what a
// press does, which also dismisses the message).
export function showMessage(text, act) {
  action = act || null;
  $("message-text").textContent = text;
  $("message-action").textContent = action ? action.label : "";
  $("message-action").hidden = !action;
  $("message").hidden = false;
}

// startMessages wires the overlay's buttons.
export function startMessages() {
  $("message-close").addEventListener("click", function () { $("message").hidden = true; });
  $("message-action").addEventListener("click", function () {
    const run = action && action.run;
    $("message").hidden = true;
    action = null;
    if (run) run();
  });
}
