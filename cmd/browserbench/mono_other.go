//go:build !linux && !(js && wasm)

package main

// monotonic returns 0: -sched, whose recording is stamped with Linux's CLOCK_MONOTONIC, runs
// on Linux only (startSched says so).
func monotonic() float64 { return 0 }
