package session

// HistoryCap is the most samples History keeps; when full it halves its resolution.
const HistoryCap = 1024

// History is the training and test loss over epochs, bounded: when it fills up it keeps
// every other sample and from then on records only every other call (so memory stays fixed
// however long training runs). It allocates nothing after creation.
//
// The samples kept are those of calls 0, s, 2s, … (s the stride, 1 at first) plus, always,
// the latest call's sample at the end, so the curve reaches the current loss; that last one
// is replaced by the next call unless it falls on the stride. A call at the same epoch as the
// latest sample (paused, or data edited between frames) updates that sample in place.
type History struct {
	epochs      [HistoryCap]int
	train, test [HistoryCap]float64 // NaN where the split was empty
	n           int

	stride  int  // calls per kept sample; 0 means 1 (the zero value is ready to use)
	calls   int  // calls with a new epoch since Clear
	pending bool // the last sample is off the stride: the next call replaces it

	marks [MarkCap]Mark // the loss curve's marks, oldest first
	nm    int
}

// Add records the losses at an epoch (use NaN for an empty split).
func (h *History) Add(epoch int, train, test float64) {
	if h.n > 0 && h.epochs[h.n-1] == epoch {
		h.train[h.n-1], h.test[h.n-1] = train, test
		return
	}
	if h.pending {
		h.n--
		h.pending = false
	}
	if h.stride == 0 {
		h.stride = 1
	}
	if h.n == HistoryCap {
		h.halve()
	}
	h.pending = h.calls%h.stride != 0
	h.calls++
	h.epochs[h.n], h.train[h.n], h.test[h.n] = epoch, train, test
	h.n++
}

// halve keeps every other sample, from the first, and doubles the stride.
func (h *History) halve() {
	k := 0
	for i := 0; i < h.n; i += 2 {
		h.epochs[k], h.train[k], h.test[k] = h.epochs[i], h.train[i], h.test[i]
		k++
	}
	h.n = k
	h.stride *= 2
}

// Len returns the number of samples kept.
func (h *History) Len() int { return h.n }

// At returns sample i (0 is the oldest).
func (h *History) At(i int) (epoch int, train, test float64) {
	return h.epochs[i], h.train[i], h.test[i]
}

// Stride returns how many calls of Add each kept sample stands for (1 until the first
// halving, then 2, 4, …).
func (h *History) Stride() int { return max(h.stride, 1) }

// Clear forgets every sample and every mark.
func (h *History) Clear() {
	h.n, h.stride, h.calls, h.pending = 0, 1, 0, false
	h.marks, h.nm = [MarkCap]Mark{}, 0
}

// MarkCap is the most marks History keeps: past it the oldest is forgotten. A mark is a
// change the user made (a session in which the data or the settings change more than 64
// times between two resets is one whose early marks no one reads at the panel's width).
const MarkCap = 64

// Mark is a change of the data or the settings made at an epoch, which the loss curves mark
// to explain the jump it may cause: Text says what changed ("data set gauss → xor",
// "learning rate 1 → 0.3", "3 points added").
type Mark struct {
	Epoch int    `json:"epoch"`
	Text  string `json:"text"`
}

// Marks returns how many marks are kept.
func (h *History) Marks() int { return h.nm }

// Mark returns mark i (0 is the oldest).
func (h *History) Mark(i int) Mark { return h.marks[i] }

// addMark appends m, forgetting the oldest mark when MarkCap are kept.
func (h *History) addMark(m Mark) {
	if h.nm == MarkCap {
		copy(h.marks[:], h.marks[1:])
		h.nm--
	}
	h.marks[h.nm] = m
	h.nm++
}

// dropMark forgets the newest mark.
func (h *History) dropMark() {
	h.nm--
	h.marks[h.nm] = Mark{}
}
