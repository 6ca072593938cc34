// MathML for the maths panel (web/math.js): small builders over document.createElementNS,
// native in today's browsers (no library, no images). Every number math() returned is an
// <mn> whose data-path names where it came from ("layers.0.z.2"), so that a reader (and the
// end-to-end test) can tie each printed number to the Go core's; the numbers are only
// formatted here, never computed.

const NS = "http://www.w3.org/1998/Math/MathML";

// node makes a MathML element with children (elements or text) and attributes.
function node(tag, kids, attrs) {
  const e = document.createElementNS(NS, tag);
  (kids || []).forEach(function (k) {
    e.appendChild(typeof k === "string" ? document.createTextNode(k) : k);
  });
  Object.keys(attrs || {}).forEach(function (a) { e.setAttribute(a, attrs[a]); });
  return e;
}

// fmt prints a number with four significant digits (exponent form below 0.001 and from
// 10,000), a true minus sign, and "undefined" for null.
function fmt(v) {
  if (v === null || v === undefined) return "undefined";
  if (v === 0) return "0";
  const a = Math.abs(v);
  const s = a < 1e-3 || a >= 1e4 ? v.toExponential(2) : v.toPrecision(4);
  return s.replace(/-/g, "−").replace("e+", "e");
}

const mi = function (s) { return node("mi", [s]); };
const text = function (s) { return node("mtext", [s]); };
const mo = function (s) { return node("mo", [s]); };
const row = function () { return node("mrow", Array.prototype.slice.call(arguments)); };

// num is a number of math() at path, or an index that is no number of the network's.
function num(v, path) {
  return node("mn", [fmt(v)], path === undefined ? {} : { "data-path": path });
}

// plain is a whole number printed as it is (an index, a layer number).
function plain(n) { return node("mn", [String(n)]); }

// layer is the textbook superscript of weight layer k (0-based): ⁽ᵏ⁺¹⁾.
function layer(k) { return row(mo("("), plain(k + 1), mo(")")); }

// sym is base with the superscript sup and the subscript sub (either may be null).
function sym(base, sup, sub) {
  const b = typeof base === "string" ? mi(base) : base;
  if (sup && sub) return node("msubsup", [b, sub, sup]);
  if (sup) return node("msup", [b, sup]);
  if (sub) return node("msub", [b, sub]);
  return b;
}

// indices is a subscript of 1-based indices, separated by commas when there are several.
function indices() {
  const kids = [];
  Array.prototype.forEach.call(arguments, function (n, k) {
    if (k > 0) kids.push(mo(","));
    kids.push(plain(n));
  });
  return row.apply(null, kids);
}

// shown returns the rows of an n-row vector or matrix to print: all of them up to four,
// else the row keep with the rest folded (null marks a fold, printed as ⋮).
function shown(n, keep) {
  const out = [];
  for (let r = 0; r < n; r++) {
    if (n <= 4 || r === keep) out.push(r);
    else if (out[out.length - 1] !== null) out.push(null);
  }
  return out;
}

// bracket puts a table in square brackets.
function bracket(table) { return row(mo("["), table, mo("]")); }

// vector is a column vector of values, each with its path (base + "." + index), rows
// folded around keep (see shown), or all of them when keep is undefined (an input vector,
// which a matrix's full row multiplies).
function vector(values, base, keep) {
  const rows = (keep === undefined ? values.map(function (_, r) { return r; }) : shown(values.length, keep)).map(function (r) {
    const cell = r === null ? mo("⋮") : num(values[r], base + "." + r);
    return node("mtr", [node("mtd", [cell])]);
  });
  return bracket(node("mtable", rows));
}

// matrix is W (rows of values), rows folded around keep, every column in full.
function matrix(W, base, keep) {
  const rows = shown(W.length, keep).map(function (r) {
    if (r === null) {
      return node("mtr", W[0].map(function () { return node("mtd", [mo("⋮")]); }));
    }
    return node("mtr", W[r].map(function (v, c) {
      return node("mtd", [num(v, base + "." + r + "." + c)]);
    }));
  });
  return bracket(node("mtable", rows));
}

// factor is num in parentheses when negative, as a factor or a term after an operator.
function factor(v, path) {
  return v !== null && v < 0 ? row(mo("("), num(v, path), mo(")")) : num(v, path);
}

// block wraps a formula as a displayed line of the panel, left-aligned.
function block() {
  const m = node("math", [row.apply(null, Array.prototype.slice.call(arguments))], { displaystyle: "true" });
  const div = document.createElement("div");
  div.className = "math-display";
  div.appendChild(m);
  return div;
}

export { node, fmt, mi, mo, text, row, num, plain, layer, sym, indices, vector, matrix, block, factor };
