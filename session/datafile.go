package session

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
)

// DataFormat is the format tag of a data file.
const DataFormat = "nnplay.data/1"

// DataFile is a data file as the page saves it: the problem its labels are for and the
// points.
type DataFile struct {
	Format  string  `json:"format"`
	Problem string  `json:"problem"`
	Points  []Point `json:"points"`
}

// EncodeData returns the points as a nnplay.data/1 JSON file for problem, one point to a line
// (see appendData).
func EncodeData(problem string, pts []Point) []byte {
	return append(appendData(make([]byte, 0, 64+72*len(pts)), problem, pts), '\n')
}

// appendData appends the points as a nnplay.data/1 object for problem, one point to a line:
// what encoding/json writes of a DataFile, but with strconv's shortest 'g' numbers (read back
// bit for bit) and several times faster, for the files the page saves and the kept session.
func appendData(b []byte, problem string, pts []Point) []byte {
	b = append(b, `{"format":"`+DataFormat+`","problem":`...)
	b = strconv.AppendQuote(b, problem)
	b = append(b, `,"points":[`...)
	for i, p := range pts {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n"+`{"x":`...)
		b = strconv.AppendFloat(b, p.X, 'g', -1, 64)
		b = append(b, `,"y":`...)
		b = strconv.AppendFloat(b, p.Y, 'g', -1, 64)
		b = append(b, `,"label":`...)
		b = strconv.AppendFloat(b, p.Label, 'g', -1, 64)
		b = append(b, `,"test":`...)
		b = strconv.AppendBool(b, p.Test)
		b = append(b, '}')
	}
	return append(b, "]}"...)
}

// ParseData reads the points of a data file for problem: CSV (see ReadCSV), a nnplay.data/1
// JSON object or a JSON list of points (see ParsePoints), told apart by their first
// character. A JSON file of the other problem is refused; the points' ranges and labels are
// checked when they are installed (ReadCSV checks its own, to name the row).
func ParseData(text []byte, problem string) ([]Point, error) {
	t := bytes.TrimLeft(bytes.TrimPrefix(text, bom), " \t\r\n")
	if len(t) == 0 || t[0] != '{' && t[0] != '[' {
		return ReadCSV(text, problem)
	}
	var v any
	if err := json.Unmarshal(t, &v); err != nil {
		return nil, fmt.Errorf("it is not JSON (%v)", err)
	}
	if t[0] == '[' {
		return ParsePoints(t)
	}
	var f struct {
		Format  string          `json:"format"`
		Problem *string         `json:"problem"`
		Points  json.RawMessage `json:"points"`
	}
	if json.Unmarshal(t, &f) != nil || f.Format != DataFormat || len(f.Points) == 0 || f.Points[0] != '[' {
		return nil, fmt.Errorf(`it is not a data file: want {"format": %q, "points": [{x, y, label, test}, …]}, a list of points, or CSV with the header x,y,label`, DataFormat)
	}
	if f.Problem != nil && *f.Problem != problem {
		return nil, fmt.Errorf("it holds %s data; choose the problem %s first (this playground is set to %s)", *f.Problem, *f.Problem, problem)
	}
	return ParsePoints(f.Points)
}

// ImportData replaces the points with those of a data file (see ParseData), as SetData does:
// one undo step; a refused file changes nothing.
func (s *Session) ImportData(text []byte) error {
	pts, err := ParseData(text, s.settings.Problem)
	if err != nil {
		return err
	}
	return s.replaceData("import data", pts)
}

// ParsePoints decodes a JSON array of points {x, y, label, test}: x, y and label numbers,
// test true or false if present; other keys are ignored. Ranges are checked when the points
// are installed.
func ParsePoints(data []byte) ([]Point, error) {
	var raw []map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil || raw == nil {
		var list []json.RawMessage
		if json.Unmarshal(data, &list) == nil && list != nil {
			for i, item := range list {
				var obj map[string]json.RawMessage
				if json.Unmarshal(item, &obj) != nil || obj == nil {
					return nil, fmt.Errorf("points[%d] must be an object {x, y, label, test}, got %s", i, Excerpt(item))
				}
			}
		}
		return nil, fmt.Errorf("points must be an array of {x, y, label, test}, got %s", Excerpt(data))
	}
	if len(raw) > MaxPoints {
		return nil, fmt.Errorf("at most %d points, got %d", MaxPoints, len(raw))
	}
	pts := make([]Point, len(raw))
	for i, obj := range raw {
		for _, f := range [...]struct {
			name string
			dst  *float64
		}{{"x", &pts[i].X}, {"y", &pts[i].Y}, {"label", &pts[i].Label}} {
			v, ok := obj[f.name]
			if !ok {
				return nil, fmt.Errorf("points[%d] has no %s", i, f.name)
			}
			if err := json.Unmarshal(v, f.dst); err != nil || string(v) == "null" {
				return nil, fmt.Errorf("points[%d].%s must be a number, got %s", i, f.name, Excerpt(v))
			}
		}
		if v, ok := obj["test"]; ok {
			if err := json.Unmarshal(v, &pts[i].Test); err != nil || string(v) == "null" {
				return nil, fmt.Errorf("points[%d].test must be true or false, got %s", i, Excerpt(v))
			}
		}
	}
	return pts, nil
}
