package session

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
)

// bom is the UTF-8 byte order mark some programs put before a CSV file.
var bom = []byte("\uFEFF")

// csvColumns are the columns of a data CSV file, in the order WriteCSV writes them; test
// is optional when reading.
var csvColumns = [...]string{"x", "y", "label", "test"}

// WriteCSV returns the points as CSV: the header x,y,label,test and one row per point, each
// number in the shortest form that reads back to the same float64, test as 0 or 1.
func WriteCSV(pts []Point) []byte {
	var b bytes.Buffer
	b.WriteString(strings.Join(csvColumns[:], ",") + "\n")
	for _, p := range pts {
		test := "0"
		if p.Test {
			test = "1"
		}
		fmt.Fprintf(&b, "%s,%s,%s,%s\n", formatFloat(p.X), formatFloat(p.Y), formatFloat(p.Label), test)
	}
	return b.Bytes()
}

func formatFloat(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// ReadCSV reads the points of a CSV data file for problem. Row 1 is the header: the columns
// x, y and label, and optionally test, in any order, names in any case. Every further row is
// a point: x and y in the plane, a label the problem allows (0 or 1 for classification, any
// finite number for regression), test 0, 1, true or false (false when there is no test
// column). Fields are separated by commas; CRLF line ends, a UTF-8 byte order mark, quoted
// fields and blank lines are accepted. A refusal names the row and the column:
// `row 17, label: "b" is not 0 or 1`.
func ReadCSV(text []byte, problem string) ([]Point, error) {
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(text, bom)))
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	header, err := r.Read()
	if err != nil {
		return nil, csvError(err)
	}
	header = slices.Clone(header) // the reader reuses its record
	cols, err := csvHeader(header)
	if err != nil {
		return nil, err
	}
	var pts []Point
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return pts, nil
		}
		if err != nil {
			return nil, csvError(err)
		}
		row, _ := r.FieldPos(0) // rows are the file's lines, the header's row 1
		if len(pts) == MaxPoints {
			return nil, fmt.Errorf("row %d: more than %d points", row, MaxPoints)
		}
		if len(rec) != len(header) {
			return nil, fmt.Errorf("row %d: %d fields, want %d (%s)", row, len(rec), len(header), strings.Join(header, ","))
		}
		p, err := csvPoint(rec, cols, problem)
		if err != nil {
			return nil, fmt.Errorf("row %d, %w", row, err)
		}
		pts = append(pts, p)
	}
}

// csvError words an error of the CSV reader with the row it stopped at.
func csvError(err error) error {
	if err == io.EOF {
		return errors.New("row 1: the file is empty; want the header x,y,label")
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("row %d: %v", pe.Line, pe.Err)
	}
	return err
}

// csvHeader returns where each of csvColumns is in header (-1 for a missing test column).
func csvHeader(header []string) ([len(csvColumns)]int, error) {
	cols := [len(csvColumns)]int{-1, -1, -1, -1}
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(h))
		k := -1
		for j, c := range csvColumns {
			if c == name {
				k = j
			}
		}
		switch {
		case k < 0:
			return cols, fmt.Errorf("row 1, column %d: %q is not one of x, y, label, test", i+1, h)
		case cols[k] >= 0:
			return cols, fmt.Errorf("row 1, column %d: %s appears twice", i+1, name)
		}
		cols[k] = i
	}
	for j, c := range csvColumns[:3] {
		if cols[j] < 0 {
			return cols, fmt.Errorf("row 1: no %s column; want the header x,y,label (and optionally test)", c)
		}
	}
	return cols, nil
}

// csvPoint reads one row's point; its error names the column and what is wrong.
func csvPoint(rec []string, cols [len(csvColumns)]int, problem string) (Point, error) {
	var v [3]float64
	for j := range v {
		text := strings.TrimSpace(rec[cols[j]])
		f, err := strconv.ParseFloat(text, 64)
		switch {
		case j == 2 && problem == Classification && (err != nil || f != 0 && f != 1):
			return Point{}, fmt.Errorf("label: %q is not 0 or 1", text)
		case err != nil || math.IsNaN(f) || math.IsInf(f, 0):
			return Point{}, fmt.Errorf("%s: %q is not a finite number", csvColumns[j], text)
		case j < 2 && (f < Min || f > Max):
			return Point{}, fmt.Errorf("%s: %s is outside the plane [%s, %s]", csvColumns[j], text, formatBound(Min), formatBound(Max))
		}
		v[j] = f
	}
	p := Point{X: v[0], Y: v[1], Label: v[2]}
	if c := cols[3]; c >= 0 {
		switch strings.ToLower(strings.TrimSpace(rec[c])) {
		case "1", "true":
			p.Test = true
		case "0", "false":
		default:
			return Point{}, fmt.Errorf("test: %q is not 0, 1, true or false", strings.TrimSpace(rec[c]))
		}
	}
	return p, nil
}
