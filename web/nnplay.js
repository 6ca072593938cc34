// nnplay's scripting API on the top-level page: window.nnplay.
//
// The playground runs in a same-origin <iframe src="canvas.html"> (Ebiten's canvas takes
// over the document it runs in). When the Go program there has drawn its first frame it
// calls nnplayAttach, and only then does window.nnplay exist; a "nnplayready" event is
// dispatched on window at that moment.
//
// Every call runs synchronously on the playground (JS and Go share one thread: calls land
// between frames), takes full effect before it returns, and never returns a Promise. A call
// the playground refuses throws an Error whose message says what is wrong, and changes
// nothing.
//
//   nnplay.state()          → {epoch, running, trainLoss, testLoss, trainAccuracy,
//                              testAccuracy, settings, points: [{x, y, label, test}],
//                              domain: {xmin, xmax, ymin, ymax}, error, frame, …}
//                             Losses and accuracies are computed at the call (null for an
//                             empty split, accuracy null for regression). error is the
//                             divergence message or null. frame: {updateMs, drawMs, trainMs,
//                             epochsPerSecond, fps, fieldMs, epochsPerFrame, frames, p50Ms,
//                             p95Ms, heapBytes} — updateMs and drawMs exclude training;
//                             fieldMs is the picture work inside updateMs; p50Ms and p95Ms
//                             are percentiles of update + draw over the last 128 frames.
//                             Extra fields: menu — {x, y}, in top-level client coordinates,
//                             the centre of the Delete item of the menu a right-click or a
//                             touch long-press opens on a point (its relabel item lies
//                             right under it), or null when none is open; selected — the index of
//                             the selected point or null; brush — the label of points added
//                             by click or tap; logLoss, discrete, hideTest, gradients —
//                             the view's settings settings.logLoss, .discretize (the
//                             field shows the predicted class only), not .showTestData,
//                             .gradients (the edges show the mean ∂L/∂w); canUndo,
//                             canRedo — whether undo() and redo() have a step; undoLabel,
//                             redoLabel — what they would undo or redo ("move point",
//                             "change learningRate") or null; notice — the last refused
//                             canvas gesture or null; notes — how many notices so far;
//                             brushRange — for regression [lo, hi], the value brush's
//                             range (the labels', at least −1 to 1), else null;
//                             tooltip — the text the canvas shows for the edge, node,
//                             point or loss mark the mouse rests on (e.g. "w = 0.500 (h4 →
//                             ŷ)", "epoch 412: data set gauss → xor"), or
//                             null; lit — the paths of math()'s numbers of the edge, node or
//                             bias mark the network highlights (under the mouse, or the
//                             maths panel's number under it): ["layers.1.W.0.3"], [] when
//                             none; version — the session's change counter; hints — the training
//                             coach's lines (why training is stuck, and the fix), [] when
//                             none; pinned — {layer, node} of the node whose picture the
//                             plot shows (a click on it pins it), or null; lossMarks —
//                             [{epoch, text}], oldest first, the changes the loss curves
//                             mark with a thin line, which hovering (or a tap) explains
//                             ("data set gauss → xor", "learning rate 1 → 0.3", "3 points
//                             added"): the changes of one epoch or one gesture are one
//                             mark, the last 64 kept; a reset or a rebuild clears the
//                             curves and leaves one mark at epoch 0 saying why.
//   nnplay.configure(partialSettings)   apply settings (the names of state().settings; see
//                                       schema()); a data set of the other problem brings
//                                       its problem. The view's settings (booleans
//                                       discretize, showTestData, logLoss, gradients) and
//                                       hide (names of settings whose controls the page
//                                       hides, for a classroom link) retrain nothing; each
//                                       change is an undo step. (The page's older calls
//                                       setLogLoss, setDiscrete, setHideTest, setGradients
//                                       through nnplayPage.call set the same settings.)
//   nnplay.setData(points)              replace the data exactly as given
//   nnplay.model()                      → a nnplay.model/1 object
//   nnplay.loadModel(obj)               load a nnplay.model/1 object (or its JSON text);
//                                       pauses, epoch 0
//   nnplay.play(), nnplay.pause()
//   nnplay.step(n)                      → how many epochs ran: up to n (integer 1–100000),
//                                       within a budget of training points × parameters ×
//                                       epochs (about a second's work), so the same call on
//                                       the same state runs the same epochs and the page
//                                       never freezes; divergence stops it and sets
//                                       state().error, without throwing
//   nnplay.reset()                      weights from the seed; data and play state kept
//   nnplay.predict(x, y)                → the network's output at (x, y) of the plane
//   nnplay.toScreen(x, y)               → {x, y}: where (x, y) of the plane is drawn, in CSS
//                                       px of this page's viewport (client coordinates)
//   nnplay.link()                       → the settings as a link, the address fragment the
//                                       page keeps (without '#'): dataset=xor&…&speed=500&
//                                       discretize=false&…&hide=noise,testRatio (hide only
//                                       when it names some); hand-made points are not part
//                                       of it
//   nnplay.applyLink(text)              apply a link's settings (a fragment, with or without
//                                       '#', or a full address http…#…; keys in any order;
//                                       a key left out keeps its setting), or throw saying
//                                       which setting is wrong; a shared link's points and
//                                       weights are installed bit for bit, paused
//   nnplay.shareLink(options)           → this page's address with a link of the current
//                                       state: the settings, and as options {weights, data}
//                                       ask: weights "none", "initial" (those the run started
//                                       from: after the last reset, rebuild or load) or
//                                       "current" (the default), data true or false (the
//                                       points; by default true for hand-made points). Every
//                                       number comes back to the bit; opening it pauses
//   nnplay.exportData()                 → the points as CSV text: the header x,y,label,test,
//                                       then one row per point, every number exact
//   nnplay.importData(text)             replace the points with a data file's: CSV (header
//                                       x,y,label and optionally test; commas, CRLF and a
//                                       byte order mark accepted) or JSON (nnplay.data/1 or a
//                                       list of points); a refusal names the row and column:
//                                       row 17, label: "b" is not 0 or 1
//   nnplay.picture()                    → the plot as a PNG file (a Uint8Array) for slides:
//                                       the field (discretized if the view is), its 0.5
//                                       contour, the points (test points when shown) and the
//                                       axes, 876×856 pixels with the plot 800×800, drawn in
//                                       Go from the playground's state, not read back from
//                                       the screen; it blocks the page a few hundred
//                                       ms, so the page's "save picture" button draws
//                                       the same pixels in pieces between frames and
//                                       downloads them as nnplay.png
//   nnplay.snapshot()                   → the work as the page keeps it in local storage
//                                       (so that it survives a reload and a closed tab):
//                                       a nnplay.session/1 JSON text of the settings,
//                                       points, weights (and the run's first ones) and
//                                       epoch, every number exact
//   nnplay.restore(text)                put the playground where a snapshot() text says,
//                                       paused; one undo step. A text that is not a whole,
//                                       valid snapshot (corrupt, another version, a setting
//                                       out of range) throws and changes nothing
//   nnplay.undo(), nnplay.redo()        revert the last edit of the data, settings or weights,
//                                       or re-apply the last one reverted; throw when there is
//                                       none. Every call that edits is one step (a drag or a
//                                       slider gesture in the page is one); training is none.
//                                       Undo keeps the training since, except that undoing a
//                                       rebuild, loadModel or reset brings that network back.
//
// The maths of one point. Layers count from 0 as in the model file: l = 0 is the weight
// layer from the inputs to the first hidden layer, j the node a weight goes into, i the node
// it comes from (weights[l][j][i]); nodes count from 0.
//   nnplay.followPoint(index)           follow point index of state().points (it becomes
//                                       the selected point the canvas marks); by default
//                                       the followed point is the first training point
//   nnplay.selectWeight(l, j, i)        the parameter math() takes the chain rule of
//   nnplay.selectBias(l, j)             (default: weights[last][0][0], an output weight)
//   nnplay.math()                       → {point: {index, x, y, label, test, features},
//                                       layers: [{activation, W, b, z, a, delta, meanGradW,
//                                       meanGradB}], yhat, squaredError, loss, dLdyhat, mse,
//                                       selected: {kind, l, j, i, value, factors: [{name,
//                                       value}], gradient, finiteDifference, h,
//                                       relativeError, reason, step}, lastUpdate: {before,
//                                       after, gradient, regularization} | null,
//                                       learningRate}
//                                       layers[k] is weight layer k: W = weights[k], z, a
//                                       and delta (∂L/∂z) those of the nodes it feeds; the
//                                       input vector is point.features. squaredError is
//                                       (y − ŷ)², loss L = ½(y − ŷ)², dLdyhat = ŷ − y, mse
//                                       over the training set. The factors multiply to the
//                                       gradient: ∂L/∂ŷ · σ′(z) · a for an output weight,
//                                       Σₖ δₖ·wₖⱼ · σ′(zⱼ) · aᵢ for a hidden one (a bias
//                                       drops the last). finiteDifference is (L(θ+h) −
//                                       L(θ−h))/2h; relativeError |g − fd| / max(|g|, |fd|,
//                                       1e-8). gradient is null, with a reason, for a test
//                                       point (not trained on) and at a ReLU's kink (z = 0).
//                                       meanGradW/B: the training set's mean ∂L/∂W, ∂L/∂b.
//                                       selected.step {before, after, gradient,
//                                       regularization}: what one step on this point alone
//                                       would do (null without a gradient).
//   nnplay.setWeight(l, j, i, value)    set a weight (finite); training goes on from it
//   nnplay.setBias(l, j, value)         set a bias (finite)
//   nnplay.stepSample()                 pause; one update on the followed training point
//                                       alone (refused for a test point)
//   nnplay.stepBatch()                  pause; train the next mini-batch of the epoch; its
//                                       last batch completes the epoch
//                                       After either, math().lastUpdate shows the step for
//                                       the selected parameter until training moves on.
//   nnplay.schema()                     → {settings: [{name, kind, min, max, minExclusive,
//                                       zero, maxHidden, newLayer, step, choices, default,
//                                       effects, link}], datasets: [{name, problem}],
//                                       offered: {name: […]}}: every setting's kind (number,
//                                       integer, boolean, choice, list, layers), range
//                                       (minExclusive: min itself excluded; zero: what 0
//                                       means where the range excludes it; for layers, of
//                                       each hidden size, maxHidden hidden layers at most,
//                                       newLayer the nodes of a hidden layer + adds; for a
//                                       list, min is the fewest names; step: 1 for an
//                                       integer, a slider's step for a number, else null)
//                                       or choices, default, what a change does (retrain,
//                                       rebuild, regenerate, resplit; [] for the view's
//                                       settings) and key in a link (null if none); the
//                                       generated data sets; the values the page's lists offer
//
// If the canvas page reloads (as Ebiten's does after losing its WebGL context), calls
// throw until the new program is ready: none reaches the program that was unloaded.
"use strict";

