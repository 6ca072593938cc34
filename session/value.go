package session

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// A setting's value as the scripting API sees it is a float64 (number, integer), a bool, a
// string (choice), a []string (list) or a []float64 (layers, the full list). Spec's methods
// below convert between that form, JSON and the field of Settings, and check it.

// Value returns the setting's value in s as the API shows it: float64 for a number or an
// integer, bool, string, []string, or []float64 for layers (the full list of sizes).
func (sp *Spec) Value(s *Settings) any {
	switch p := sp.field(s).(type) {
	case *float64:
		return *p
	case *int:
		return float64(*p)
	case *uint32:
		return float64(*p)
	case *bool:
		return *p
	case *string:
		return *p
	case *[]string:
		return slices.Clone(*p)
	case *[]int:
		l := s.Layers()
		out := make([]float64, len(l))
		for i, n := range l {
			out[i] = float64(n)
		}
		return out
	}
	panic("session: setting " + sp.Name + " has a field of an unknown type")
}

// store sets the setting's field in s to v, a value of the API's form that check accepted
// (for layers only the hidden sizes are stored).
func (sp *Spec) store(s *Settings, v any) {
	switch p := sp.field(s).(type) {
	case *float64:
		*p = v.(float64)
	case *int:
		*p = int(v.(float64))
	case *uint32:
		*p = uint32(v.(float64))
	case *bool:
		*p = v.(bool)
	case *string:
		*p = v.(string)
	case *[]string:
		*p = slices.Clone(v.([]string))
	case *[]int:
		l := v.([]float64)
		*p = make([]int, 0, max(len(l)-2, 0))
		for i := 1; i < len(l)-1; i++ {
			*p = append(*p, int(l[i]))
		}
	default:
		panic("session: setting " + sp.Name + " has a field of an unknown type")
	}
}

// same reports whether the setting has the same value in a and b.
func (sp *Spec) same(a, b *Settings) bool { return reflect.DeepEqual(sp.Value(a), sp.Value(b)) }

// decode reads the setting's value from JSON into the API's form, refusing a value of the
// wrong type (null included) with a message naming the setting. Ranges are check's.
func (sp *Spec) decode(raw json.RawMessage) (any, error) {
	var v any
	var want string
	switch sp.Kind {
	case KindNumber, KindInteger:
		v, want = new(float64), "a number"
	case KindBoolean:
		v, want = new(bool), "true or false"
	case KindChoice:
		v, want = new(string), "a string"
	case KindList:
		v, want = new([]string), "a list of names"
	case KindLayers:
		v, want = new([]float64), "a list of numbers"
	}
	if bytes.Equal(bytes.TrimSpace(raw), []byte("null")) || json.Unmarshal(raw, v) != nil {
		return nil, fmt.Errorf("%s must be %s, got %s", sp.Name, want, Excerpt(raw))
	}
	return reflect.ValueOf(v).Elem().Interface(), nil
}

// check returns an error naming the setting and what it takes if v, in the API's form, is
// not one of its values.
func (sp *Spec) check(v any) error {
	switch sp.Kind {
	case KindNumber, KindInteger:
		return sp.numRange(sp.Name).check(v.(float64))
	case KindChoice:
		return checkName(sp.Name, v.(string), sp.Choices)
	case KindList:
		return sp.checkList(v.([]string))
	case KindLayers:
		return sp.checkLayers(v.([]float64))
	}
	return nil
}

// numRange is the range of a number or an integer setting, or of each hidden size for
// layers, under the name the messages give.
func (sp *Spec) numRange(name string) numRange {
	return numRange{name: name, lo: sp.Min, hi: sp.Max, openLo: sp.MinExclusive,
		whole: sp.Kind != KindNumber, zero: sp.Zero, unit: sp.Unit}
}

