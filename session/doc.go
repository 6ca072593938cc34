// Package session is the state of one playground: the data (generated or hand-made points
// with a train/test split), the settings, the network built from them, training with
// divergence detection, the loss history and one step of undo for wholesale data changes.
//
// It imports nn and the standard library only; it knows nothing of pixels or browsers, so
// everything a user can do in the page can be done, and tested, here.
package session
