package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/hello", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "hello %s (%s)\n", r.URL.Query().Get("name"), r.Method)
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		for i := 0; i < 1000; i++ {
			fmt.Fprintf(w, "line %d\n", i)
		}
	})
	mux.HandleFunc("/echo", func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		w.WriteHeader(http.StatusCreated)
		w.Write([]byte(strings.ToUpper(string(b))))
	})
	mux.HandleFunc("/form", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, r.FormValue("a"), r.FormValue("b"))
	})
	mux.HandleFunc("/err", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "bad thing", http.StatusTeapot)
	})
	mux.Handle("/dir/", http.StripPrefix("/dir", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "in dir:", r.URL.Path)
	})))
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)
	base := "http://" + ln.Addr().String()
	show := func(resp *http.Response, err error) {
		if err != nil {
			fmt.Println("error:", strings.Replace(err.Error(), ln.Addr().String(), "ADDR", -1))
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Println(resp.Status, resp.Proto, resp.ContentLength, resp.Header.Get("Content-Type"), len(resp.Header.Get("Date")) > 0)
		s := string(b)
		if len(s) > 40 {
			s = s[:20] + "..." + s[len(s)-20:]
		}
		fmt.Printf("%q\n", s)
	}
	show(http.Get(base + "/hello?name=gopher"))
	show(http.Get(base + "/big"))
	show(http.Post(base+"/echo", "text/plain", strings.NewReader("shout this")))
	show(http.PostForm(base+"/form?a=1", map[string][]string{"b": {"two"}}))
	show(http.Get(base + "/err"))
	show(http.Get(base + "/nope"))
	show(http.Get(base + "/dir"))
	show(http.Get(base + "/dir/x/y"))
	show(http.Head(base + "/hello"))
	srv.Close()
	show(http.Get(base + "/hello"))

	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, httptest.NewRequest("GET", "/hello?name=rec", nil))
	fmt.Println(rec.Code, rec.Body.String(), rec.Result().Header.Get("Content-Type"))
	ts := httptest.NewServer(mux)
	show(http.Get(ts.URL + "/hello?name=ts"))
	ts.Close()
}
