package nn

import "math"

// The constants of exp: N/ln2 and −ln2/N split in a high part (with trailing zeros, so that
// k·hi is exact) and a low part, the shift that rounds to an integer, and the coefficients
// of exp(r) − 1 − r on |r| ≤ ln2/256. These are the published constants of the exp of ARM's
// optimized-routines and musl (N = 128): absolute error of the polynomial 1.555·2^-66,
// total error below 0.52 ulp without fused multiply-add.
const (
	expBits    = 7
	expN       = 1 << expBits
	expInvLn2N = 0x1.71547652b82fep0 * expN
	expNegLn2H = -0x1.62e42fefa0000p-8
	expNegLn2L = -0x1.cf79abc9e3b3ap-47
	expShift   = 0x1.8p52
	expC2      = 0x1.ffffffffffdbdp-2
	expC3      = 0x1.555555555543cp-3
	expC4      = 0x1.55555cf172b91p-5
	expC5      = 0x1.1111167a4d017p-7
	// expFast bounds the arguments exp computes itself; beyond it, and for NaN, it
	// defers to math.Exp, so results near overflow and in the subnormal range are math's.
	expFast = 700
)

// exp returns e^x; see expSlice.
func exp(x float64) float64 { return scalar(expSlice, x) }

// scalar returns the one value x put through f, which replaces each value of a slice.
func scalar(f func([]float64), x float64) float64 {
	v := [1]float64{x}
	f(v[:])
	return v[0]
}

// expSlice replaces every x in v by e^x, the exponential of the network's sigmoid and tanh.
// For |x| < expFast it computes it itself, within 0.52 ulp, which is within 1.2e-16 of e^x
// relative (TestExp measures it against 256-bit arithmetic; math.Exp measures up to 2.6e-16
// there). That part is float64 arithmetic only, each product rounded before it is added (no
// fused multiply-add), so it gives the same bits on every processor and under WebAssembly
// (e2e's TestPredictBits compares the browser's predictions with native ones), and it is a
// loop over a layer's nodes without a call per node: about 2.5 times as fast as math.Exp
// under WebAssembly, where math.Exp has no assembly, and as fast natively (BenchmarkExp).
// Beyond expFast, and for NaN, it returns math.Exp(x), whose last bit near overflow and in
// the subnormal range may differ between processors. Method: x = k·ln2/128 + r with
// |r| ≤ ln2/256, e^x = 2^(k/128)·e^r, 2^(k/128) from the table and the exponent bits, e^r
// from the polynomial.
func expSlice(v []float64) {
	for j, x := range v {
		if !(math.Abs(x) < expFast) {
			v[j] = math.Exp(x)
			continue
		}
		// Every product is rounded before it is added (float64(…)), so that no compiler
		// fuses it into a multiply-add, which would change the bits on some processors.
		kd := float64(expInvLn2N*x) + expShift
		ki := math.Float64bits(kd)
		kd -= expShift
		r := x + float64(kd*expNegLn2H) + float64(kd*expNegLn2L)
		i := 2 * (ki % expN)
		tail := math.Float64frombits(expTab[i])
		scale := math.Float64frombits(expTab[i+1] + ki<<(52-expBits))
		r2 := r * r
		p := tail + r + float64(r2*(expC2+float64(r*expC3))) + float64(float64(r2*r2)*(expC4+float64(r*expC5)))
		v[j] = scale + float64(scale*p)
	}
}

// The constants of tanh, those of math.Tanh (from Cephes): beyond tanhBig = ½·log(2^127),
// tanh is ±1 in float64; below tanhSmall it is a rational function of z².
const (
	tanhBig   = 0.5 * 8.8029691931113054295988e+01
	tanhSmall = 0.625
	tanhP0    = -9.64399179425052238628e-1
	tanhP1    = -9.92877231001918586564e1
	tanhP2    = -1.61468768441708447952e3
	tanhQ0    = 1.12811678491632931402e2
	tanhQ1    = 2.23548839060100448583e3
	tanhQ2    = 4.84406305325125486048e3
)

// tanh returns tanh(z); see tanhSlice.
func tanh(z float64) float64 { return scalar(tanhSlice, z) }

// tanhSlice replaces every z in v by tanh(z). It is math.Tanh's method with the package's
// exp, the exps of up to 16 nodes in one loop: ±1 for |z| > tanhBig,
// ±(1 − 2/(e^(2|z|) + 1)) from tanhSmall on, and below it z + z·z²·P(z²)/Q(z²). It agrees
// with math.Tanh to a relative 1e-15 (TestTanh).
func tanhSlice(v []float64) {
	var tmp [16]float64
	for len(v) > 0 {
		c := v[:min(len(v), len(tmp))]
		tanhChunk(c, tmp[:len(c)])
		v = v[len(c):]
	}
}

// tanhChunk is tanhSlice with scratch space tmp, as long as v.
func tanhChunk(v, tmp []float64) {
	tmp = tmp[:len(v)]
	for j, z := range v {
		a := math.Abs(z)
		tmp[j] = 0
		if a >= tanhSmall && a <= tanhBig {
			tmp[j] = 2 * a
		}
	}
	expSlice(tmp)
	for j, z := range v {
		a := math.Abs(z)
		var t float64
		switch {
		case a > tanhBig:
			t = 1
		case a >= tanhSmall:
			t = 1 - 2/(tmp[j]+1)
		default: // small, zero (keeping its sign) or NaN
			s := float64(z * z)
			p := float64((float64(tanhP0*s)+tanhP1)*s) + tanhP2
			q := float64((float64((s+tanhQ0)*s)+tanhQ1)*s) + tanhQ2
			v[j] = z + float64(z*s*p/q)
			continue
		}
		if z < 0 {
			t = -t
		}
		v[j] = t
	}
}
