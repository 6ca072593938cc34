// Share: a link that opens this playground as it is (nnplay.shareLink), copied to the
// clipboard: the settings, the weights as chosen (as trained now, as the run started, or
// none) and the points if ticked (by default when they are hand-made). Where the
// clipboard is refused or missing, the link is shown selected in a field to copy by hand.
// Nothing is written to the console either way.

import { $, act, onRefresh } from "./ui.js";

let dataChosen = false; // the person ticked or cleared "and the points" themselves
let sharedAt = null;    // the status version the link shown or copied was made at

// options returns shareLink's options as the controls choose them.
function options() {
  const weights = document.querySelector('input[name="share-weights"]:checked');
  return { weights: weights ? weights.value : "current", data: $("share-data").checked };
}

// say shows text under the button, scrolled into view (on a phone, above the Controls bar).
function say(text) {
  $("share-status").textContent = text;
  $("share-status").hidden = false;
  $("share-status").scrollIntoView({ block: "nearest" });
}

// byHand shows the link in the field under the words, selected, for the person to copy: the
// words first, so that the field's focus scrolls it into view where it then stays.
function byHand(link, why) {
  const field = $("share-text");
  say(why + " Copy the selected link (Ctrl+C or ⌘C).");
  field.value = link;
  field.hidden = false;
  field.focus();
  field.select();
}

function share() {
  let link = null;
  if (!act(function () { link = nnplay.shareLink(options()); })) return;
  $("share-text").hidden = true;
  sharedAt = version();
  const size = link.length.toLocaleString("en-US") + " characters";
  const clip = navigator.clipboard;
  if (!clip || typeof clip.writeText !== "function") {
    byHand(link, "This browser gives the page no clipboard (" + size + ").");
    return;
  }
  clip.writeText(link).then(function () {
    say("Copied the link (" + size + "): it opens this playground as it is now, paused.");
  }, function () {
    byHand(link, "The clipboard was refused (" + size + ").");
  });
}

let seen = null; // the last status

function version() { return seen ? seen.version : null; }

// render ticks "and the points" for hand-made points until the person chooses, and takes
// the last link's words and field away once the playground changed (it is out of date).
function render(status) {
  seen = status;
  if (!dataChosen) $("share-data").checked = status.settings.dataset === "custom";
  if (sharedAt !== null && status.version !== sharedAt) {
    $("share-text").hidden = true;
    $("share-status").hidden = true;
    sharedAt = null;
  }
}

// startShare wires the share controls.
export function startShare() {
  $("share").addEventListener("click", share);
  $("share-data").addEventListener("change", function () { dataChosen = true; });
  onRefresh(render);
}
