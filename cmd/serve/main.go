// Command serve builds the nnplay site and serves it on a loopback address.
//
// Usage:
//
//	go run ./cmd/serve [-addr 127.0.0.1:8080] [-root dist] [-build=true] [-serve=true]
//
// With -build (the default) it first compiles the browser program and assembles the site
// into -root (see nnplay/server.Build); then it prints "nnplay: serving http://ADDR/" and
// serves until interrupted. With -serve=false it stops after building (make build).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"nnplay/server"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "nnplay:", err)
		os.Exit(1)
	}
}

// hooks are the side effects run uses, swapped by tests.
var (
	build = server.Build
	start = server.Start
)

// run parses args, builds and serves until ctx ends or a signal arrives.
func run(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (host:port; loopback by default)")
	root := fs.String("root", "dist", "directory of the site to serve")
	doBuild := fs.Bool("build", true, "build the site into -root before serving")
	doServe := fs.Bool("serve", true, "serve the site (false: only build it)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q; flags are -addr, -root, -build and -serve", fs.Args())
	}
	if !*doBuild && !*doServe {
		return errors.New("nothing to do: -build=false and -serve=false")
	}
	if *doBuild {
		fmt.Fprintf(out, "nnplay: building %s\n", *root)
		t0 := time.Now()
		if err := build(*root); err != nil {
			return err
		}
		fmt.Fprintf(out, "nnplay: built in %.1fs\n", time.Since(t0).Seconds())
	}
	if !*doServe {
		return nil
	}
	s, err := start(*addr, *root)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "nnplay: serving %s\n", s.URL)

	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	done := make(chan error, 1)
	go func() { done <- s.Wait() }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		s.Close()
		if err := <-done; !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	}
}
