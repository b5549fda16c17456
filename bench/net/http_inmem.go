// The per-request work of an HTTP server without sockets (bench/NET.md): http.ReadRequest,
// a handler writing through httptest.ResponseRecorder, Header.Write and the Date header, N times
// (os.Args[1]); prints the time per request. Isolates the VM + net/http cost from the poller's.
package main

import (
	"bufio"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"time"
)

func main() {
	const raw = "GET / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUser-Agent: wrk\r\n\r\n"
	h := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprintf(w, "hello from %s\n", r.URL.Path)
	}
	n, _ := strconv.Atoi(os.Args[1])
	t0 := time.Now()
	for i := 0; i < n; i++ {
		req, err := http.ReadRequest(bufio.NewReader(strings.NewReader(raw)))
		if err != nil {
			panic(err)
		}
		rec := httptest.NewRecorder()
		h(rec, req)
		var sb strings.Builder
		rec.Result().Header.Write(&sb)
		_ = time.Now().UTC().Format(http.TimeFormat)
	}
	d := time.Since(t0)
	fmt.Printf("%.1f us per request\n", float64(d.Microseconds())/float64(n))
}
