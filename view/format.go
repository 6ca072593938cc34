package view

import (
	"math"
	"strconv"
)

// Missing is what the pictures show for a value that does not exist (an empty split, the
// accuracy of a regression, a non-finite number): never "NaN".
const Missing = "–"

// minus is the typographic minus sign used for negative numbers on screen.
const minus = "−"

// AppendFixed appends v with prec digits after the point, with a typographic minus sign;
// NaN and ±Inf append Missing. It allocates only when dst must grow.
func AppendFixed(dst []byte, v float64, prec int) []byte {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return append(dst, Missing...)
	}
	n := len(dst)
	dst = strconv.AppendFloat(dst, v, 'f', prec, 64)
	return fixMinus(dst, n)
}

// AppendSig appends v with about digits significant digits: fixed notation for magnitudes
// from 0.001 to below 10^digits (trailing zeros kept, so widths stay steady), otherwise
// d.de±x notation; 0 is "0". NaN and ±Inf append Missing.
func AppendSig(dst []byte, v float64, digits int) []byte {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return append(dst, Missing...)
	}
	if digits < 1 {
		digits = 1
	}
	a := math.Abs(v)
	n := len(dst)
	switch {
	case v == 0:
		return append(dst, '0')
	case a >= 0.001 && a < math.Pow10(digits):
		// Digits after the point so that digits significant ones show (at least as many as
		// the magnitude needs, never negative).
		e := int(math.Floor(math.Log10(a)))
		prec := digits - 1 - e
		if prec < 0 {
			prec = 0
		}
		dst = strconv.AppendFloat(dst, v, 'f', prec, 64)
	default:
		dst = strconv.AppendFloat(dst, v, 'e', digits-1, 64)
	}
	return fixMinus(dst, n)
}

// AppendInt appends n with thousands separators ("12,480").
func AppendInt(dst []byte, n int) []byte {
	u := uint64(n)
	if n < 0 {
		dst = append(dst, minus...)
		u = uint64(-(n + 1)) + 1 // also for math.MinInt
	}
	var buf [24]byte
	digits := strconv.AppendUint(buf[:0], u, 10)
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, d)
	}
	return dst
}

// AppendPercent appends a share in [0, 1] as a whole percentage ("98%"); NaN appends Missing.
func AppendPercent(dst []byte, share float64) []byte {
	if math.IsNaN(share) || math.IsInf(share, 0) {
		return append(dst, Missing...)
	}
	dst = strconv.AppendInt(dst, int64(math.Round(share*100)), 10)
	return append(dst, '%')
}

// fixMinus replaces an ASCII '-' at dst[n] (a number's sign) with the typographic minus, and
// a '-' in an exponent likewise. It allocates only when dst must grow.
func fixMinus(dst []byte, n int) []byte {
	for i := n; i < len(dst); i++ {
		if dst[i] != '-' {
			continue
		}
		// Replace the one byte with the three bytes of "−".
		dst = append(dst, 0, 0)
		copy(dst[i+3:], dst[i+1:len(dst)-2])
		copy(dst[i:], minus)
		i += 2
	}
	return dst
}
