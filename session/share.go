package session

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// A shared link is a link (see Settings.Link) that also carries state: after the settings,
// the key points holds the points and the key weights the network's parameters:
//
//	dataset=xor&…&gradients=false&points=7ZV7NFR…&weights=AcAv…
//
// Each is binary (little-endian float64s), compressed (DEFLATE, RFC 1951) and written as
// base64url without padding, so that every bit of every number comes back: -0, subnormals,
// the largest values. The points are their x's, then their y's, then their labels (a float64
// each), then one byte per point: 1 for a test point, 0 for a training point. The weights
// are nn.Network.Params, in its order. A link carrying weights is read against the network
// its settings give (its shape is the receiver's when the link does not name it), and one
// carrying points against its problem; anything that does not fit is refused, naming the
// key and what is wrong, and changes nothing (see Session.ApplyLink).

// Link is what a link holds: the settings it gives and the state a shared link carries.
type Link struct {
	Patch   Patch     // the settings the link gives
	Weights []float64 // the network's parameters in nn.Network.Params order, or nil
	Points  []Point   // the points, or nil (a link may carry none: empty, not nil)
}

// Carries reports whether the link carries state (weights or points), not settings only.
func (l Link) Carries() bool { return l.Weights != nil || l.Points != nil }

// The weights a shared link carries (Share.Weights).
const (
	WeightsNone    = "none"    // none: the receiver's network, rebuilt from the seed if the shape changes
	WeightsInitial = "initial" // those the run started from: after the last reset, rebuild or load
	WeightsCurrent = "current" // the weights as trained now
)

// WeightChoices lists the values of Share.Weights.
var WeightChoices = []string{WeightsNone, WeightsInitial, WeightsCurrent}

// Share says what a shared link carries besides the settings.
type Share struct {
	Weights string // one of WeightChoices
	Data    bool   // the points
}

// DefaultShare is what a shared link carries unless told otherwise: the current weights
// (the receiver sees the network the sharer sees), and the points when they are hand-made
// (generated points come back from the settings alone).
func (s *Session) DefaultShare() Share {
	return Share{Weights: WeightsCurrent, Data: s.settings.Dataset == Custom}
}

// ShareLink returns the current settings as a link (Settings.Link) carrying what sh asks
// for. It refuses a Weights not in WeightChoices.
func (s *Session) ShareLink(sh Share) (string, error) {
	var w []float64
	switch sh.Weights {
	case WeightsNone:
	case WeightsInitial:
		w = s.initial
	case WeightsCurrent:
		w = s.net.Params()
	default:
		return "", fmt.Errorf("weights must be %s, got %q", quotedList(WeightChoices), sh.Weights)
	}
	var b strings.Builder
	b.WriteString(s.settings.Link())
	if sh.Data {
		b.WriteString("&points=")
		b.WriteString(pack(pointBytes(s.points)))
	}
	if w != nil {
		b.WriteString("&weights=")
		b.WriteString(pack(floatBytes(nil, w)))
	}
	return b.String(), nil
}

// quotedList writes names as "a", "b" or "c".
func quotedList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// carried are the keys of a link that carry state rather than settings: how each is read
// from its value's bytes (base64url decoded and decompressed) into a Link.
var carried = [...]struct {
	key  string
	read func(l *Link, b []byte) error
}{
	{"points", readPoints},
	{"weights", readWeights},
}

// maxCarried is the most bytes a carried value decompresses to: MaxPoints points (the
// largest network's parameters take far fewer).
const maxCarried = MaxPoints * pointSize

// pointSize is the bytes of one point in a link: x, y and label as float64s, and the test
// flag.
const pointSize = 3*8 + 1

// readCarried reads the value val of the carried key i into l.
func readCarried(l *Link, i int, val string) error {
	key := carried[i].key
	b, err := unpack(val)
	if err == nil {
		err = carried[i].read(l, b)
	}
	if err != nil {
		return fmt.Errorf("%s: %v", key, err)
	}
	return nil
}

