package nn

import (
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

// expTol is the accuracy exp claims (see expSlice): 0.52 ulp of the method's published
// bound, at most 0.52·2^−52 ≈ 1.155e-16 relative.
const expTol = 1.2e-16

// bigExpPrec is the precision of bigExp, far beyond float64's 53 bits.
const bigExpPrec = 256

// bigExp returns e^x in bigExpPrec-bit arithmetic: e^y for y = x/2^20 by its Taylor series
// (|y| < 7e-4, so 30 terms leave an error below 2^−300), squared 20 times (which loses
// about 20 of the 256 bits).
func bigExp(x float64) *big.Float {
	const halvings = 20
	y := new(big.Float).SetPrec(bigExpPrec).SetMantExp(new(big.Float).SetFloat64(x), -halvings)
	sum := new(big.Float).SetPrec(bigExpPrec).SetInt64(1)
	term := new(big.Float).SetPrec(bigExpPrec).SetInt64(1)
	for k := int64(1); k <= 30; k++ {
		term.Mul(term, y)
		term.Quo(term, new(big.Float).SetPrec(bigExpPrec).SetInt64(k))
		sum.Add(sum, term)
	}
	for range halvings {
		sum.Mul(sum, sum)
	}
	return sum
}

// expErr returns exp's relative error at x, |exp(x) − e^x|/e^x.
func expErr(x float64) float64 {
	want := bigExp(x)
	d := new(big.Float).SetPrec(bigExpPrec).SetFloat64(exp(x))
	d.Sub(d, want).Quo(d, want)
	r, _ := d.Float64()
	return math.Abs(r)
}

// TestExp measures exp's relative error against e^x in 256-bit arithmetic, at random
// arguments of several ranges and at the neighbours of every k·ln2/128 (where the table
// index changes), and checks that beyond its range it returns math.Exp's bits. (math.Exp
// itself measures up to 2.6e-16 here, natively.)
func TestExp(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	ranges := []struct{ lo, hi float64 }{
		{-1e-300, 1e-300}, {-1e-8, 1e-8}, {-1, 1}, {-40, 40}, {-700, 700},
	}
	for _, r := range ranges {
		worst, worstX := 0.0, 0.0
		for range 5000 {
			x := r.lo + (r.hi-r.lo)*rng.Float64()
			if d := expErr(x); d > worst {
				worst, worstX = d, x
			}
		}
		if worst > expTol {
			t.Errorf("x in [%g, %g]: exp's relative error %.3g at x = %v, want ≤ %g", r.lo, r.hi, worst, worstX, expTol)
		}
		t.Logf("x in [%g, %g]: worst relative error %.3g (at %v)", r.lo, r.hi, worst, worstX)
	}
	for k := -1000; k <= 1000; k += 7 {
		x := float64(k) * math.Ln2 / expN
		for _, y := range []float64{x, math.Nextafter(x, -1000), math.Nextafter(x, 1000)} {
			if d := expErr(y); d > expTol {
				t.Errorf("exp(%v): relative error %.3g, want ≤ %g", y, d, expTol)
			}
		}
	}
	special := []float64{
		expFast, -expFast, 709.78, 710, -745, -746, 1e300, -1e300, math.Inf(1), math.Inf(-1), math.NaN(),
	}
	for _, x := range special {
		if got, want := exp(x), math.Exp(x); math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) {
			t.Errorf("exp(%v) = %v, want math.Exp's %v", x, got, want)
		}
	}
	for _, x := range []float64{0, math.Copysign(0, -1), math.Nextafter(expFast, 0), math.Nextafter(-expFast, 0)} {
		if d := expErr(x); d > expTol {
			t.Errorf("exp(%v): relative error %.3g, want ≤ %g", x, d, expTol)
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

// BenchmarkExp measures exp, the package's own, against math.Exp on the same arguments
// (those of sigmoid nodes, |x| < 10). Run natively and under WebAssembly (see docs/testing.md).
func BenchmarkExp(b *testing.B) {
	xs := make([]float64, 1024)
	rng := rand.New(rand.NewPCG(5, 5))
	for i := range xs {
		xs[i] = rng.Float64()*20 - 10
	}
	for _, bc := range []struct {
		name string
		f    func(float64) float64
	}{{"nn", exp}, {"math", math.Exp}} {
		b.Run(bc.name, func(b *testing.B) {
			sum := 0.0
			for i := 0; b.Loop(); i++ {
				sum += bc.f(xs[i&1023])
			}
			if !(sum > 0) {
				b.Fatal("no result")
			}
		})
	}
}
