package view

import (
	"math"

	"nnplay/nn"
)

// expTable holds 2^(j/64) for j = 0…63.
var expTable = func() (t [64]float64) {
	for j := range t {
		t[j] = math.Exp2(float64(j) / 64)
	}
	return t
}()

// Constants of exp's range reduction: x = k·ln2/64 + r, ln2/64 split in a high part exact in
// few bits and a low part.
const (
	invLn2x64 = 64 / math.Ln2
	ln2Hi64   = 6.93147180369123816490e-01 / 64
	ln2Lo64   = 1.90821492927058770002e-10 / 64
)

// exp returns e^x within a few units in the last place, several times faster than math.Exp
// under WebAssembly (where math.Exp has no assembly): e^x = 2^m · 2^(j/64) · e^r with
// k = 64m + j = round(x·64/ln2) and |r| ≤ ln2/128, e^r by its Taylor polynomial of degree 5
// (truncation below 4e-17 relative). Arguments beyond ±700 and NaN go to math.Exp.
func exp(x float64) float64 {
	if !(x > -700 && x < 700) {
		return math.Exp(x)
	}
	k := math.Round(x * invLn2x64)
	r := (x - k*ln2Hi64) - k*ln2Lo64
	p := 1 + r*(1+r*(1.0/2+r*(1.0/6+r*(1.0/24+r*(1.0/120)))))
	ki := int64(k)
	m, j := ki>>6, ki&63
	scale := math.Float64frombits(uint64(1023+m) << 52)
	return scale * expTable[j] * p
}

// activate returns the activation a of z as nn.Activation.Value does, up to rounding, with
// exp in place of math.Exp (tanh(z) = (e^2z − 1)/(e^2z + 1), ±1 beyond |z| > 20 where that
// is exact in float64).
func activate(a nn.Activation, z float64) float64 {
	switch a {
	case nn.Sigmoid:
		return 1 / (1 + exp(-z))
	case nn.Tanh:
		switch {
		case z > 20:
			return 1
		case z < -20:
			return -1
		case z != z:
			return z
		}
		e := exp(2 * z)
		return (e - 1) / (e + 1)
	case nn.ReLU:
		if z > 0 {
			return z
		}
		return 0
	}
	return z
}
