// Package nn is the mathematics of nnplay: a small, fully connected neural network on flat
// float64 slices, trained by exact backpropagation.
//
// The forward pass of every layer is z = W·a + b followed by an activation at every node;
// hidden layers use a chosen activation (sigmoid by default) and the output layer uses
// sigmoid for classification or linear for regression (Network.Activation says which layer
// uses which). Each activation's value and derivative are one pair (Activation.Value,
// Activation.Deriv), and so are the loss's (Loss, LossDeriv). Training follows the
// per-sample error signal ∂L/∂ŷ = ŷ − y, the gradient of ½(y − ŷ)², and the chain rule
// ∂L/∂w = ∂L/∂ŷ · ∂ŷ/∂a · ∂a/∂z · ∂z/∂w through every layer. The reported loss is the mean
// squared error (1/n)·Σ(y − ŷ)².
//
// Network.TraceInto is the reference implementation: the formulas node by node, writing
// every z, a and δ of one sample into a Trace. Forward, Backward and TrainBatch compute the
// same layer by layer on flat slices, several samples side by side, in the same order of
// operations, and the tests hold them to the reference bit for bit. Every product that is
// added to something is rounded first (float64(x*y)), so that no compiler fuses it into a
// multiply-add: the results are the same bits on every processor and under WebAssembly
// (TestNoFusedMultiplyAdd reads the compiled code for the five processors where Go fuses).
//
// The package uses the standard library only; it knows nothing of pixels or browsers.
// A training step, a forward pass and a trace allocate nothing.
package nn
