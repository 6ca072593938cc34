// The maths panel's text: what nnplay.math() returns, typeset as a worked example (point,
// forward, loss, backward, check, update) with web/mathml.js. The panel counts like a
// textbook (W⁽¹⁾ is the first weight layer, nodes from 1); math() counts from 0. Every
// number shown is one of math()'s; nothing is computed here. web/panel.js decides when.

import * as M from "./mathml.js";

const mi = M.mi, mo = M.mo, row = M.row, num = M.num, sym = M.sym, layer = M.layer;
const eq = function () { return mo("="); };

// The activation functions as the panel names them.
const sigmaName = { sigmoid: "σ", tanh: "tanh", relu: "ReLU", linear: "id" };

// line is one paragraph of the panel: prose and formulas side by side.
function line(cls) {
  const p = document.createElement("p");
  p.className = "math-line" + (cls ? " " + cls : "");
  Array.prototype.slice.call(arguments, 1).forEach(function (k) {
    p.appendChild(typeof k === "string" ? document.createTextNode(k) : k);
  });
  return p;
}

// inline wraps a formula to sit inside prose.
function inline() {
  return M.node("math", [row.apply(null, Array.prototype.slice.call(arguments))]);
}

// paramSym is the selected parameter's symbol: w⁽ˡ⁾ⱼᵢ or b⁽ˡ⁾ⱼ, counted from 1.
function paramSym(sel) {
  if (sel.kind === "bias") return sym("b", layer(sel.l), M.indices(sel.j + 1));
  return sym("w", layer(sel.l), M.indices(sel.j + 1, sel.i + 1));
}

// input names layer k's input vector: x for the first weight layer, else a⁽ᵏ⁾.
function input(k) { return k === 0 ? mi("x") : sym("a", layer(k - 1)); }

function point(m, features) {
  const p = m.point;
  const names = features.map(function (f) { return f; }).join(", ");
  return [
    line("", "Point " + (p.index + 1) + (p.test ? " (a test point)" : " (training)") + " at ",
      inline(mo("("), num(p.x, "point.x"), mo(","), num(p.y, "point.y"), mo(")")),
      ", label ", inline(mi("y"), eq(), num(p.label, "point.label")),
      "; its features (" + names + ") are the input vector:"),
    M.block(mi("x"), eq(), M.vector(p.features, "point.features")),
  ];
}

// forward shows each weight layer: z = W·input + b, then a = σ(z), on to ŷ. Layers wider
// than four nodes show the selected parameter's row (else the first) and fold the rest.
function forward(m) {
  const out = [];
  const last = m.layers.length - 1;
  m.layers.forEach(function (L, k) {
    const keep = m.selected.l === k ? m.selected.j : 0;
    const base = "layers." + k;
    out.push(M.block(
      sym("z", layer(k)), eq(), sym("W", layer(k)), input(k), mo("+"), sym("b", layer(k)), eq(),
      M.matrix(L.W, base + ".W", keep), M.vector(k === 0 ? m.point.features : m.layers[k - 1].a,
        k === 0 ? "point.features" : "layers." + (k - 1) + ".a"),
      mo("+"), M.vector(L.b, base + ".b", keep), eq(), M.vector(L.z, base + ".z", keep)));
    const f = mi(sigmaName[L.activation] || L.activation);
    const target = k === last ? mi("ŷ") : sym("a", layer(k));
    const value = k === last ? num(m.yhat, "yhat") : M.vector(L.a, base + ".a", keep);
    out.push(M.block(target, eq(), f, row(mo("("), sym("z", layer(k)), mo(")")), eq(), value));
  });
  return out;
}

function loss(m) {
  const y = function () { return num(m.point.label, "point.label"); };
  const yhat = function () { return num(m.yhat, "yhat"); };
  const diff = function (a, b) { return row(mo("("), a, mo("−"), b, mo(")")); };
  return [
    M.block(M.node("msup", [diff(mi("y"), mi("ŷ")), M.plain(2)]), eq(),
      M.node("msup", [diff(y(), M.factor(m.yhat, "yhat")), M.plain(2)]), eq(), num(m.squaredError, "squaredError")),
    M.block(mi("L"), eq(), M.node("mfrac", [M.plain(1), M.plain(2)]),
      M.node("msup", [diff(mi("y"), mi("ŷ")), M.plain(2)]), eq(), num(m.loss, "loss")),
    M.block(M.node("mfrac", [mi("∂L"), mi("∂ŷ")]), eq(), mi("ŷ"), mo("−"), mi("y"), eq(),
      yhat(), mo("−"), M.factor(m.point.label, "point.label"), eq(), num(m.dLdyhat, "dLdyhat")),
    line("", "The mean of (y − ŷ)² over the training set, what the loss curve shows: ",
      inline(mi("MSE"), eq(), num(m.mse, "mse")), "."),
  ];
}

