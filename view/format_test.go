package view

import (
	"math"
	"testing"
)

func TestFormat(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	tests := []struct {
		name string
		f    func([]byte) []byte
		want string
	}{
		{"fixed", func(b []byte) []byte { return AppendFixed(b, 1.2345, 3) }, "1.234"}, // 1.2345 is just below in binary
		{"fixed negative", func(b []byte) []byte { return AppendFixed(b, -1.5, 2) }, "−1.50"},
		{"fixed NaN", func(b []byte) []byte { return AppendFixed(b, nan, 2) }, "–"},
		{"fixed Inf", func(b []byte) []byte { return AppendFixed(b, -inf, 2) }, "–"},
		{"sig", func(b []byte) []byte { return AppendSig(b, 0.031234, 2) }, "0.031"},
		{"sig big", func(b []byte) []byte { return AppendSig(b, 12.34, 3) }, "12.3"},
		{"sig keeps zeros", func(b []byte) []byte { return AppendSig(b, 0.5, 3) }, "0.500"},
		{"sig tiny", func(b []byte) []byte { return AppendSig(b, 0.0000423, 2) }, "4.2e−05"},
		{"sig huge", func(b []byte) []byte { return AppendSig(b, 123456, 3) }, "1.23e+05"},
		{"sig zero", func(b []byte) []byte { return AppendSig(b, 0, 3) }, "0"},
		{"sig negative", func(b []byte) []byte { return AppendSig(b, -2.5, 2) }, "−2.5"},
		{"sig NaN", func(b []byte) []byte { return AppendSig(b, nan, 2) }, "–"},
		{"int", func(b []byte) []byte { return AppendInt(b, 12480) }, "12,480"},
		{"int small", func(b []byte) []byte { return AppendInt(b, 999) }, "999"},
		{"int million", func(b []byte) []byte { return AppendInt(b, -1234567) }, "−1,234,567"},
		{"int zero", func(b []byte) []byte { return AppendInt(b, 0) }, "0"},
		{"int min", func(b []byte) []byte { return AppendInt(b, math.MinInt64) }, "−9,223,372,036,854,775,808"},
		{"percent", func(b []byte) []byte { return AppendPercent(b, 0.978) }, "98%"},
		{"percent NaN", func(b []byte) []byte { return AppendPercent(b, nan) }, "–"},
		{"short", func(b []byte) []byte { return AppendShort(b, 0.05) }, "0.05"},
		{"short exp", func(b []byte) []byte { return AppendShort(b, 1e-5) }, "1e−05"},
		{"loss", func(b []byte) []byte { return AppendLoss(b, 0.0314, true) }, "0.031"},
		{"loss tiny", func(b []byte) []byte { return AppendLoss(b, 0.0000423, true) }, "4.2e−05"},
		{"loss missing", func(b []byte) []byte { return AppendLoss(b, 0.5, false) }, "–"},
	}
	for _, tc := range tests {
		// Appends after what is there.
		got := tc.f([]byte("x="))
		if string(got) != "x="+tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, "x="+tc.want)
		}
	}
}

func TestFormatAllocs(t *testing.T) {
	buf := make([]byte, 0, 128)
	allocs := testing.AllocsPerRun(100, func() {
		b := AppendFixed(buf[:0], -1.234, 3)
		b = AppendSig(b, 0.0000423, 2)
		b = AppendInt(b, 1234567)
		b = AppendPercent(b, 0.5)
		b = AppendShort(b, 1e-5)
		buf = b
	})
	if allocs != 0 {
		t.Errorf("formatting allocates %v times per run, want 0", allocs)
	}
}

func TestNiceCeil(t *testing.T) {
	tests := []struct{ v, want float64 }{
		{0.3, 0.5}, {0.5, 0.5}, {0.51, 1}, {1, 1}, {1.2, 2}, {3, 5}, {7, 10}, {0.012, 0.02},
		{0, 1}, {-1, 1}, {math.NaN(), 1}, {math.Inf(1), 1}, {1e-7, 1e-7},
	}
	for _, tc := range tests {
		if got := NiceCeil(tc.v); got != tc.want {
			t.Errorf("NiceCeil(%v) = %v, want %v", tc.v, got, tc.want)
		}
	}
}
