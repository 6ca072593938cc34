package session

// HistoryCap is the most samples History keeps; when full it halves its resolution.
const HistoryCap = 1024

// History is the training and test loss over epochs, bounded: when it fills up it keeps
// every other sample and from then on records only every other call (so memory stays fixed
// however long training runs). It allocates nothing after creation.
type History struct {
	epochs      [HistoryCap]int
	train, test [HistoryCap]float64 // NaN where the split was empty
	n           int
	// unexported stride state
}

// Add records the losses at an epoch (use NaN for an empty split).
func (h *History) Add(epoch int, train, test float64) { panic("unimplemented") }

// Len returns the number of samples kept.
func (h *History) Len() int { return h.n }

// At returns sample i (0 is the oldest).
func (h *History) At(i int) (epoch int, train, test float64) {
	return h.epochs[i], h.train[i], h.test[i]
}

// Clear forgets every sample.
func (h *History) Clear() { panic("unimplemented") }
