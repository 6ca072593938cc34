package nn

import (
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

// TestExp checks exp against math.Exp: a relative difference of at most 1e-15 (both are
// within about one ulp, 2.2e-16, of e^x, so the measured worst is near 4e-16), and the same
// results where exp defers to math.Exp.
func TestExp(t *testing.T) {
	const tol = 1e-15
	rng := rand.New(rand.NewPCG(1, 1))
	ranges := []struct{ lo, hi float64 }{
		{-1e-300, 1e-300}, {-1e-8, 1e-8}, {-1, 1}, {-40, 40}, {-700, 700},
	}
	for _, r := range ranges {
		worst, worstX := 0.0, 0.0
		for range 400000 {
			x := r.lo + (r.hi-r.lo)*rng.Float64()
			got, want := exp(x), math.Exp(x)
			if d := math.Abs(got-want) / want; d > worst {
				worst, worstX = d, x
			}
		}
		if worst > tol {
			t.Errorf("x in [%g, %g]: exp differs from math.Exp by %.3g relative at x = %v, want ≤ %g", r.lo, r.hi, worst, worstX, tol)
		}
		t.Logf("x in [%g, %g]: worst relative difference %.3g (at %v)", r.lo, r.hi, worst, worstX)
	}
	// Every x whose e^x is a power of two's neighbour, and the edges of the fast range.
	for k := -1000; k <= 1000; k++ {
		x := float64(k) * math.Ln2 / expN
		for _, y := range []float64{x, math.Nextafter(x, -1000), math.Nextafter(x, 1000)} {
			if got, want := exp(y), math.Exp(y); math.Abs(got-want) > tol*want {
				t.Errorf("exp(%v) = %v, math.Exp %v", y, got, want)
			}
		}
	}
	special := []float64{
		0, math.Copysign(0, -1), expFast, -expFast, math.Nextafter(expFast, 0), math.Nextafter(-expFast, 0),
		709.78, 710, -745, -746, 1e300, -1e300, math.Inf(1), math.Inf(-1), math.NaN(),
	}
	for _, x := range special {
		got, want := exp(x), math.Exp(x)
		same := got == want || math.IsNaN(got) && math.IsNaN(want) || math.Abs(got-want) <= tol*want
		if !same {
			t.Errorf("exp(%v) = %v, math.Exp %v", x, got, want)
		}
	}
}

// TestSigmoidMatchesMath checks σ(z) = 1/(1 + e^−z) against the same formula on math.Exp.
func TestSigmoidMatchesMath(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 2))
	worst := 0.0
	for range 400000 {
		z := (rng.Float64()*2 - 1) * 50
		got, want := Sigmoid.Value(z), 1/(1+math.Exp(-z))
		worst = max(worst, math.Abs(got-want)/want)
	}
	if worst > 1e-15 {
		t.Errorf("σ differs from 1/(1 + math.Exp(−z)) by %.3g relative, want ≤ 1e-15", worst)
	}
	t.Logf("worst relative difference of σ: %.3g", worst)
}

// TestTanh checks tanh against math.Tanh (the same method on math.Exp): a relative
// difference of at most 1e-15, and the same ±1, ±0 and NaN.
func TestTanh(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 3))
	for _, r := range []float64{1e-9, 0.7, 3, 25, 60} {
		worst := 0.0
		for range 200000 {
			z := (rng.Float64()*2 - 1) * r
			got, want := tanh(z), math.Tanh(z)
			worst = max(worst, math.Abs(got-want)/math.Abs(want))
		}
		if worst > 1e-15 {
			t.Errorf("|z| < %g: tanh differs from math.Tanh by %.3g relative, want ≤ 1e-15", r, worst)
		}
		t.Logf("|z| < %g: worst relative difference %.3g", r, worst)
	}
	for _, z := range []float64{0, math.Copysign(0, -1), tanhSmall, -tanhSmall, tanhBig, math.Nextafter(tanhBig, 100), -100, math.Inf(1), math.Inf(-1), math.NaN()} {
		got, want := tanh(z), math.Tanh(z)
		if math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) &&
			math.Abs(got-want) > 1e-15*math.Abs(want) {
			t.Errorf("tanh(%v) = %v, math.Tanh %v", z, got, want)
		}
	}
}

// TestExpTable recomputes the table from 2^(i/128) in 300-bit arithmetic (seven square
// roots of 2^i): H_i is it rounded to float64, T_i = (2^(i/128) − H_i)/H_i rounded.
func TestExpTable(t *testing.T) {
	const prec = 300
	var table [2 * expN]uint64
	for i := 0; i < expN; i++ {
		v := new(big.Float).SetPrec(prec).SetMantExp(new(big.Float).SetPrec(prec).SetInt64(1), i)
		for range expBits {
			v.Sqrt(v)
		}
		h, _ := v.Float64()
		hb := new(big.Float).SetPrec(prec).SetFloat64(h)
		tail, _ := new(big.Float).SetPrec(prec).Quo(new(big.Float).SetPrec(prec).Sub(v, hb), hb).Float64()
		want := [2]uint64{math.Float64bits(tail), math.Float64bits(h) - uint64(i)<<(52-expBits)}
		table[2*i], table[2*i+1] = want[0], want[1]
		if got := [2]uint64{expTab[2*i], expTab[2*i+1]}; got != want {
			t.Errorf("expTab[%d:%d] = %#016x, want %#016x", 2*i, 2*i+2, got, want)
		}
	}
	if t.Failed() {
		t.Log("the table should read:")
		for i := 0; i < len(table); i += 4 {
			t.Log(fmt.Sprintf("%#016x, %#016x, %#016x, %#016x,", table[i], table[i+1], table[i+2], table[i+3]))
		}
	}
}
