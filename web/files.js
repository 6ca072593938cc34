// Files: the model (nnplay.model/1) and the points (nnplay.data/1) saved as downloads and
// loaded from files the user picks; hand-made points not yet saved make leaving the page
// ask first.

import { $, act, showMessage } from "./ui.js";

const dataFormat = "nnplay.data/1";

// download offers obj as a JSON file called name.
function download(name, obj) {
  const text = JSON.stringify(obj, null, 2) + "\n";
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
}

// whenChosen calls use(obj, fileName) with the JSON of each file chosen in input; a file that
// cannot be read or is not JSON, or a use that throws, shows a message and changes nothing.
function whenChosen(input, use) {
  input.addEventListener("change", function () {
    const file = input.files[0];
    input.value = "";
    if (!file) return;
    file.text().then(function (text) {
      act(function () {
        let obj;
        try {
          obj = JSON.parse(text);
        } catch (err) {
          throw new Error(file.name + " was not loaded: it is not JSON (" + err.message + ")");
        }
        use(obj, file.name);
      });
    }, function () {
      showMessage(file.name + " could not be read.");
    });
  });
}

// Hand-made points live only in this page: leaving it with points not downloaded (or
// loaded) since they last changed asks first.
let savedPoints = null; // the points last downloaded or loaded, as JSON

function askBeforeLeaving(e) {
  if (!window.nnplay) return;
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

// startFiles wires the save and load buttons.
export function startFiles() {
  window.addEventListener("beforeunload", askBeforeLeaving);

  $("save").addEventListener("click", function () {
    act(function () { download("nnplay-model.json", nnplay.model()); });
  });
  $("load").addEventListener("click", function () { $("load-file").click(); });
  whenChosen($("load-file"), function (obj, name) {
    try {
      nnplay.loadModel(obj);
    } catch (err) {
      throw new Error(name + " was not loaded: " + err.message);
    }
    showMessage("Loaded " + name + ". Press play to train it further.");
  });

  $("save-data").addEventListener("click", function () {
    act(function () {
      const st = nnplay.state();
      download("nnplay-data.json", { format: dataFormat, problem: st.settings.problem, points: st.points });
      savedPoints = JSON.stringify(st.points);
    });
  });
  $("load-data").addEventListener("click", function () { $("load-data-file").click(); });
  whenChosen($("load-data-file"), function (obj, name) {
    const problem = nnplay.state().settings.problem;
    let points = obj;
    if (!Array.isArray(obj)) {
      if (!obj || obj.format !== dataFormat || !Array.isArray(obj.points)) {
        throw new Error(name + " is not a data file: want {\"format\": \"" + dataFormat +
          "\", \"points\": [{x, y, label, test}, …]} or a list of points");
      }
      if (obj.problem !== undefined && obj.problem !== problem) {
        throw new Error(name + " holds " + obj.problem + " data; choose the problem " + obj.problem +
          " first (this playground is set to " + problem + ")");
      }
      points = obj.points;
    }
    try {
      nnplay.setData(points);
    } catch (err) {
      throw new Error(name + " was not loaded: " + err.message);
    }
    savedPoints = JSON.stringify(nnplay.state().points);
    showMessage("Loaded " + points.length + " points from " + name + " (undo brings the earlier ones back).");
  });
}
