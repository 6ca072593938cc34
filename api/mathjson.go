package api

import (
	"math"
	"strconv"

	"nnplay/session"
)

// The maths' JSON, written by hand into a reused buffer so that the panel's updates allocate
// nothing: the shape and the numbers are those encoding/json gives the Math type (a number
// that is not finite is null).

// appendMath appends the Math of the cache c as JSON.
func appendMath(b []byte, c *mathCache) []byte {
	m := &c.m
	pt := &m.Point
	b = append(b, `{"point":{"index":`...)
	b = strconv.AppendInt(b, int64(m.Index), 10)
	b = jsonField(b, "x", pt.X)
	b = jsonField(b, "y", pt.Y)
	b = jsonField(b, "label", pt.Label)
	b = append(b, `,"test":`...)
	b = strconv.AppendBool(b, pt.Test)
	b = append(b, `,"features":`...)
	b = jsonNumbers(b, m.Features)
	b = append(b, `},"layers":[`...)
	grads := c.grads
	for k := range m.Layers {
		if k > 0 {
			b = append(b, ',')
		}
		L := &m.Layers[k]
		b = appendLayer(b, L, pt.Test, c.hasGrads, grads)
		grads = grads[len(L.W)*len(L.W[0])+len(L.B):]
	}
	b = append(b, ']')
	b = jsonField(b, "yhat", m.YHat)
	b = jsonField(b, "squaredError", m.SquaredError)
	b = jsonField(b, "loss", m.Loss)
	b = jsonField(b, "dLdyhat", m.DLdYHat)
	b = jsonField(b, "mse", m.MSE)
	b = append(b, `,"selected":`...)
	b = appendParam(b, c)
	b = append(b, `,"lastUpdate":`...)
	b = appendUpdate(b, c.last, c.hasLast)
	b = jsonField(b, "learningRate", c.learningRate)
	return append(b, '}')
}

// appendLayer appends weight layer L as a MathLayer: δ only for a training point, the mean
// gradients (grads from the layer's first weight on) only when there are any.
func appendLayer(b []byte, L *session.LayerMath, test, hasGrads bool, grads []float64) []byte {
	b = append(b, `{"activation":`...)
	b = jsonString(b, L.Activation.String())
	b = append(b, `,"W":`...)
	b = jsonMatrix(b, L.W, len(L.W[0]), nil)
	b = append(b, `,"b":`...)
	b = jsonNumbers(b, L.B)
	b = append(b, `,"z":`...)
	b = jsonNumbers(b, L.Z)
	b = append(b, `,"a":`...)
	b = jsonNumbers(b, L.A)
	b = append(b, `,"delta":`...)
	b = jsonMaybe(b, L.Delta, !test)
	nw := len(L.W) * len(L.W[0])
	b = append(b, `,"meanGradW":`...)
	if hasGrads {
		b = jsonMatrix(b, nil, len(L.W[0]), grads[:nw])
	} else {
		b = append(b, "null"...)
	}
	b = append(b, `,"meanGradB":`...)
	b = jsonMaybe(b, grads[nw:nw+len(L.B)], hasGrads)
	return append(b, '}')
}

// appendParam appends the selected parameter's chain rule as a MathParam.
func appendParam(b []byte, c *mathCache) []byte {
	s := &c.m.Selected
	b = append(b, `{"kind":`...)
	if s.Bias {
		b = append(b, `"bias","l":`...)
	} else {
		b = append(b, `"weight","l":`...)
	}
	b = strconv.AppendInt(b, int64(s.L), 10)
	b = append(b, `,"j":`...)
	b = strconv.AppendInt(b, int64(s.J), 10)
	b = append(b, `,"i":`...)
	if s.Bias {
		b = append(b, "null"...)
	} else {
		b = strconv.AppendInt(b, int64(s.I), 10)
	}
	b = jsonField(b, "value", s.Value)
	b = append(b, `,"factors":[`...)
	for k, f := range s.Factors {
		if k > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"name":`...)
		b = jsonString(b, f.Name)
		b = jsonField(b, "value", f.Value)
		b = append(b, '}')
	}
	b = append(b, ']')
	b = jsonField(b, "gradient", s.Gradient)
	fd := s.FiniteDifference
	if s.Why == session.NotTrained {
		fd = math.NaN() // no check on a point that is never trained on
	}
	b = jsonField(b, "finiteDifference", fd)
	b = jsonField(b, "h", session.FDStep)
	b = jsonField(b, "relativeError", s.RelativeError)
	b = append(b, `,"reason":`...)
	switch s.Why {
	case session.NotTrained:
		b = append(b, `"not trained on: a test point is never trained on"`...)
	case session.Kink:
		b = append(b, `"undefined: node `...)
		b = strconv.AppendInt(b, int64(s.KinkNode), 10)
		b = append(b, ` of layer `...)
		b = strconv.AppendInt(b, int64(s.KinkLayer), 10)
		b = append(b, ` is a ReLU exactly at its kink (z = 0)"`...)
	default:
		b = append(b, "null"...)
	}
	b = append(b, `,"step":`...)
	b = appendUpdate(b, c.step, c.hasStep)
	return append(b, '}')
}

// appendUpdate appends u as a MathUpdate, or null when there is none.
func appendUpdate(b []byte, u session.Update, has bool) []byte {
	if !has {
		return append(b, "null"...)
	}
	b = append(b, `{"before":`...)
	b = jsonNumber(b, u.Before)
	b = jsonField(b, "after", u.After)
	b = jsonField(b, "gradient", u.Gradient)
	b = jsonField(b, "regularization", u.Regularization)
	return append(b, '}')
}

// jsonField appends ,"name":v.
func jsonField(b []byte, name string, v float64) []byte {
	b = append(b, ',', '"')
	b = append(b, name...)
	b = append(b, '"', ':')
	return jsonNumber(b, v)
}

// jsonMatrix appends rows × cols as an array of rows: the rows of m, or, when m is nil,
// those of flat laid out row by row.
func jsonMatrix(b []byte, m [][]float64, cols int, flat []float64) []byte {
	b = append(b, '[')
	rows := len(m)
	if m == nil {
		rows = len(flat) / cols
	}
	for j := range rows {
		if j > 0 {
			b = append(b, ',')
		}
		if m != nil {
			b = jsonNumbers(b, m[j])
		} else {
			b = jsonNumbers(b, flat[j*cols:(j+1)*cols])
		}
	}
	return append(b, ']')
}

// jsonMaybe appends v as an array when has, else null.
func jsonMaybe(b []byte, v []float64, has bool) []byte {
	if !has {
		return append(b, "null"...)
	}
	return jsonNumbers(b, v)
}

// jsonNumbers appends v as an array of numbers.
func jsonNumbers(b []byte, v []float64) []byte {
	b = append(b, '[')
	for i, x := range v {
		if i > 0 {
			b = append(b, ',')
		}
		b = jsonNumber(b, x)
	}
	return append(b, ']')
}

// jsonNumber appends v as encoding/json writes a float64, or null when v is not finite.
func jsonNumber(b []byte, v float64) []byte {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return append(b, "null"...)
	}
	format := byte('f')
	if abs := math.Abs(v); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, v, format, -1, 64)
	if n := len(b); format == 'e' && n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
		b[n-2] = b[n-1] // e-07 → e-7, as encoding/json
		b = b[:n-1]
	}
	return b
}

// jsonString appends s as a JSON string (the maths' names: no quote, backslash or control
// character needs more than a backslash or \u00XX).
func jsonString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}
