// The address: its fragment holds the settings (nnplay.link()), so that a configuration can
// be shared or bookmarked; opening such an address, or editing its fragment, applies it. A
// link that cannot be applied changes nothing: a message says why, and the link stays in
// the address bar until a setting changes. Once applied, the address shows the settings'
// link: the weights and points a shared link carried are not kept in it.

import { onRefresh, refresh, showMessage } from "./ui.js";

let shownLink = null; // the link the address shows (or the refused one left there)

function applyAddress() {
  const hash = location.hash;
  if (hash.length <= 1 || hash.slice(1) === nnplay.link()) return;
  try {
    nnplay.applyLink(hash);
  } catch (err) {
    showMessage("The link's settings were not applied: " + err.message.replace(/^applyLink: /, "") +
      ". The playground is as it was.");
    shownLink = nnplay.link();
    return;
  }
  // A shared link (nnplay.shareLink) carries weights or points: it opens paused.
  if (/[#&](weights|points)=/.test(hash)) showMessage("This is the playground as it was shared, paused: press play to train it on.");
  refresh();
}

function showLink() {
  const link = nnplay.link();
  if (link === shownLink) return;
  shownLink = link;
  history.replaceState(null, "", "#" + link);
}

// startLink applies the address's link, follows its changes, and keeps it up to date.
export function startLink() {
  onRefresh(showLink);
  applyAddress();
  window.addEventListener("hashchange", applyAddress);
}
