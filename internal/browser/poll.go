//go:build !(js && wasm)

package browser

import (
	"fmt"
	"time"
)

// PollEvery is how often Poll checks its condition.
const PollEvery = 50 * time.Millisecond

// Poll is the one way the harness and the tests wait: it checks cond at once and then every
// PollEvery until cond returns nil, and returns nil then. cond's error says what is still
// missing; when within passes first, Poll returns cond's last error with how long it waited.
// Nothing waits a fixed time before looking: a condition met early ends the wait early, and
// a busy machine only makes it take longer, up to within.
func Poll(within time.Duration, cond func() error) error {
	deadline := time.Now().Add(within)
	for {
		err := cond()
		if err == nil {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("still not so after %v: %w", within, err)
		}
		time.Sleep(PollEvery)
	}
}
