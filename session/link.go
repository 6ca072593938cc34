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
// separated by commas, each query-escaped. The order of the keys does not matter. A link
// holds settings, not points: hand-made data (data set Custom) is left out, and a key a link
// leaves out keeps the receiver's setting (so a link without a data set keeps the
// receiver's). An empty list (hide, when no control is hidden) is left out too. A shared
// link (Session.ShareLink) carries the points and the weights besides: see share.go.

// Link returns s as a link (see above), without the leading '#': the settings of Specs
// that have a link key, in their order. ParseLink reads it back.
func (s Settings) Link() string {
	var b strings.Builder
	for i := range specs {
		sp := &specs[i]
		if sp.Link == "" {
			continue
		}
		v := sp.Value(&s)
		if l, ok := v.([]string); v == Custom || ok && len(l) == 0 {
			continue // hand-made points are not part of a link; nor is an empty list
		}
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(sp.Link)
		b.WriteByte('=')
		for i, item := range linkItems(v) {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(url.QueryEscape(item))
		}
	}
	return b.String()
}

// linkItems writes a value of the API's form as the items of a link's value.
func linkItems(v any) []string {
	switch v := v.(type) {
	case float64:
		return []string{num(v)}
	case bool:
		return []string{strconv.FormatBool(v)}
	case string:
		return []string{v}
	case []string:
		return v
	case []float64:
		out := make([]string, len(v))
		for i, f := range v {
			out[i] = num(f)
		}
		return out
	}
	panic(fmt.Sprintf("session: a setting's value of type %T", v))
}

// num writes v for a link: plain decimals (0.00001, 1000000) where they are short, so that
// a link needs no escaped '+'; exponents only for extreme values.
func num(v float64) string {
	if a := math.Abs(v); a == 0 || (a >= 1e-6 && a < 1e15) {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// ParseLink reads a link for Session.ApplyLink: a fragment (with or without its leading
// '#') or a full address (http…#…, whose fragment is read). Every key must be a setting a
// link holds, or a key a shared link carries state in (points, weights; see Link), at most
// once, in any order, with a value of the right kind; errors name the key (as ParsePatch's
// do; they do not say "link"), and the settings' checks are ParsePatch's. An empty link, or
// an address without a fragment, is the empty Link.
func ParseLink(link string) (Link, error) {
	link = fragment(link)
	if link == "" {
		return Link{}, nil
	}
	var l Link
	obj := map[string]json.RawMessage{}
	seen := map[string]bool{}
	for part := range strings.SplitSeq(link, "&") {
		if part == "" {
			continue // a stray '&'
		}
		key, val, ok := strings.Cut(part, "=")
		if !ok {
			return Link{}, fmt.Errorf("%q has no value (want name=value)", part)
		}
		if seen[key] {
			return Link{}, fmt.Errorf("%s is given twice", key)
		}
		seen[key] = true
		if err := readKey(&l, obj, key, val); err != nil {
			return Link{}, err
		}
	}
	data, err := json.Marshal(obj)
	if err == nil {
		l.Patch, err = ParsePatch(data)
	}
	if err != nil {
		return Link{}, err
	}
	return l, nil
}

// readKey reads the value val of key: a carried state's into l, a setting's, as JSON, into
// obj under the setting's name.
func readKey(l *Link, obj map[string]json.RawMessage, key, val string) error {
	for i := range carried {
		if carried[i].key == key {
			return readCarried(l, i, val)
		}
	}
	for i := range specs {
		if sp := &specs[i]; sp.Link != "" && sp.Link == key {
			raw, err := linkValue(key, sp.Kind, val)
			obj[sp.Name] = raw
			return err
		}
	}
	return fmt.Errorf("unknown setting %q", key)
}

// fragment returns the settings part of a link: what follows the first '#' (a link's
// values escape theirs), or for an address without one (it has "://" before any '='),
// nothing; else the link itself.
func fragment(link string) string {
	if _, frag, ok := strings.Cut(link, "#"); ok {
		return frag
	}
	if scheme := strings.Index(link, "://"); scheme >= 0 && !strings.Contains(link[:scheme], "=") {
		return ""
	}
	return link
}

// linkValue converts the value of setting key, of kind k, in a link to JSON.
func linkValue(key string, k Kind, val string) (json.RawMessage, error) {
	list := k == KindList || k == KindLayers
	items := []string{val}
	if list {
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
		switch k {
		case KindNumber, KindInteger, KindLayers:
			// A JSON number exactly: no NaN, Inf, hex or spaces.
			var f float64
			if json.Unmarshal([]byte(s), &f) != nil || strings.TrimSpace(s) != s || s == "" {
				return nil, fmt.Errorf("%s: %q is not a number", key, s)
			}
			out[i] = json.RawMessage(s)
		case KindBoolean:
			if s != "true" && s != "false" {
				return nil, fmt.Errorf("%s: %q is not true or false", key, s)
			}
			out[i] = json.RawMessage(s)
		default:
			out[i], _ = json.Marshal(s)
		}
	}
	if !list {
		return out[0], nil
	}
	return json.Marshal(out)
}