(function () {
  // Non-finite numbers would become null in JSON.stringify and be misreported; send them
  // as text so that the refusal names them.
  function replacer(key, value) {
    return typeof value === "number" && !Number.isFinite(value) ? String(value) : value;
  }

  function toJSON(value) {
    const text = JSON.stringify(value, replacer);
    return text === undefined ? "null" : text;
  }

  // bridge returns the calls into the Go program of the canvas page frameWin, shown in the
  // iframe frame: the Go functions themselves (goFuncs), a call that answers or throws
  // (call), the picture's bytes, and canvas CSS px turned into this page's (toPage, and
  // withPageMenu for a state's menu).
  function bridge(frame, frameWin) {
    // goFuncs returns the Go functions of the program running in the frame now, looked up
    // at every call, so that no call reaches a program whose page was unloaded.
    function goFuncs() {
      const go = frame.contentWindow && frame.contentWindow.nnplayGo;
      if (!go) throw new Error("nnplay is starting again: try once it is ready");
      return go;
    }

    // call runs a Go function and returns its answer, or throws its refusal.
    function call(name) {
      const args = Array.prototype.slice.call(arguments, 1);
      const reply = JSON.parse(goFuncs()[name].apply(null, args));
      if (Object.prototype.hasOwnProperty.call(reply, "err")) throw new Error(reply.err);
      return reply.ok;
    }

    // picture answers the Go function's Uint8Array as one of this page's, or throws its
    // refusal (JSON text, as call's).
    function picture() {
      const file = goFuncs().picture();
      if (typeof file === "string") {
        const reply = JSON.parse(file);
        throw new Error(reply.err);
      }
      return new Uint8Array(file);
    }

    // toPage turns canvas CSS px into client coordinates of this page.
    function toPage(p) {
      const f = frame.getBoundingClientRect();
      const canvas = frameWin.document.querySelector("canvas");
      const c = canvas ? canvas.getBoundingClientRect() : { left: 0, top: 0 };
      return {
        x: p.x + f.left + frame.clientLeft + c.left,
        y: p.y + f.top + frame.clientTop + c.top,
      };
    }

    function withPageMenu(s) {
      if (s.menu) s.menu = toPage(s.menu);
      return s;
    }

    return { goFuncs: goFuncs, call: call, picture: picture, toPage: toPage, withPageMenu: withPageMenu };
  }

  // attach builds window.nnplay over the Go functions of the canvas page frameWin (again if
  // the canvas page reloaded, as Ebiten does after losing its WebGL context).
  function attach(frameWin) {
    const frame = Array.prototype.find.call(document.querySelectorAll("iframe"), function (f) {
      return f.contentWindow === frameWin;
    });
    if (!frameWin.nnplayGo || !frame) return;
    const go = bridge(frame, frameWin);
    const goFuncs = go.goFuncs, call = go.call, picture = go.picture, toPage = go.toPage, withPageMenu = go.withPageMenu;

    const api = {
      state: function () { return withPageMenu(call("state")); },
      configure: function (partialSettings) { call("configure", toJSON(partialSettings)); },
      setData: function (points) { call("setData", toJSON(points)); },
      model: function () { return call("model"); },
      loadModel: function (obj) { call("loadModel", typeof obj === "string" ? obj : toJSON(obj)); },
      play: function () { call("play"); },
      pause: function () { call("pause"); },
      step: function (n) { return call("step", n); },
      reset: function () { call("reset"); },
      predict: function (x, y) { return call("predict", x, y); },
      toScreen: function (x, y) { return toPage(call("toScreen", x, y)); },
      link: function () { return call("link"); },
      applyLink: function (text) { call("applyLink", toJSON(text)); },
      shareLink: function (options) {
        return location.href.split("#")[0] + "#" + call("shareLink", toJSON(options));
      },
      exportData: function () { return call("exportData"); },
      importData: function (text) { call("importData", text); },
      picture: picture,
      snapshot: function () { return call("snapshot"); },
      restore: function (text) { call("restore", text); },
      undo: function () { call("undo"); },
      redo: function () { call("redo"); },
      followPoint: function (index) { call("followPoint", index); },
      selectWeight: function (l, j, i) { call("selectWeight", l, j, i); },
      selectBias: function (l, j) { call("selectBias", l, j); },
      math: function () { return call("math"); },
      setWeight: function (l, j, i, value) { call("setWeight", l, j, i, value); },
      setBias: function (l, j, value) { call("setBias", l, j, value); },
      stepSample: function () { call("stepSample"); },
      stepBatch: function () { call("stepBatch"); },
      schema: function () { return call("schema"); },
    };

    // The page's own controls use a few more calls; they are not part of the API.
    window.nnplayPage = Object.freeze({
      call: call,
      status: function () { return withPageMenu(call("status")); },
      poll: function (arr) { goFuncs().poll(arr); },
      phoneHeight: function (w) { return goFuncs().phoneHeight(w); },
      snapshot: function () { return goFuncs().snapshotText(); },
      // picturePixels → a Promise of picture()'s pixels, {width, height, pixels}, drawn in
      // pieces between frames: "save picture" encodes them (files.js).
      picturePixels: function () { return goFuncs().picturePixels(); },
      toggle: function () { return call("toggle"); },
      key: function (e, onButton) { return call("key", e, onButton); },
      // isCall reports whether name is a call of the Go program (a refusal names its call).
      isCall: function (name) {
        const go = frame.contentWindow && frame.contentWindow.nnplayGo;
        return !!go && typeof go[name] === "function";
      },
      frame: frame,
    });
    window.nnplay = Object.freeze(api);
    window.dispatchEvent(new Event("nnplayready"));
  }

  window.nnplayAttach = attach;
})();
