// The page's controls: the bar (play/pause, step, reset, counters), the sidebar of
// settings, the banner and the messages. They act through window.nnplay (the scripting
// API) and follow the playground the other way by polling a cheap counter every animation
// frame, refreshing from a full status only when the session or the canvas's state changed.
// Nothing is written to the console.
"use strict";

(function () {
  const $ = function (id) { return document.getElementById(id); };

  // TensorFlow Playground's lists.
  const learningRates = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
  const regRates = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
  // Training speed, epochs per second; 0 is "as fast as it goes".
  const speeds = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000, 0];
  const maxHidden = 6, maxNodes = 8, newLayerNodes = 2;

  let page = null;            // window.nnplayPage, once ready
  let status = null;          // the last status read
  const counters = new Float64Array(5);
  let seenVersion = -1, seenRev = -1, seenNotes = 0;
  let messageTimer = 0;

  // ---- messages -------------------------------------------------------------------------

  function showMessage(text) {
    const m = $("message");
    m.textContent = text;
    m.hidden = false;
    clearTimeout(messageTimer);
    messageTimer = setTimeout(function () { m.hidden = true; }, 6000);
  }

  // act runs an API call for a control; a refusal is shown and the controls go back to
  // what the playground holds (the refused input changed nothing).
  // It reports whether the call was taken.
  function act(fn) {
    let ok = true;
    try {
      fn();
    } catch (err) {
      showMessage(err.message);
      ok = false;
    }
    refresh();
    return ok;
  }

  function configure(patch) { return act(function () { nnplay.configure(patch); }); }

  // One gesture on a slider (dragged, or an arrow key held on it) is one undo step: the
  // calls it makes share a group.
  const gesture = { el: null, id: 0 };
  function beginGesture(e) {
    if (!page || e.repeat || !e.target || e.target.type !== "range") return;
    gesture.el = e.target;
    gesture.id = page.call("newGroup");
  }
  document.addEventListener("pointerdown", beginGesture, true);
  document.addEventListener("keydown", beginGesture, true);

  // configureFrom is configure for a change of control el.
  function configureFrom(el, patch) {
    if (gesture.el !== el) return configure(patch);
    return act(function () { page.call("configureIn", gesture.id, JSON.stringify(patch)); });
  }

  // ---- formatting -----------------------------------------------------------------------

  const intFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

  function speedText(v) { return v === 0 ? "max" : intFormat.format(v) + " epochs/s"; }

  // brushText shows a regression brush value to the slider's step.
  function brushText(v) { return String(Math.round(v * 100) / 100); }

  function speedIndex(v) {
    if (v === 0) return speeds.length - 1;
    let best = 0;
    for (let i = 0; i < speeds.length - 1; i++) {
      if (Math.abs(Math.log(speeds[i] / v)) < Math.abs(Math.log(speeds[best] / v))) best = i;
    }
    return best;
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
        const o = document.createElement("option");
        o.value = String(v);
        o.textContent = String(v) + (list.indexOf(v) < 0 ? " (set elsewhere)" : "");
        return o;
      }));
      select.dataset.values = key;
    }
    select.value = String(current);
  }

  // setValue updates a control unless the user is editing it right now.
  function setValue(el, v) {
    if (document.activeElement === el && el.type === "number") return;
    if (el.value !== String(v)) el.value = String(v);
  }

  // showUndo enables an undo or redo button when there is a step, its title naming it.
  function showUndo(button, verb, label, keys) {
    button.disabled = !label;
    button.title = label ? verb + " " + label + " (" + keys + ")" : "Nothing to " + verb.toLowerCase();
  }

  // ---- refresh: playground → controls ---------------------------------------------------

  function refresh() {
    if (!page) return;
    try {
      status = page.status();
    } catch (err) {
      return;
    }
    const s = status.settings;
    // Bar.
    const running = status.running;
    const play = $("play");
    play.querySelector(".icon").textContent = running ? "❚❚" : "▶";
    play.querySelector(".label").textContent = running ? "pause" : "play";
    play.setAttribute("aria-label", running ? "Pause training" : "Play: train continuously");
    play.setAttribute("aria-pressed", running ? "true" : "false");
    // Banner: the divergence message with its fix.
    const banner = $("banner");
    if (status.error) {
      $("banner-text").textContent = "Training stopped: " + status.error + ".";
      banner.hidden = false;
    } else {
      banner.hidden = true;
    }
    // A refused canvas gesture.
    if (status.notes !== seenNotes) {
      seenNotes = status.notes;
      if (status.notice) showMessage(status.notice);
    }
    // Data.
    $("dataset").value = s.dataset;
    showUndo($("undo"), "Undo", status.undoLabel, "Ctrl+Z");
    showUndo($("redo"), "Redo", status.redoLabel, "Ctrl+Shift+Z");
    setValue($("noise"), s.noise);
    $("noise-out").textContent = Math.round(s.noise * 100) + "%";
    setValue($("testRatio"), s.testRatio);
    $("testRatio-out").textContent = Math.round(s.testRatio * 100) + "%";
    setValue($("numPoints"), s.numPoints);
    setValue($("dataSeed"), s.dataSeed);
    const regression = s.problem === "regression";
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
    // Network.
    const features = new Set(s.features);
    document.querySelectorAll("input[name=feature]").forEach(function (c) {
      c.checked = features.has(c.value);
    });
    const hidden = s.layers.slice(1, -1);
    $("hidden-count").textContent = String(hidden.length);
    $("hidden-minus").disabled = hidden.length === 0;
    $("hidden-plus").disabled = hidden.length >= maxHidden;
    renderLayers(hidden);
    $("activation").value = s.activation;
    $("problem").value = s.problem;
    setValue($("seed"), s.seed);
    // Training.
    fillNumberSelect($("learningRate"), learningRates, s.learningRate);
    setValue($("batchSize"), s.batchSize);
    $("regularization").value = s.regularization;
    fillNumberSelect($("regularizationRate"), regRates, s.regularizationRate);
    const sp = $("speed");
    setValue(sp, speedIndex(s.speed));
    $("speed-out").textContent = speedText(s.speed);
    sp.setAttribute("aria-valuetext", speedText(s.speed));
    $("logLoss").checked = status.logLoss;
    $("discrete").checked = status.discrete;
    $("showTest").checked = !status.hideTest;
    seenVersion = status.version;
    showLink();
  }

  // ---- the address: the settings as a link ----------------------------------------------
  // The address's fragment holds the settings (nnplay.link()), so that a configuration can be
  // shared or bookmarked; opening such an address, or editing its fragment, applies it. A
  // link that cannot be applied changes nothing: a message says why, and the link stays in
  // the address bar until a setting changes.

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
    refresh();
  }

  function showLink() {
    const link = nnplay.link();
    if (link === shownLink) return;
    shownLink = link;
    history.replaceState(null, "", "#" + link);
  }

  // renderLayers shows one row per hidden layer: its number of nodes with − and +.
  function renderLayers(hidden) {
    const box = $("layers");
    if (box.dataset.shape === hidden.join(",")) return;
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
      const minus = stepButton("layer-" + i + "-minus", "−", "fewer nodes in layer " + (i + 1), n <= 1, function () {
        changeNodes(i, -1);
      });
      const out = document.createElement("output");
      out.textContent = String(n);
      const plus = stepButton("layer-" + i + "-plus", "+", "more nodes in layer " + (i + 1), n >= maxNodes, function () {
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

  function currentLayers() { return status.settings.layers.slice(); }

  function changeNodes(i, delta) {
    const layers = currentLayers();
    layers[i + 1] = Math.min(maxNodes, Math.max(1, layers[i + 1] + delta));
    configure({ layers: layers });
  }

  // ---- controls → playground ------------------------------------------------------------

  // ---- files ------------------------------------------------------------------------------

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
  window.addEventListener("beforeunload", function (e) {
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
  });

  function wire() {
    $("play").addEventListener("click", function () {
      act(function () { nnplay.state().running ? nnplay.pause() : nnplay.play(); });
    });
    $("step").addEventListener("click", function () { act(function () { nnplay.step(1); }); });
    $("reset").addEventListener("click", function () { act(function () { nnplay.reset(); }); });
    $("banner-reset").addEventListener("click", function () { act(function () { nnplay.reset(); }); });
    [$("play"), $("step"), $("reset")].forEach(function (b) { b.disabled = false; });
    document.querySelectorAll("#controls > fieldset").forEach(function (f) { f.disabled = false; });

    document.querySelectorAll("[data-setting]").forEach(function (el) {
      el.addEventListener("change", function () {
        const name = el.dataset.setting;
        let value = el.value;
        // A refused or empty entry goes back to the setting in effect (refresh leaves a
        // focused number field alone, so that typing is not interrupted).
        const revert = function () { el.value = String(status.settings[name]); };
        if (el.type === "number" || el.type === "range" || "number" in el.dataset) {
          if (value.trim() === "") { revert(); return; }
          value = Number(value);
        }
        const patch = {};
        patch[name] = value;
        if (name === "dataset") {
          // A data set of the other problem type brings its problem along.
          const group = el.selectedOptions[0] && el.selectedOptions[0].parentElement;
          if (group && group.label) patch.problem = group.label;
        }
        if (!configureFrom(el, patch)) revert();
      });
    });
    // Ranges show their value while they move.
    $("noise").addEventListener("input", function () {
      $("noise-out").textContent = Math.round($("noise").value * 100) + "%";
    });
    $("testRatio").addEventListener("input", function () {
      $("testRatio-out").textContent = Math.round($("testRatio").value * 100) + "%";
    });
    $("speed").addEventListener("input", function () {
      const v = speeds[Number($("speed").value)];
      $("speed-out").textContent = speedText(v);
      $("speed").setAttribute("aria-valuetext", speedText(v));
      configureFrom($("speed"), { speed: v });
    });

    $("regenerate").addEventListener("click", function () { act(function () { page.call("regenerate"); }); });
    $("undo").addEventListener("click", function () { act(function () { nnplay.undo(); }); });
    $("redo").addEventListener("click", function () { act(function () { nnplay.redo(); }); });

    document.querySelectorAll("input[name=brush]").forEach(function (r) {
      r.addEventListener("change", function () {
        act(function () { page.call("setBrush", Number(r.value)); });
      });
    });
    $("brush-value").addEventListener("input", function () {
      const v = Number($("brush-value").value);
      $("brush-value-out").textContent = brushText(v);
      act(function () { page.call("setBrush", v); });
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
      layers.splice(layers.length - 1, 0, newLayerNodes);
      configure({ layers: layers });
    });

    $("logLoss").addEventListener("change", function () {
      act(function () { page.call("setLogLoss", $("logLoss").checked); });
    });
    $("showTest").addEventListener("change", function () {
      act(function () { page.call("setHideTest", !$("showTest").checked); });
    });
    $("discrete").addEventListener("change", function () {
      act(function () { page.call("setDiscrete", $("discrete").checked); });
    });

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

    $("controls").addEventListener("submit", function (e) { e.preventDefault(); });

    // The phone drawer.
    $("drawer").addEventListener("click", function () {
      const open = $("drawer").getAttribute("aria-expanded") !== "true";
      $("drawer").setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  // ---- shortcuts on the top page --------------------------------------------------------

  document.addEventListener("keydown", function (e) {
    if (!window.nnplay || e.defaultPrevented) return;
    const t = e.target;
    if ((e.ctrlKey || e.metaKey) && !e.altKey && !(t && t.closest && t.closest("input, select, textarea"))) {
      const key = e.key.toLowerCase();
      const redo = key === "z" && e.shiftKey || key === "y" && e.ctrlKey && !e.shiftKey;
      if (key === "z" || redo) {
        e.preventDefault(); // not the browser's own undo
        act(function () { redo ? nnplay.redo() : nnplay.undo(); });
        return;
      }
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (t && t.closest && t.closest("input, select, textarea, button")) return;
    switch (e.key) {
      case " ":
      case "Spacebar":
        e.preventDefault(); // no page scroll
        if (e.repeat) return; // held down: toggle once, not on every repeat
        act(function () { nnplay.state().running ? nnplay.pause() : nnplay.play(); });
        break;
      case "s":
      case "S":
        act(function () { nnplay.step(1); }); // held down, it keeps stepping
        break;
      case "r":
      case "R":
        if (e.repeat) return;
        act(function () { nnplay.reset(); });
        break;
    }
  });

  // ---- the canvas's size ----------------------------------------------------------------

  const phoneQuery = window.matchMedia("(max-width: 600px)");

  // sizeCanvas gives the phone layout the height its pictures want at the page's width.
  function sizeCanvas() {
    const frame = $("canvas");
    if (phoneQuery.matches && page) {
      const h = page.phoneHeight(frame.clientWidth);
      if (h > 0) frame.style.height = Math.round(h) + "px";
    } else {
      frame.style.height = "";
    }
  }

  // ---- the loop -------------------------------------------------------------------------

  function tick() {
    try {
      page.poll(counters);
    } catch (err) {
      requestAnimationFrame(tick); // the canvas page is reloading; it will attach again
      return;
    }
    $("epoch").textContent = intFormat.format(counters[2]);
    $("eps").textContent = intFormat.format(counters[3]);
    const running = counters[4] === 1;
    if (!status || counters[0] !== seenVersion || counters[1] !== seenRev || running !== status.running) {
      seenRev = counters[1];
      refresh();
    }
    requestAnimationFrame(tick);
  }

  function start() {
    const again = page !== null;
    page = window.nnplayPage; // a new one if the canvas page reloaded
    seenVersion = -1;
    if (again) return;
    wire();
    applyAddress();
    refresh();
    window.addEventListener("hashchange", applyAddress);
    sizeCanvas();
    window.addEventListener("resize", sizeCanvas);
    requestAnimationFrame(tick);
  }

  window.nnplayFailed = function (text) {
    $("banner-text").textContent = text;
    $("banner-reset").hidden = true;
    $("banner").hidden = false;
  };

  window.addEventListener("nnplayready", start);
  if (window.nnplay && window.nnplayPage) start();
})();
