// The address and the kept work. The address's fragment holds the settings (nnplay.link()),
// so that a configuration can be shared or bookmarked; opening such an address, or editing
// its fragment, applies it. A link that cannot be applied changes nothing: a message says
// why, and the link stays in the address bar until a setting changes. Once applied, the
// address shows the settings' link: the weights and points a shared link carried are not
// kept in it.
//
// The page opens where the person left it (boot): the work kept in local storage
// (store.js) is restored, paused, when the address is empty or is the page's own link for
// it (the one it kept in step with those settings); an address with another link (a shared
// one included) wins: it is opened as on a new page, over the restored work, so that undo
// brings the work back. Kept work that cannot be restored is said once, and the page opens
// at the address (at the defaults when it is empty).

import { ui, intFormat, onRefresh, refresh, act, showMessage } from "./ui.js";
import { wording } from "./message.js";
import { readKept, startKeeping } from "./store.js";

let shownLink = null; // the link the address shows (or the refused one left there)

// applyAddress applies the address's link, hash, unless it is empty or the settings' own:
// over the playground as it is (nnplay.applyLink), or over the work kept from the last visit
// as a new page opens it (overKept: the page's openLink, whose undo brings the work back).
// It returns the message it showed when the link was refused, else "".
function applyAddress(hash, overKept) {
  if (hash.length <= 1 || hash.slice(1) === nnplay.link()) return "";
  try {
    if (overKept) ui.page.call("openLink", JSON.stringify(hash));
    else nnplay.applyLink(hash);
  } catch (err) {
    const text = "The link's settings were not applied: " + err.message.replace(/^(applyLink|openLink): /, "") + ".";
    showMessage(text + " The playground is as it was.");
    shownLink = nnplay.link();
    return text;
  }
  const back = overKept ? " Undo brings back your work from your last visit." : "";
  // A shared link (nnplay.shareLink) carries weights or points: it opens paused.
  if (/[#&](weights|points)=/.test(hash)) showMessage("This is the playground as it was shared, paused: press play to train it on." + back);
  else if (back) showMessage("Opened the link's settings." + back);
  shownLink = null; // the address shows the settings' link now, even when they did not change
  refresh();
  return "";
}

function showLink() {
  const link = nnplay.link();
  if (link === shownLink) return;
  shownLink = link;
  history.replaceState(null, "", "#" + link);
}

// keptLink returns the link of the kept work's settings, or null when it cannot be restored
// (said, once: corrupt, another version, a setting out of range).
function keptLink(kept) {
  try {
    return ui.page.call("keptLink", kept);
  } catch (err) {
    showMessage("The work kept from your last visit could not be restored (" + wording(err.message) +
      "); the playground starts from its defaults.");
    return null;
  }
}

// startFresh returns to the defaults, as one undo step.
function startFresh() {
  if (act(function () { ui.page.call("startFresh"); })) {
    showMessage("Started fresh from the defaults: undo brings your work back.");
  }
}

// restore restores the kept work and reports whether it did.
function restore(kept) {
  return act(function () { nnplay.restore(kept); });
}

// sayRestored says that the kept work was restored, after before (a refused link's message).
function sayRestored(before) {
  const epoch = nnplay.state().epoch;
  showMessage((before ? before + " " : "") + "Restored your work from your last visit, paused at epoch " +
    intFormat.format(epoch) + ".", { label: "start fresh", run: startFresh });
}

// boot opens the playground where the person left it, or at the address (see above), and
// then starts keeping the work. The page calls it when the playground is ready, and again
// when the canvas page reloaded (a new program at its defaults).
export function boot() {
  const kept = readKept();
  const link = kept === null ? null : keptLink(kept);
  const hash = location.hash; // before a restore puts the kept work's link there
  if (link !== null && (hash.length <= 1 || hash.slice(1) === link)) {
    if (restore(kept)) sayRestored("");
  } else if (link !== null && restore(kept)) {
    // Another link wins, opened as on a new page, one undo step above the kept work.
    const refused = applyAddress(hash, true);
    if (refused) sayRestored(refused); // a link that changes nothing leaves the kept work
  } else {
    applyAddress(hash, false);
  }
  startKeeping();
}

// startLink opens the playground (boot), follows the address's changes, and keeps the
// address up to date.
export function startLink() {
  onRefresh(showLink);
  boot();
  window.addEventListener("hashchange", function () { applyAddress(location.hash, false); });
}
