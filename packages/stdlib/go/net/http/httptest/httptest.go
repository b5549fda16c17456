// gort standard library: package net/http/httptest

// Package httptest provides a test server and a response recorder.
package httptest

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
)

// Server is an HTTP server on a loopback port, for tests.
type Server struct {
	URL      string
	Listener net.Listener
	Config   *http.Server
}

// NewServer starts a server for handler.
func NewServer(handler http.Handler) *Server {
	ts := NewUnstartedServer(handler)
	ts.Start()
	return ts
}

// NewUnstartedServer returns a server that Start starts.
func NewUnstartedServer(handler http.Handler) *Server {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic("httptest: failed to listen on a port: " + err.Error())
	}
	return &Server{Listener: l, Config: &http.Server{Handler: handler}}
}

// Start serves in the background.
func (s *Server) Start() {
	s.URL = "http://" + s.Listener.Addr().String()
	go s.Config.Serve(s.Listener)
}

// Close shuts the server down.
func (s *Server) Close() {
	s.Config.Close()
	if t, ok := http.DefaultTransport.(*http.Transport); ok {
		t.CloseIdleConnections()
	}
}

// Client returns a client for the server.
func (s *Server) Client() *http.Client { return &http.Client{} }

// ResponseRecorder records a handler's response.
type ResponseRecorder struct {
	Code        int
	HeaderMap   http.Header
	Body        *bytes.Buffer
	Flushed     bool
	wroteHeader bool
	snapHeader  http.Header
}

// NewRecorder returns an initialized ResponseRecorder.
func NewRecorder() *ResponseRecorder {
	return &ResponseRecorder{HeaderMap: make(http.Header), Body: new(bytes.Buffer), Code: 200}
}

func (rw *ResponseRecorder) Header() http.Header { return rw.HeaderMap }

func (rw *ResponseRecorder) writeHeader(b []byte, str string) {
	if rw.wroteHeader {
		return
	}
	if len(str) > 512 {
		str = str[:512]
	}
	m := rw.Header()
	_, hasType := m["Content-Type"]
	hasTE := m.Get("Transfer-Encoding") != ""
	if !hasType && !hasTE {
		if b == nil {
			b = []byte(str)
		}
		m.Set("Content-Type", http.DetectContentType(b))
	}
	rw.WriteHeader(200)
}

func (rw *ResponseRecorder) Write(buf []byte) (int, error) {
	rw.writeHeader(buf, "")
	if rw.Body != nil {
		rw.Body.Write(buf)
	}
	return len(buf), nil
}

func (rw *ResponseRecorder) WriteString(str string) (int, error) {
	rw.writeHeader(nil, str)
	if rw.Body != nil {
		rw.Body.WriteString(str)
	}
	return len(str), nil
}

func (rw *ResponseRecorder) WriteHeader(code int) {
	if rw.wroteHeader {
		return
	}
	rw.Code = code
	rw.wroteHeader = true
	rw.snapHeader = rw.HeaderMap.Clone()
}

func (rw *ResponseRecorder) Flush() {
	if !rw.wroteHeader {
		rw.WriteHeader(200)
	}
	rw.Flushed = true
}

// Result returns the recorded response.
func (rw *ResponseRecorder) Result() *http.Response {
	if rw.snapHeader == nil {
		rw.snapHeader = rw.HeaderMap.Clone()
	}
	res := &http.Response{
		Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1, StatusCode: rw.Code, Header: rw.snapHeader,
	}
	if res.StatusCode == 0 {
		res.StatusCode = 200
	}
	res.Status = strconv.Itoa(res.StatusCode) + " " + http.StatusText(res.StatusCode)
	if rw.Body != nil {
		res.Body = io.NopCloser(bytes.NewReader(rw.Body.Bytes()))
	} else {
		res.Body = http.NoBody
	}
	res.ContentLength = -1
	if cl := res.Header.Get("Content-Length"); cl != "" {
		res.ContentLength, _ = strconv.ParseInt(cl, 10, 64)
	}
	return res
}

// NewRequest returns a server request for handler tests ("GET", "/path", body).
func NewRequest(method, target string, body io.Reader) *http.Request {
	if method == "" {
		method = "GET"
	}
	var b strings.Builder
	b.WriteString(method + " " + target + " HTTP/1.0\r\n\r\n")
	req, err := http.ReadRequest(bufio.NewReader(strings.NewReader(b.String())))
	if err != nil {
		panic("invalid NewRequest arguments; " + err.Error())
	}
	req.Proto, req.ProtoMajor, req.ProtoMinor = "HTTP/1.1", 1, 1
	req.Close = false
	req.Host = "example.com"
	if body != nil {
		if rc, ok := body.(io.ReadCloser); ok {
			req.Body = rc
		} else {
			req.Body = io.NopCloser(body)
		}
		switch v := body.(type) {
		case *bytes.Buffer:
			req.ContentLength = int64(v.Len())
		case *bytes.Reader:
			req.ContentLength = int64(v.Len())
		case *strings.Reader:
			req.ContentLength = int64(v.Len())
		default:
			req.ContentLength = -1
		}
	}
	req.RemoteAddr = "192.0.2.1:1234"
	if req.Host == "" {
		req.Host = "example.com"
	}
	return req
}
