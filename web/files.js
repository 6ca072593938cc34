// Files: the model (nnplay.model/1) and the points (CSV, or nnplay.data/1 JSON) saved as
// downloads and loaded from files the user picks, or drops anywhere on the page, the canvas
// included; the plot's picture (PNG, drawn in Go) saved. The Go program reads every file:
// which kind a dropped file is, it tells by the content. Leaving the page asks first only
// when the browser could not keep the work (store.js) and hand-made points not yet saved
// would be lost.

import { $, ui, act, showMessage } from "./ui.js";
import { keptNow } from "./store.js";
import { withoutCall } from "./message.js";

// download offers data (text or bytes) as a file called name of the given type.
function download(name, data, type) {
  const url = URL.createObjectURL(new Blob([data], { type: type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
}

// read hands the text of file to use; a file that cannot be read, or a use that throws,
// shows a message naming the file (as the user named it) and changes nothing.
function read(file, use) {
  file.text().then(function (text) {
    act(function () {
      try {
        use(text);
      } catch (err) {
        showMessage(file.name + " was not loaded: " + withoutCall(err.message));
      }
    });
  }, function () {
    showMessage(file.name + " could not be read.");
  });
}

// whenChosen calls use(text, file) for each file chosen in input.
function whenChosen(input, use) {
  input.addEventListener("change", function () {
    const file = input.files[0];
    input.value = "";
    if (file) read(file, function (text) { use(text, file); });
  });
}

// Where the browser keeps the work, leaving loses nothing. Where it cannot (its storage full
// or refused), hand-made points live only in this page: leaving it with points not
// downloaded (or loaded) since they last changed asks first.
let savedPoints = null; // the points last downloaded or loaded, as JSON

function saved() { savedPoints = JSON.stringify(nnplay.state().points); }

function askBeforeLeaving(e) {
  if (!window.nnplay || keptNow()) return;
  let st;
  try {
    st = nnplay.state();
  } catch (err) {
    return;
  }
  if (st.settings.dataset !== "custom" || JSON.stringify(st.points) === savedPoints) return;
  e.preventDefault();
  e.returnValue = ""; // the browser shows its own "Leave site?" question
}

function loadedModel(file) { showMessage("Loaded " + file.name + ". Press play to train it further."); }

function loadedData(file) {
  saved();
  showMessage("Loaded " + nnplay.state().points.length + " points from " + file.name +
    " (undo brings the earlier ones back).");
}

// A file dragged over the page may be dropped anywhere: a model or data, by its content.
function allowDrop(e) {
  if (e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types, "Files") >= 0) e.preventDefault();
}

function drop(e) {
  const file = e.dataTransfer && e.dataTransfer.files[0];
  if (!file || !ui.page) return;
  e.preventDefault();
  read(file, function (text) {
    (ui.page.call("loadFile", text) === "model" ? loadedModel : loadedData)(file);
  });
}

function takeDrops(win) {
  win.addEventListener("dragover", allowDrop);
  win.addEventListener("drop", drop);
}

// savePicture downloads the plot's picture as nnplay.png without blocking the page: Go draws
// it in pieces between frames (nnplayPage.picturePixels) and the browser encodes it as PNG,
// off the page's thread; the same pixels as nnplay.picture(). Meanwhile the button says
// "saving…" and takes no second click.
function savePicture() {
  const button = $("save-picture");
  let pixels;
  if (button.disabled || !act(function () { pixels = ui.page.picturePixels(); })) return;
  const label = button.textContent;
  button.disabled = true;
  button.textContent = "saving…";
  pixels.then(function (pic) {
    const canvas = new OffscreenCanvas(pic.width, pic.height);
    const ctx = canvas.getContext("2d", { willReadFrequently: true }); // kept in memory, not on the GPU
    ctx.putImageData(new ImageData(pic.pixels, pic.width, pic.height), 0, 0);
    return canvas.convertToBlob({ type: "image/png" });
  }).then(function (png) {
    download("nnplay.png", png, "image/png");
  }, function () {
    showMessage("The picture could not be made.");
  }).finally(function () {
    button.disabled = false;
    button.textContent = label;
  });
}

// startFiles wires the save and load buttons (save picture too) and the drops.
export function startFiles() {
  window.addEventListener("beforeunload", askBeforeLeaving);
  takeDrops(window);
  const frame = $("canvas"); // the canvas page is a document of its own: it takes drops too
  takeDrops(frame.contentWindow);
  frame.addEventListener("load", function () { takeDrops(frame.contentWindow); });

  $("save").addEventListener("click", function () {
    act(function () { download("nnplay-model.json", JSON.stringify(nnplay.model(), null, 2) + "\n", "application/json"); });
  });
  $("save-picture").addEventListener("click", savePicture);
  $("load").addEventListener("click", function () { $("load-file").click(); });
  whenChosen($("load-file"), function (text, file) {
    nnplay.loadModel(text);
    loadedModel(file);
  });

  $("save-data").addEventListener("click", function () {
    act(function () {
      download("nnplay-data.json", ui.page.call("dataJSON"), "application/json");
      saved();
    });
  });
  $("save-csv").addEventListener("click", function () {
    act(function () {
      download("nnplay-data.csv", nnplay.exportData(), "text/csv");
      saved();
    });
  });
  $("load-data").addEventListener("click", function () { $("load-data-file").click(); });
  whenChosen($("load-data-file"), function (text, file) {
    nnplay.importData(text);
    loadedData(file);
  });
}
