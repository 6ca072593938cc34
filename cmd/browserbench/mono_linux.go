//go:build linux

package main

import "golang.org/x/sys/unix"

// monotonic returns CLOCK_MONOTONIC in ms, the clock perf stamps the -sched recording with.
func monotonic() float64 {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_MONOTONIC, &ts); err != nil {
		return 0
	}
	return float64(ts.Sec)*1e3 + float64(ts.Nsec)/1e6
}
