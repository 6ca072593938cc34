package server

import (
	"fmt"
	"net"
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
