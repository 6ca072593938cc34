//go:build js && wasm

package main

import (
	"syscall/js"

	"nnplay/api"
)

// defineMath defines the maths panel's calls: math, followPoint, selectWeight, selectBias,
// setWeight, setBias, stepSample, stepBatch, and the page's setPanel, panelMath and
// lightPath.
func (b *bridge) defineMath(def definer) {
	p := &b.c.API
	def("math", func([]js.Value) string { return p.MathReply(false) })
	// The panel's own calls, not part of the API: whether it can be seen (the frames keep
	// its numbers current while it can), and the numbers the frames last computed.
	def("setPanel", func(a []js.Value) string {
		b.c.SetPanel(len(a) > 0 && a[0].Truthy())
		return api.Reply(nil, nil)
	})
	def("panelMath", func([]js.Value) string { return p.MathReply(true) })
	// lightPath(path) highlights the element of the panel's number under the mouse ("" for none).
	def("lightPath", func(a []js.Value) string {
		if len(a) == 0 || a[0].Type() != js.TypeString {
			return b.changed(argError{"lightPath: path must be a string"})
		}
		return b.changed(p.LightPath(a[0].String()))
	})
	def("followPoint", func(a []js.Value) string {
		return b.changed(withNumbers("followPoint", a, []string{"index"}, func(v []float64) error {
			return p.FollowPoint(v[0])
		}))
	})
	def("selectWeight", func(a []js.Value) string {
		return b.changed(withNumbers("selectWeight", a, []string{"l", "j", "i"}, func(v []float64) error {
			return p.SelectWeight(v[0], v[1], v[2])
		}))
	})
	def("selectBias", func(a []js.Value) string {
		return b.changed(withNumbers("selectBias", a, []string{"l", "j"}, func(v []float64) error {
			return p.SelectBias(v[0], v[1])
		}))
	})
	def("setWeight", func(a []js.Value) string {
		return b.changed(withNumbers("setWeight", a, []string{"l", "j", "i", "value"}, func(v []float64) error {
			return p.SetWeight(v[0], v[1], v[2], v[3])
		}))
	})
	def("setBias", func(a []js.Value) string {
		return b.changed(withNumbers("setBias", a, []string{"l", "j", "value"}, func(v []float64) error {
			return p.SetBias(v[0], v[1], v[2])
		}))
	})
	def("stepSample", func([]js.Value) string { return b.changed(p.StepSample()) })
	def("stepBatch", func([]js.Value) string { return b.changed(p.StepBatch()) })
}

// withNumbers reads the arguments named names as numbers (refusing, with the call's and the
// argument's name, one that is not) and passes them to f.
func withNumbers(call string, a []js.Value, names []string, f func([]float64) error) error {
	v := make([]float64, len(names))
	for i, name := range names {
		x, err := numberArg(call, name, a, i)
		if err != nil {
			return err
		}
		v[i] = x
	}
	return f(v)
}
