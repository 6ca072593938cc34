// Package server assembles the nnplay site and serves it.
//
// Build compiles the browser program (./wasm, GOOS=js GOARCH=wasm, stripped) into a site
// directory next to a gzip -9 copy of it, the page from web/, and the wasm_exec.js of the Go
// that compiled it. Handler serves such a directory: only files under it, with the right
// MIME types, the precompressed wasm to clients that accept gzip and text compressed on the
// fly, and no directory listings. Start runs a Handler on an address in the background.
//
// The make targets, the serve command, the end-to-end tests and the browser benchmark all
// use this package, so they build and serve the site the same way.
package server
