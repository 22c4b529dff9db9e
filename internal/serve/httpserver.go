package serve

import (
	"net/http"
	"time"
)

// NewHTTPServer returns an http.Server for h on addr with the limits a dev
// server exposed to a browser needs: a slow or stalled client cannot hold a
// connection open (header, read, write and idle timeouts), and request
// headers are capped at 64 KiB (larger gets 431). The live-reload stream
// manages its own deadlines, so the write timeout does not cut it.
//
// Close the Server's live-reload streams when shutting down, for example
// with hs.RegisterOnShutdown(srv.Close), or Shutdown waits for them.
func NewHTTPServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
}
