package session

import (
	"math"
	"testing"
)

// addEpochs calls h.Add for epochs from..to-1 with losses derived from the epoch.
func addEpochs(h *History, from, to int) {
	for e := from; e < to; e++ {
		h.Add(e, float64(e), -float64(e))
	}
}

func TestHistory(t *testing.T) {
	tests := []struct {
		name                       string
		calls, wantLen, wantStride int
	}{
		{"empty", 0, 0, 1},
		{"one", 1, 1, 1},
		{"below cap", HistoryCap - 1, HistoryCap - 1, 1},
		{"exactly cap", HistoryCap, HistoryCap, 1},
		{"one past cap halves", HistoryCap + 1, HistoryCap/2 + 1, 2},
		{"two past cap", HistoryCap + 2, HistoryCap/2 + 2, 2},
		{"twice cap halves again", 2 * HistoryCap, HistoryCap/2 + 1, 4},
		{"long run", 100 * HistoryCap, 100*HistoryCap/128 + 1, 128}, // 800 on the grid, then the latest
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var h History
			addEpochs(&h, 0, tt.calls)
			if h.Len() != tt.wantLen {
				t.Errorf("Len() = %d, want %d", h.Len(), tt.wantLen)
			}
			if h.Stride() != tt.wantStride {
				t.Errorf("Stride() = %d, want %d", h.Stride(), tt.wantStride)
			}
			if h.Len() > HistoryCap {
				t.Fatalf("Len() = %d exceeds HistoryCap", h.Len())
			}
			if tt.calls == 0 {
				return
			}
			// The samples are the stride's grid, then the latest call.
			for i := 0; i < h.Len()-1; i++ {
				e, tr, te := h.At(i)
				if e != i*h.Stride() || tr != float64(e) || te != -float64(e) {
					t.Fatalf("At(%d) = %d, %g, %g, want epoch %d", i, e, tr, te, i*h.Stride())
				}
			}
			if e, _, _ := h.At(h.Len() - 1); e != tt.calls-1 {
				t.Errorf("last sample at epoch %d, want the latest %d", e, tt.calls-1)
			}
		})
	}
}

func TestHistorySameEpochUpdates(t *testing.T) {
	var h History
	h.Add(0, 1, 2)
	h.Add(5, 3, 4)
	h.Add(5, 0.5, math.NaN()) // paused: the same epoch again, data edited
	if h.Len() != 2 {
		t.Fatalf("Len() = %d, want 2", h.Len())
	}
	e, tr, te := h.At(1)
	if e != 5 || tr != 0.5 || !math.IsNaN(te) {
		t.Errorf("At(1) = %d, %g, %g, want 5, 0.5, NaN", e, tr, te)
	}
}

func TestHistoryClear(t *testing.T) {
	var h History
	addEpochs(&h, 0, 3*HistoryCap)
	h.Clear()
	if h.Len() != 0 || h.Stride() != 1 {
		t.Fatalf("after Clear: Len %d, Stride %d, want 0, 1", h.Len(), h.Stride())
	}
	addEpochs(&h, 0, 3)
	if h.Len() != 3 {
		t.Errorf("Len() = %d after 3 adds, want 3", h.Len())
	}
}

func TestHistoryAllocs(t *testing.T) {
	var h History
	e := 0
	allocs := testing.AllocsPerRun(5*HistoryCap, func() {
		h.Add(e, 1, 2)
		e++
	})
	if allocs != 0 {
		t.Errorf("Add allocates %g times per call, want 0", allocs)
	}
}
