package interact

import "time"

// Kind says what happened.
type Kind uint8

// The kinds of event.
const (
	PointerDown   Kind = iota + 1 // a mouse button or a finger went down
	PointerMove                   // a pointer moved, pressed or hovering
	PointerUp                     // a mouse button or a finger went up
	PointerCancel                 // the browser took the pointer away; the gesture ends without effect
	PointerLeave                  // a hovering mouse left the canvas
	KeyPress                      // a key went down (or repeated while held)
	Focus                         // the canvas got keyboard focus
	Blur                          // the canvas lost keyboard focus
)

// Button is the mouse button of a pointer event; a finger is Primary.
type Button uint8

// The buttons, numbered as the DOM's PointerEvent.button.
const (
	Primary   Button = 0 // the left button, a finger, a pen
	Auxiliary Button = 1 // the middle button
	Secondary Button = 2 // the right button
)

// Mods is the set of modifier keys held during an event.
type Mods uint8

// The modifier keys.
const (
	Shift Mods = 1 << iota
	Alt
	Ctrl
	Meta
)

// Key is a key the playground answers to; every other key is KeyNone.
type Key uint8

// The keys.
const (
	KeyNone Key = iota
	KeyLeft
	KeyRight
	KeyUp
	KeyDown
	KeyDelete // Delete or Backspace
	Key1      // brush and selection label 0
	Key2      // brush and selection label 1
	KeySpace  // play or pause
	KeyS      // step one epoch
	KeyR      // reset the weights
	KeyA      // add a point at the pointer, or at the centre
	KeyEscape // close the delete offer, clear the selection
	KeyZ      // with Ctrl or Cmd: undo; with Shift too: redo
	KeyY      // with Ctrl: redo
	KeyP      // select the next parameter for the maths (with Shift, the previous)
	KeyHelp   // ? opens the help
)

// KeyFromName returns the Key for a DOM KeyboardEvent.key value ("ArrowLeft", "Delete",
// "Backspace", "1", " ", "s", …), letters in either case, and KeyNone for any other key.
func KeyFromName(name string) Key {
	switch name {
	case "ArrowLeft", "Left":
		return KeyLeft
	case "ArrowRight", "Right":
		return KeyRight
	case "ArrowUp", "Up":
		return KeyUp
	case "ArrowDown", "Down":
		return KeyDown
	case "Delete", "Del", "Backspace":
		return KeyDelete
	case "1":
		return Key1
	case "2":
		return Key2
	case " ", "Spacebar":
		return KeySpace
	case "s", "S":
		return KeyS
	case "r", "R":
		return KeyR
	case "a", "A":
		return KeyA
	case "Escape", "Esc":
		return KeyEscape
	case "z", "Z":
		return KeyZ
	case "y", "Y":
		return KeyY
	case "p", "P":
		return KeyP
	case "?":
		return KeyHelp
	}
	return KeyNone
}

// Event is one input event. Pointer events carry the position in CSS pixels of the canvas
// (the coordinates of view.Layout); key events carry the key; every event carries its time,
// measured from any fixed origin.
type Event struct {
	Kind    Kind
	Time    time.Duration
	X, Y    float64 // CSS px on the canvas (pointer events)
	Pointer int     // the pointer's id: a mouse, or one finger of a touch
	Touch   bool    // the pointer is a finger (or a pen), not a mouse
	Button  Button  // the button that went down or up
	Key     Key     // for KeyPress
	Repeat  bool    // for KeyPress: the key is held down and the system repeats it
	Mods    Mods    // modifiers held
}
