// An HTTP server for bench/net.mjs (wrk): listens on os.Args[1] (default 127.0.0.1:0; os.Args[2]: exit after that many seconds), prints
// "listening ADDR" and answers every request with a short text body.
package main

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"strconv"
	"time"
)

func main() {
	addr := "127.0.0.1:0"
	if len(os.Args) > 1 {
		addr = os.Args[1]
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println("listening", ln.Addr())
	if len(os.Args) > 2 {
		// a run limit (profiling): exit after that many seconds
		secs, _ := strconv.Atoi(os.Args[2])
		time.AfterFunc(time.Duration(secs)*time.Second, func() { os.Exit(0) })
	}
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprintf(w, "hello from %s\n", r.URL.Path)
	})
	fmt.Fprintln(os.Stderr, http.Serve(ln, nil))
	os.Exit(1)
}