// checkList checks a list: at least Min names (at least one, or none), each one of the
// choices, none twice.
func (sp *Spec) checkList(names []string) error {
	if len(names) < int(sp.Min) {
		return fmt.Errorf("%s must name at least one %s of %s", sp.Name, sp.Unit, strings.Join(sp.Choices, ", "))
	}
	for i, name := range names {
		if err := checkName(sp.Name+"["+strconv.Itoa(i)+"]", name, sp.Choices); err != nil {
			return err
		}
		if slices.Contains(names[:i], name) {
			return fmt.Errorf("%s lists %q twice", sp.Name, name)
		}
	}
	return nil
}

// checkLayers checks a full list of layer sizes: the inputs (1 to the number of features),
// 0 to MaxHidden hidden sizes in [Min, Max], the output 1. That the inputs match the
// features is checked where both are known (Patch.apply).
func (sp *Spec) checkLayers(l []float64) error {
	if len(l) < 2 || len(l) > sp.MaxHidden+2 {
		return fmt.Errorf("%s must list the inputs, 0 to %d hidden layers and the output (2 to %d sizes), got %d sizes",
			sp.Name, sp.MaxHidden, sp.MaxHidden+2, len(l))
	}
	inputs := numRange{name: sp.Name + "[0] (the inputs)", lo: 1, hi: float64(len(featureSpec().Choices)), whole: true}
	if err := inputs.check(l[0]); err != nil {
		return err
	}
	for i := 1; i < len(l)-1; i++ {
		if err := sp.numRange(sp.Name + "[" + strconv.Itoa(i) + "] (a hidden layer)").check(l[i]); err != nil {
			return err
		}
	}
	if last := len(l) - 1; l[last] != 1 {
		return fmt.Errorf("%s[%d] (the output) must be 1, got %s", sp.Name, last, FormatNumber(l[last]))
	}
	return nil
}

// featureSpec is the features setting's entry.
func featureSpec() *Spec { return LookupSpec("features") }

// numRange is the allowed range of a number, with its name for error messages.
type numRange struct {
	name   string
	lo, hi float64
	openLo bool   // lo itself is excluded
	whole  bool   // only whole numbers
	zero   string // if not "", 0 is allowed too and means this
	unit   string // the unit, for the message
}

// check returns an error naming the setting and its range if v is outside it.
func (r numRange) check(v float64) error {
	ok := !math.IsNaN(v) && !math.IsInf(v, 0) && v <= r.hi && (v > r.lo || !r.openLo && v == r.lo)
	if r.whole && v != math.Trunc(v) {
		ok = false
	}
	if ok || r.zero != "" && v == 0 {
		return nil
	}
	zero, kind, open, unit := "", "a finite number", "[", ""
	if r.zero != "" {
		zero = "0 (" + r.zero + ") or "
	}
	if r.whole {
		kind = "a whole number"
	}
	if r.openLo {
		open = "("
	}
	if r.unit != "" {
		unit = " " + r.unit
	}
	return fmt.Errorf("%s must be %s%s in %s%s, %s]%s, got %s", r.name, zero, kind, open, formatBound(r.lo), formatBound(r.hi), unit, FormatNumber(v))
}

// checkSetting checks v, in the API's form, against the setting called name.
func checkSetting(name string, v any) error { return LookupSpec(name).check(v) }

// checkName returns an error naming the setting and the allowed names if v is not one of them.
func checkName(setting, v string, allowed []string) error {
	if slices.Contains(allowed, v) {
		return nil
	}
	return fmt.Errorf("%s must be one of %s, got %q", setting, strings.Join(allowed, ", "), v)
}

func formatBound(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// FormatNumber formats a number for a message: whole numbers in full up to 1e21 (1000000,
// not 1e+06), others in the shortest form that reads back exactly.
func FormatNumber(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e21 {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// Excerpt returns the start of a JSON text for an error message: at most 40 bytes, then
// "…"; "nothing" for an empty text.
func Excerpt(v []byte) string {
	v = bytes.TrimSpace(v)
	if len(v) > 40 {
		return string(v[:40]) + "…"
	}
	if len(v) == 0 {
		return "nothing"
	}
	return string(v)
}