// pack compresses b and writes it as base64url without padding.
func pack(b []byte) string {
	var z bytes.Buffer
	w, err := flate.NewWriter(&z, flate.BestCompression)
	if err == nil {
		_, err = w.Write(b)
	}
	if err == nil {
		err = w.Close()
	}
	if err != nil {
		panic("session: compressing into memory: " + err.Error()) // a bytes.Buffer never fails
	}
	return base64.RawURLEncoding.EncodeToString(z.Bytes())
}

// unpack reads what pack wrote, refusing text that is not base64url, compressed data that
// is damaged, cut short or followed by more, and more than maxCarried bytes.
func unpack(val string) ([]byte, error) {
	z, err := base64.RawURLEncoding.Strict().DecodeString(val)
	var corrupt base64.CorruptInputError
	if errors.As(err, &corrupt) {
		return nil, fmt.Errorf("not base64url text (A–Z, a–z, 0–9, - and _, no padding): character %d is wrong", int64(corrupt)+1)
	}
	if err != nil || len(z) == 0 {
		return nil, errors.New("no data")
	}
	src := bytes.NewReader(z)
	b, err := io.ReadAll(io.LimitReader(flate.NewReader(src), maxCarried+1))
	switch {
	case err != nil:
		return nil, errors.New("the compressed data is damaged or cut short (was the link copied whole?)")
	case len(b) > maxCarried:
		return nil, fmt.Errorf("more than %d bytes once decompressed", maxCarried)
	case src.Len() > 0:
		return nil, fmt.Errorf("%d bytes follow the compressed data", src.Len())
	}
	return b, nil
}

// floatBytes appends the little-endian bits of vs to dst.
func floatBytes(dst []byte, vs []float64) []byte {
	for _, v := range vs {
		dst = binary.LittleEndian.AppendUint64(dst, math.Float64bits(v))
	}
	return dst
}

// floats reads n little-endian float64s from b.
func floats(b []byte, n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = math.Float64frombits(binary.LittleEndian.Uint64(b[8*i:]))
	}
	return out
}

// pointBytes writes pts as a link carries them: the x's, the y's, the labels, the test flags.
func pointBytes(pts []Point) []byte {
	b := make([]byte, 0, len(pts)*pointSize)
	for _, col := range [...]func(Point) float64{
		func(p Point) float64 { return p.X }, func(p Point) float64 { return p.Y }, func(p Point) float64 { return p.Label },
	} {
		for _, p := range pts {
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(col(p)))
		}
	}
	for _, p := range pts {
		b = append(b, boolByte(p.Test))
	}
	return b
}

func boolByte(v bool) byte {
	if v {
		return 1
	}
	return 0
}

// readPoints reads the points pointBytes wrote. Their range and labels are checked where
// they are installed, against the problem.
func readPoints(l *Link, b []byte) error {
	if len(b)%pointSize != 0 {
		return fmt.Errorf("%d bytes is not a whole number of points (%d bytes each)", len(b), pointSize)
	}
	n := len(b) / pointSize
	xs, ys, labels := floats(b, n), floats(b[8*n:], n), floats(b[16*n:], n)
	l.Points = make([]Point, n)
	for i := range l.Points {
		t := b[24*n+i]
		if t > 1 {
			return fmt.Errorf("point %d's test flag is %d, not 0 or 1", i, t)
		}
		l.Points[i] = Point{X: xs[i], Y: ys[i], Label: labels[i], Test: t == 1}
	}
	return nil
}

// readWeights reads the parameters floatBytes wrote; each must be finite. Their number is
// checked against the network where they are installed.
func readWeights(l *Link, b []byte) error {
	if len(b)%8 != 0 {
		return fmt.Errorf("%d bytes is not a whole number of float64s (8 bytes each)", len(b))
	}
	l.Weights = floats(b, len(b)/8)
	for i, w := range l.Weights {
		if math.IsNaN(w) || math.IsInf(w, 0) {
			return fmt.Errorf("number %d is %s; weights must be finite", i, FormatNumber(w))
		}
	}
	return nil
}
