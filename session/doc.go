// Package session is the state of one playground: the data (generated or hand-made points
// with a train/test split), the settings, the network built from them, training with
// divergence detection, the loss history and many levels of undo and redo.
//
// It imports nn and the standard library only; it knows nothing of pixels or browsers, so
// everything a user can do in the page can be done, and tested, here.
//
// # Data
//
// Generate makes the data sets circle, xor, gauss and spiral (classification, labels 0 and
// 1) and plane and gauss-multi (regression, labels in [−1, 1]) over the plane [−6, 6]², from
// dataSeed alone, so the same settings give the same points. Hand edits (AddPoint,
// MovePoint, DeletePoint, SetLabel) and SetData make the data set Custom and keep the
// weights.
//
// # Undo
//
// Every edit of the data, the settings or the weights is a step Undo reverts and Redo
// re-applies: each call, or each gesture's calls together (Group). Undo reverts the edit
// itself and keeps the training since, except that an edit which replaced the whole
// network (a rebuild, LoadModel, Reset) brings back that network, epoch and history. The
// history keeps UndoLevels steps within UndoBudget bytes, forgetting the oldest.
//
// # Settings
//
// Specs is the table of settings: each one's name, kind, range or choices, effects and link
// key. Validate, ParsePatch (the scripting API's JSON), Configure, Link and ParseLink and
// the JSON of Settings all read it. Configure applies a Patch atomically; a change does its
// setting's effects: training settings keep the weights, shape settings rebuild the network
// from seed, and generation settings regenerate the data (see Configure for the details).
//
// To add a setting: its field in Settings (and its value in DefaultSettings), its entry in
// specs (table.go), and on the page its control with data-setting="name".
//
// # Training
//
// Step trains whole epochs and allocates nothing; Record, once per drawn frame, evaluates
// the current weights and adds a sample to the bounded History. A Pacer turns the speed
// setting into each frame's work, which TrainFor (or Advance, both together) carries out
// within a time budget. A step that would make the weights or the training loss non-finite
// restores the weights from before that epoch, pauses, and leaves a message in Err.
package session
