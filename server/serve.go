package server

import (
	"fmt"
	"net"
	"net/http"
	"time"
)

// listen opens a TCP listener on addr, with a message that says what to do when the port
// is taken.
func listen(addr string) (net.Listener, error) {
	if _, _, err := net.SplitHostPort(addr); err != nil {
		return nil, fmt.Errorf("server: address %q: want host:port, such as 127.0.0.1:8080: %w", addr, err)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("server: cannot listen on %s (is another server using it? choose another with ADDR=host:port): %w", addr, err)
	}
	return ln, nil
}

// Server is a Handler listening on an address, started by Start.
type Server struct {
	// URL is the site's address, such as "http://127.0.0.1:8080/".
	URL string
	srv *http.Server
	err chan error
}

// Start serves root on addr (host:port; port 0 picks a free one) in the background.
func Start(addr, root string) (*Server, error) {
	h, err := NewHandler(root)
	if err != nil {
		return nil, err
	}
	ln, err := listen(addr)
	if err != nil {
		return nil, err
	}
	s := &Server{
		URL: "http://" + ln.Addr().String() + "/",
		srv: &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second},
		err: make(chan error, 1),
	}
	go func() { s.err <- s.srv.Serve(ln) }()
	return s, nil
}

// Wait blocks until the server stops and returns why (http.ErrServerClosed after Close).
func (s *Server) Wait() error { return <-s.err }

// Close stops the server at once.
func (s *Server) Close() error { return s.srv.Close() }
