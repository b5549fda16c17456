// A program combining a TCP echo server and client, a net/http server with http.Get/Post
// clients, timers (time.After, Ticker, AfterFunc, Timer.Reset/Stop) and file operations, all
// on loopback and a temporary directory, printing only deterministic facts.
package main

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
)

func check(err error) {
	if err != nil {
		panic(err)
	}
}

// tcpEcho: a server that answers each line in upper case, three concurrent clients.
func tcpEcho() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	check(err)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func(c net.Conn) {
				defer c.Close()
				r := bufio.NewReader(c)
				for {
					line, err := r.ReadString('\n')
					if err != nil {
						return
					}
					c.Write([]byte(strings.ToUpper(line)))
				}
			}(c)
		}
	}()
	var wg sync.WaitGroup
	results := make([]string, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			c, err := net.Dial("tcp", ln.Addr().String())
			check(err)
			defer c.Close()
			r := bufio.NewReader(c)
			var got []string
			for j := 0; j < 3; j++ {
				fmt.Fprintf(c, "client %d message %d\n", i, j)
				line, err := r.ReadString('\n')
				check(err)
				got = append(got, strings.TrimSpace(line))
			}
			results[i] = strings.Join(got, " | ")
		}(i)
	}
	wg.Wait()
	for _, r := range results {
		fmt.Println("tcp:", r)
	}
	ln.Close()
}

// httpServer: a ServeMux with GET and POST handlers, called by http.Get and http.Post.
func httpServer(dir string) {
	mux := http.NewServeMux()
	mux.HandleFunc("/greet", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintf(w, "hello, %s\n", r.URL.Query().Get("name"))
	})
	mux.HandleFunc("/save", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			http.Error(w, "POST only", http.StatusMethodNotAllowed)
			return
		}
		body, err := io.ReadAll(r.Body)
		check(err)
		// the handler stores the body in the temporary directory
		check(os.WriteFile(filepath.Join(dir, "posted.txt"), body, 0o644))
		w.WriteHeader(http.StatusCreated)
		fmt.Fprintf(w, "saved %d bytes", len(body))
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	check(err)
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)
	base := "http://" + ln.Addr().String()

	resp, err := http.Get(base + "/greet?name=gopher")
	check(err)
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Printf("http GET: %s %q %q\n", resp.Status, resp.Header.Get("Content-Type"), b)

	resp, err = http.Post(base+"/save", "text/plain", strings.NewReader("posted through net/http"))
	check(err)
	b, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Printf("http POST: %s %q\n", resp.Status, b)

	resp, err = http.Get(base + "/save")
	check(err)
	b, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Printf("http GET /save: %d %q\n", resp.StatusCode, b)

	resp, err = http.Get(base + "/missing")
	check(err)
	resp.Body.Close()
	fmt.Println("http GET /missing:", resp.StatusCode)
	srv.Close()
}

// timers: After, Ticker, AfterFunc, Reset and Stop (one after another, so the order is fixed).
func timers() {
	var mu sync.Mutex
	var events []string
	add := func(s string) {
		mu.Lock()
		events = append(events, s)
		mu.Unlock()
	}
	stopped := time.AfterFunc(time.Hour, func() { add("never") })
	fmt.Println("timer: Stop before firing:", stopped.Stop())

	t := time.NewTimer(time.Hour)
	fmt.Println("timer: Reset of an active timer:", t.Reset(15*time.Millisecond))
	<-t.C
	add("reset timer")
	fmt.Println("timer: Stop after firing:", t.Stop())

	tk := time.NewTicker(5 * time.Millisecond)
	ticks := 0
	for range tk.C {
		ticks++
		if ticks == 3 {
			break
		}
	}
	tk.Stop()
	add(fmt.Sprintf("ticker x%d", ticks))

	fired := make(chan bool)
	time.AfterFunc(10*time.Millisecond, func() {
		add("afterfunc")
		fired <- true
	})
	<-fired

	start := time.Now()
	<-time.After(20 * time.Millisecond)
	add("after")
	fmt.Println("timer: time.After waited at least 20ms:", time.Since(start) >= 20*time.Millisecond)
	mu.Lock()
	fmt.Println("timer: events:", strings.Join(events, ", "))
	mu.Unlock()
}

// files: MkdirTemp, CreateTemp, write, read back, Stat, ReadDir, Rename, Remove.
func files(dir string) {
	f, err := os.CreateTemp(dir, "data-*.txt")
	check(err)
	fmt.Println("file: temp name pattern ok:", strings.HasPrefix(filepath.Base(f.Name()), "data-") && strings.HasSuffix(f.Name(), ".txt"))
	n, err := f.WriteString("line one\nline two\n")
	check(err)
	fmt.Println("file: wrote", n, "bytes")
	check(f.Close())

	b, err := os.ReadFile(f.Name())
	check(err)
	fmt.Printf("file: read back %q\n", b)

	fi, err := os.Stat(f.Name())
	check(err)
	fmt.Println("file: stat size", fi.Size(), "dir", fi.IsDir(), "mode", fi.Mode())

	renamed := filepath.Join(dir, "renamed.txt")
	check(os.Rename(f.Name(), renamed))
	check(os.Mkdir(filepath.Join(dir, "sub"), 0o755))

	entries, err := os.ReadDir(dir)
	check(err)
	var names []string
	for _, e := range entries {
		names = append(names, fmt.Sprintf("%s(dir=%v)", e.Name(), e.IsDir()))
	}
	sort.Strings(names)
	fmt.Println("file: dir holds", strings.Join(names, " "))

	check(os.Remove(renamed))
	_, err = os.Stat(renamed)
	fmt.Println("file: stat after remove:", os.IsNotExist(err), strings.Replace(err.Error(), dir, "$TMP", 1))
	posted, err := os.ReadFile(filepath.Join(dir, "posted.txt"))
	check(err)
	fmt.Printf("file: the HTTP handler wrote %q\n", posted)
}

func main() {
	dir, err := os.MkdirTemp("", "gort-combined-*")
	check(err)
	defer os.RemoveAll(dir)
	fi, err := os.Stat(dir)
	check(err)
	fmt.Println("tempdir is a directory:", fi.IsDir())

	tcpEcho()
	httpServer(dir)
	timers()
	files(dir)

	check(os.RemoveAll(dir))
	_, err = os.Stat(dir)
	fmt.Println("tempdir removed:", os.IsNotExist(err))
}
