// Package interact turns plain input events — pointer presses, moves and releases, key
// presses, focus changes — into edits of a session and changes of the view's interaction
// state (view.UI). Mouse and touch look the same to it: both arrive as pointer events in CSS
// pixels of the canvas, told apart only where the gestures differ (a long press offers
// delete on touch; the right button or alt deletes with a mouse).
//
// The gestures:
//   - press on a point and move: drag it (clamped inside the plane; training goes on and the
//     weights are never reset);
//   - press on empty plot and release without moving: add a training point of the brush
//     class (for regression, the brush value);
//   - alt-click on a point: delete it;
//   - right-click, or a touch long press (LongPress without moving), on a point: open its
//     menu (view.UI.Menu, view.MenuRect): Delete deletes, the relabel item gives the point
//     the other class (regression: the brush's value), a press elsewhere closes it, and
//     moving the finger after the long press still drags;
//   - keys while the canvas has focus: an arrow selects the nearest point in its direction
//     (within 45° either side; with nothing selected, the point nearest the centre),
//     shift+arrows move the selected point by KeyStep (shift+ctrl, shift+alt or shift+meta by
//     KeyBigStep), 1 and 2 set the brush to 0 and 1 and relabel the selection, Delete and
//     Backspace delete the selection, a adds a point at the pointer (or the centre), Escape
//     closes the offer and clears the selection, space plays or pauses, s steps one epoch,
//     r resets the weights, ? asks the page for its help. Held down, only the arrows and s
//     repeat.
//
// Time comes with the events and with Tick, never from a clock of its own, so tests drive
// gestures with a fake clock. The package imports session and view, never Ebiten or
// syscall/js; handling an event and a Tick allocate nothing.
package interact
