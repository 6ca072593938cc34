//go:build !(js && wasm)

package browser

// Frame is the frame statistics the page reports in nnplay.state().frame: the Go side of the
// last frames (update and draw without training, in ms), training time and speed, frame
// rate, how many frames it has drawn, and two extras of this page (the field's share of
// update, the Go heap in bytes).
type Frame struct {
	UpdateMs        float64  `json:"updateMs"`
	DrawMs          float64  `json:"drawMs"`
	TrainMs         float64  `json:"trainMs"`
	EpochsPerSecond float64  `json:"epochsPerSecond"`
	FPS             float64  `json:"fps"`
	Frames          int      `json:"frames"`
	FieldMs         *float64 `json:"fieldMs"`
	HeapBytes       *float64 `json:"heapBytes"`
}
