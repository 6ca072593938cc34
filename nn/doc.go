// Package nn is the mathematics of nnplay: a small, fully connected neural network on flat
// float64 slices, trained by exact backpropagation.
//
// The forward pass of every layer is z = W·a + b followed by an activation at every node;
// hidden layers use a chosen activation (sigmoid by default) and the output layer uses
// sigmoid for classification or linear for regression. Training follows the per-sample error
// signal ∂L/∂ŷ = ŷ − y, the gradient of ½(y − ŷ)², and the chain rule
// ∂L/∂w = ∂L/∂ŷ · ∂ŷ/∂a · ∂a/∂z · ∂z/∂w through every layer. The reported loss is the mean
// squared error (1/n)·Σ(y − ŷ)².
//
// The package uses the standard library only; it knows nothing of pixels or browsers.
// A training step and a forward pass allocate nothing.
package nn
