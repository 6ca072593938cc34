package session

import (
	"encoding/json"
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
)

// A link is the settings written as the fragment of the page's address, so that a person
// can share or bookmark a configuration:
//
//	dataset=xor&noise=0.1&…&layers=2,8,8,1&features=x1,x2,x1*x2&…&speed=500
//
// Keys are the scripting API's setting names; values are numbers, names, or lists of them
// separated by commas, each query-escaped. A link holds settings, not points: hand-made data
// (data set Custom) is left out, and a link without a data set keeps the receiver's.

// linkKind is how a setting's value is written in a link.
type linkKind uint8

const (
	linkNumber  linkKind = iota // a JSON number
	linkName                    // a string
	linkNumbers                 // numbers separated by commas
	linkNames                   // strings separated by commas
)

// linkKeys are the settings a link holds, in the order Link writes them.
var linkKeys = [...]struct {
	name string
	kind linkKind
}{
	{"dataset", linkName}, {"problem", linkName}, {"noise", linkNumber}, {"numPoints", linkNumber},
	{"testRatio", linkNumber}, {"dataSeed", linkNumber},
	{"features", linkNames}, {"layers", linkNumbers}, {"activation", linkName}, {"seed", linkNumber},
	{"learningRate", linkNumber}, {"batchSize", linkNumber}, {"regularization", linkName},
	{"regularizationRate", linkNumber}, {"speed", linkNumber},
}

// Link returns s as a link (see above), without the leading '#'. ParseLink reads it back.
func (s Settings) Link() string {
	var b strings.Builder
	for _, k := range linkKeys {
		var vals []string
		switch k.name {
		case "dataset":
			if s.Dataset == Custom {
				continue
			}
			vals = []string{s.Dataset}
		case "problem":
			vals = []string{s.Problem}
		case "noise":
			vals = []string{num(s.Noise)}
		case "numPoints":
			vals = []string{strconv.Itoa(s.NumPoints)}
		case "testRatio":
			vals = []string{num(s.TestRatio)}
		case "dataSeed":
			vals = []string{strconv.FormatUint(uint64(s.DataSeed), 10)}
		case "features":
			vals = s.Features
		case "layers":
			for _, n := range s.Layers() {
				vals = append(vals, strconv.Itoa(n))
			}
		case "activation":
			vals = []string{s.Activation}
		case "seed":
			vals = []string{strconv.FormatUint(uint64(s.Seed), 10)}
		case "learningRate":
			vals = []string{num(s.LearningRate)}
		case "batchSize":
			vals = []string{strconv.Itoa(s.BatchSize)}
		case "regularization":
			vals = []string{s.Regularization}
		case "regularizationRate":
			vals = []string{num(s.RegularizationRate)}
		case "speed":
			vals = []string{num(s.Speed)}
		}
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(k.name)
		b.WriteByte('=')
		for i, v := range vals {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(url.QueryEscape(v))
		}
	}
	return b.String()
}

// num writes v for a link: plain decimals (0.00001, 1000000) where they are short, so that
// a link needs no escaped '+'; exponents only for extreme values.
func num(v float64) string {
	if a := math.Abs(v); a == 0 || (a >= 1e-6 && a < 1e15) {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// ParseLink reads a link (with or without its leading '#') into a Patch for
// Session.Configure. Every key must be a setting a link holds, at most once, with a value of
// the right kind; errors name the key (as ParsePatch's do; they do not say "link"), and the
// value's checks are ParsePatch's. An empty link is the empty Patch.
func ParseLink(link string) (Patch, error) {
	link = strings.TrimPrefix(link, "#")
	if link == "" {
		return Patch{}, nil
	}
	obj := map[string]json.RawMessage{}
	for part := range strings.SplitSeq(link, "&") {
		if part == "" {
			continue // a stray '&'
		}
		key, val, ok := strings.Cut(part, "=")
		if !ok {
			return Patch{}, fmt.Errorf("%q has no value (want name=value)", part)
		}
		kind, known := linkKind(0), false
		for _, k := range linkKeys {
			if k.name == key {
				kind, known = k.kind, true
			}
		}
		if !known {
			return Patch{}, fmt.Errorf("unknown setting %q", key)
		}
		if _, dup := obj[key]; dup {
			return Patch{}, fmt.Errorf("%s is given twice", key)
		}
		raw, err := linkValue(key, kind, val)
		if err != nil {
			return Patch{}, err
		}
		obj[key] = raw
	}
	data, err := json.Marshal(obj)
	if err != nil {
		return Patch{}, err
	}
	return ParsePatch(data)
}

// linkValue converts the value of setting key in a link to JSON.
func linkValue(key string, kind linkKind, val string) (json.RawMessage, error) {
	items := []string{val}
	if kind == linkNumbers || kind == linkNames {
		items = strings.Split(val, ",")
		if val == "" {
			items = nil
		}
	}
	out := make([]json.RawMessage, len(items))
	for i, it := range items {
		s, err := url.QueryUnescape(it)
		if err != nil {
			return nil, fmt.Errorf("%s: %q is not properly escaped", key, it)
		}
		switch kind {
		case linkNumber, linkNumbers:
			// A JSON number exactly: no NaN, Inf, hex or spaces.
			var f float64
			if json.Unmarshal([]byte(s), &f) != nil || strings.TrimSpace(s) != s || s == "" {
				return nil, fmt.Errorf("%s: %q is not a number", key, s)
			}
			out[i] = json.RawMessage(s)
		default:
			out[i], _ = json.Marshal(s)
		}
	}
	if kind == linkNumber || kind == linkName {
		return out[0], nil
	}
	return json.Marshal(out)
}
