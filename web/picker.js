// The data set picker: a picture of every generated data set (drawn by the Go generators,
// schema().datasets[].thumbnail), as TensorFlow Playground has; a click picks it, as the
// data set list beside it does. The picture of the data set in use is marked.

import { $, ui, onRefresh, configure } from "./ui.js";

function render(status) {
  document.querySelectorAll("#dataset-pics button").forEach(function (b) {
    const on = b.dataset.name === status.settings.dataset;
    if (b.getAttribute("aria-pressed") !== String(on)) b.setAttribute("aria-pressed", String(on));
  });
}

// startPicker builds the pictures from the schema.
export function startPicker() {
  const box = $("dataset-pics");
  ui.schema.datasets.forEach(function (d) {
    const b = document.createElement("button");
    b.type = "button";
    b.dataset.name = d.name;
    b.title = d.name + " (" + d.problem + ")";
    b.setAttribute("aria-pressed", "false");
    const img = document.createElement("img");
    img.src = d.thumbnail;
    img.alt = d.name;
    img.width = 48;
    img.height = 48;
    b.append(img);
    b.addEventListener("click", function () { configure({ dataset: d.name }); });
    box.append(b);
  });
  onRefresh(render);
}