// deltas shows, for a hidden parameter, the δ of the layer above and the sum the chain
// rule takes over it, then the node's own δ.
function deltas(m, sel) {
  const up = m.layers[sel.l + 1];
  const base = "layers." + (sel.l + 1);
  const terms = [];
  up.delta.forEach(function (d, k) {
    if (k > 0) terms.push(mo("+"));
    terms.push(M.factor(d, base + ".delta." + k), mo("·"), M.factor(up.W[k][sel.j], base + ".W." + k + "." + sel.j));
  });
  const sum = m.selected.factors[0];
  return [
    line("", "δ is ∂L/∂z of each node; the layer above has"),
    M.block(sym("δ", layer(sel.l + 1)), eq(), M.vector(up.delta, base + ".delta")),
    M.block(mo("Σ"), sym("δ", null, mi("k")), sym("w", layer(sel.l + 1), M.row(mi("k"), M.plain(sel.j + 1))),
      eq(), row.apply(null, terms), eq(), num(sum.value, "selected.factors.0.value")),
    M.block(sym("δ", layer(sel.l), M.indices(sel.j + 1)), eq(), num(m.layers[sel.l].delta[sel.j],
      "layers." + sel.l + ".delta." + sel.j)),
  ];
}

function backward(m) {
  const sel = m.selected;
  if (m.point.test) {
    return [line("math-note", "Backward: not trained on. " + (sel.reason || ""))];
  }
  const out = [];
  if (sel.l < m.layers.length - 1) out.push.apply(out, deltas(m, sel));
  const names = [], values = [];
  sel.factors.forEach(function (f, k) {
    if (k > 0) { names.push(mo("·")); values.push(mo("·")); }
    names.push(mi(f.name));
    values.push(k > 0 ? M.factor(f.value, "selected.factors." + k + ".value") : num(f.value, "selected.factors." + k + ".value"));
  });
  out.push(M.block(M.node("mfrac", [mi("∂L"), row(mo("∂"), paramSym(sel))]), eq(),
    row.apply(null, names), eq(), row.apply(null, values), eq(), num(sel.gradient, "selected.gradient")));
  if (sel.reason) out.push(line("math-note", sel.reason));
  return out;
}

function check(m) {
  const sel = m.selected;
  if (m.point.test) return [line("math-note", "No gradient to check: a test point is not trained on.")];
  const fd = [
    line("", "The same derivative by a central finite difference of this point's L, step ",
      inline(mi("h"), eq(), num(sel.h, "selected.h")), ":"),
    M.block(M.node("mfrac", [row(mi("L"), mo("("), mi("θ"), mo("+"), mi("h"), mo(")"), mo("−"), mi("L"),
      mo("("), mi("θ"), mo("−"), mi("h"), mo(")")), row(M.plain(2), mi("h"))]), eq(),
    num(sel.finiteDifference, "selected.finiteDifference")),
  ];
  if (sel.gradient === null) {
    fd.push(line("math-note", "No agreement to show: backpropagation's derivative is undefined at the ReLU kink."));
    return fd;
  }
  fd.push(line("", "Agreement ", inline(
    M.node("mfrac", [row(mo("|"), mi("g"), mo("−"), mi("fd"), mo("|")),
      row(mi("max"), mo("("), mo("|"), mi("g"), mo("|"), mo(","), mo("|"), mi("fd"), mo("|"), mo(","), M.plain("1e−8"), mo(")"))]),
    eq(), num(sel.relativeError, "selected.relativeError")),
    sel.relativeError !== null && sel.relativeError < 1e-4 ? ": backpropagation is right." : "."));
  return fd;
}

// step prints u (before, after, gradient, regularization at path) as
// θ ← θ − η·(g + r): before → after.
function step(m, u, path, bias) {
  const terms = [num(u.gradient, path + ".gradient")];
  if (!bias) terms.push(mo("+"), M.factor(u.regularization, path + ".regularization"));
  return M.block(paramSym(m.selected), mo("←"), num(u.before, path + ".before"), mo("−"),
    num(m.learningRate, "learningRate"), mo("·"), row(mo("("), row.apply(null, terms), mo(")")),
    eq(), num(u.after, path + ".after"));
}

function update(m) {
  const sel = m.selected, bias = sel.kind === "bias";
  const out = [line("", bias ? "One step on this point alone: b ← b − η·∂L/∂b"
    : "One step on this point alone: w ← w − η·(∂L/∂w + regularization term)")];
  if (sel.step) out.push(step(m, sel.step, "selected.step", bias));
  else out.push(line("math-note", "No step: " + (sel.reason || "no gradient") + "."));
  if (m.lastUpdate) {
    out.push(line("", "The last step applied (the batch's mean gradient):"));
    out.push(step(m, m.lastUpdate, "lastUpdate", bias));
  }
  return out;
}

// render fills the panel's sections from m (math()) and the network's feature names.
export function render(m, features) {
  const fill = function (id, kids) { document.getElementById(id).replaceChildren.apply(document.getElementById(id), kids); };
  fill("math-point", point(m, features));
  fill("math-forward", forward(m));
  fill("math-loss", loss(m));
  fill("math-backward", backward(m));
  fill("math-check", check(m));
  fill("math-update", update(m));
  fill("math-param", [inline(paramSym(m.selected))]);
}

