// gort standard library: package net/http

package http

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/url"
	"os"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// A Handler responds to an HTTP request.
type Handler interface {
	ServeHTTP(ResponseWriter, *Request)
}

// HandlerFunc adapts a function to a Handler.
type HandlerFunc func(ResponseWriter, *Request)

func (f HandlerFunc) ServeHTTP(w ResponseWriter, r *Request) { f(w, r) }

// ResponseWriter builds an HTTP response.
type ResponseWriter interface {
	Header() Header
	Write([]byte) (int, error)
	WriteHeader(statusCode int)
}

// Flusher sends buffered data to the client.
type Flusher interface {
	Flush()
}

// ErrServerClosed is returned by Serve after Shutdown or Close.
var ErrServerClosed = errors.New("http: Server closed")

// ErrHandlerTimeout, ErrBodyNotAllowed and ErrAbortHandler as in Go.
var (
	ErrBodyNotAllowed = errors.New("http: request method or response status code does not allow body")
	ErrAbortHandler   = errors.New("net/http: abort Handler")
)

// bufferBeforeChunking: a handler that writes no more than this (and sets no Content-Length)
// gets a Content-Length header; more output is sent chunked.
const bufferBeforeChunking = 2048

type response struct {
	conn          *serverConn
	req           *Request
	header        Header
	status        int
	wroteHeader   bool
	headerSent    bool
	buf           []byte // output before the header goes out
	chunked       bool
	contentLength int64 // from the handler's Content-Length header, -1 if none
	written       int64
	closeAfter    bool
	cw            *chunkedWriter
}

func (w *response) Header() Header { return w.header }

func (w *response) WriteHeader(code int) {
	if w.wroteHeader {
		caller := ""
		log.Printf("http: superfluous response.WriteHeader call%s", caller)
		return
	}
	if code < 100 || code > 999 {
		panic(fmt.Sprintf("invalid WriteHeader code %v", code))
	}
	w.wroteHeader = true
	w.status = code
	if cl := w.header.Get("Content-Length"); cl != "" {
		if v, err := strconv.ParseInt(cl, 10, 64); err == nil && v >= 0 {
			w.contentLength = v
		}
	}
}

func bodyAllowed(status int) bool {
	return !(status >= 100 && status <= 199 || status == 204 || status == 304)
}

func (w *response) Write(p []byte) (int, error) {
	if !w.wroteHeader {
		w.WriteHeader(StatusOK)
	}
	if len(p) == 0 {
		return 0, nil
	}
	if !bodyAllowed(w.status) {
		return 0, ErrBodyNotAllowed
	}
	if w.contentLength >= 0 && w.written+int64(len(p)) > w.contentLength {
		return 0, errors.New("http: wrote more than the declared Content-Length")
	}
	w.written += int64(len(p))
	if w.req.Method == "HEAD" {
		if !w.headerSent && len(w.buf) < 512 {
			w.buf = append(w.buf, p...)
		}
		return len(p), nil
	}
	if !w.headerSent {
		if len(w.buf)+len(p) <= bufferBeforeChunking {
			w.buf = append(w.buf, p...)
			return len(p), nil
		}
		w.sendHeader(false)
	}
	if w.chunked {
		return w.cw.Write(p)
	}
	return w.conn.bw.Write(p)
}

func (w *response) WriteString(s string) (int, error) { return w.Write([]byte(s)) }

// sendHeader writes the status line and headers; final: the handler has returned, so the
// whole body is in buf.
func (w *response) sendHeader(final bool) {
	if w.headerSent {
		return
	}
	w.headerSent = true
	h := w.header
	bw := w.conn.bw
	code := w.status
	text := StatusText(code)
	if text == "" {
		text = "status code " + strconv.Itoa(code)
	}
	bw.WriteString("HTTP/1.1 " + strconv.Itoa(code) + " " + text + "\r\n")
	if bodyAllowed(code) && h.Get("Content-Type") == "" && h.Get("Transfer-Encoding") == "" && len(w.buf) > 0 {
		if _, haveType := h["Content-Type"]; !haveType {
			h.Set("Content-Type", DetectContentType(w.buf))
		}
	}
	if h.Get("Date") == "" {
		h.Set("Date", httpDate(time.Now()))
	}
	if w.contentLength < 0 && bodyAllowed(code) {
		if final && w.req.Method != "HEAD" {
			h.Set("Content-Length", strconv.Itoa(len(w.buf)))
			w.contentLength = int64(len(w.buf))
		} else if final && w.req.Method == "HEAD" && w.written > 0 {
			h.Set("Content-Length", strconv.FormatInt(w.written, 10))
		} else if w.req.ProtoAtLeast(1, 1) && w.req.Method != "HEAD" {
			h.Set("Transfer-Encoding", "chunked")
			w.chunked = true
		} else {
			w.closeAfter = true
		}
	}
	if w.req.Close || strings.EqualFold(h.Get("Connection"), "close") {
		w.closeAfter = true
	}
	if w.closeAfter && h.Get("Connection") == "" {
		h.Set("Connection", "close")
	}
	h.Write(bw)
	bw.WriteString("\r\n")
	if w.chunked {
		w.cw = &chunkedWriter{bw}
	}
	if len(w.buf) > 0 && w.req.Method != "HEAD" {
		if w.chunked {
			w.cw.Write(w.buf)
		} else {
			bw.Write(w.buf)
		}
	}
	w.buf = nil
}

// Flush sends what has been written so far.
func (w *response) Flush() {
	if !w.wroteHeader {
		w.WriteHeader(StatusOK)
	}
	w.sendHeader(false)
	w.conn.bw.Flush()
}

func (w *response) finish() {
	if !w.wroteHeader {
		w.WriteHeader(StatusOK)
	}
	w.sendHeader(true)
	if w.chunked {
		w.cw.Close()
	}
	w.conn.bw.Flush()
}

// ProtoAtLeast reports whether the request's protocol is at least major.minor.
func (r *Request) ProtoAtLeast(major, minor int) bool {
	return r.ProtoMajor > major || r.ProtoMajor == major && r.ProtoMinor >= minor
}

type serverConn struct {
	srv  *Server
	c    net.Conn
	br   *bufio.Reader
	bw   *bufio.Writer
}

func (sc *serverConn) serve() {
	defer sc.c.Close()
	for {
		if d := sc.srv.ReadTimeout; d > 0 {
			sc.c.SetReadDeadline(time.Now().Add(d))
		} else if d := sc.srv.IdleTimeout; d > 0 {
			sc.c.SetReadDeadline(time.Now().Add(d))
		}
		req, err := ReadRequest(sc.br)
		if err != nil {
			if err != io.EOF && err != io.ErrUnexpectedEOF {
				if ne, ok := err.(net.Error); !ok || !ne.Timeout() {
					io.WriteString(sc.c, "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n400 Bad Request")
				}
			}
			return
		}
		sc.c.SetReadDeadline(time.Time{})
		req.RemoteAddr = sc.c.RemoteAddr().String()
		ctx := context.WithValue(context.Background(), ServerContextKey, sc.srv)
		ctx = context.WithValue(ctx, LocalAddrContextKey, sc.c.LocalAddr())
		req.ctx = ctx
		if d := sc.srv.WriteTimeout; d > 0 {
			sc.c.SetWriteDeadline(time.Now().Add(d))
		}
		w := &response{conn: sc, req: req, header: make(Header), contentLength: -1}
		handler := sc.srv.Handler
		if handler == nil {
			handler = DefaultServeMux
		}
		if req.RequestURI == "*" && req.Method == "OPTIONS" {
			handler = globalOptionsHandler{}
		}
		if !sc.runHandler(handler, w, req) {
			return
		}
		w.finish()
		req.Body.Close()
		if w.closeAfter || req.Close {
			return
		}
		if b, ok := req.Body.(*body); ok && !b.sawEOF {
			return // an unread request body: the next request cannot be found
		}
	}
}

// runHandler calls the handler, recovering a panic as Go's server does (logged, connection closed).
func (sc *serverConn) runHandler(h Handler, w *response, r *Request) (ok bool) {
	defer func() {
		if err := recover(); err != nil {
			ok = false
			if err != ErrAbortHandler {
				sc.srv.logf("http: panic serving %v: %v", sc.c.RemoteAddr(), err)
			}
		}
	}()
	h.ServeHTTP(w, r)
	return true
}

type globalOptionsHandler struct{}

func (globalOptionsHandler) ServeHTTP(w ResponseWriter, r *Request) {
	w.Header().Set("Content-Length", "0")
}

type contextKey struct{ name string }

func (k *contextKey) String() string { return "net/http context value " + k.name }

// Context keys of the server's request contexts.
var (
	ServerContextKey    = &contextKey{"http-server"}
	LocalAddrContextKey = &contextKey{"local-addr"}
)

// Server serves HTTP on a listener.
type Server struct {
	Addr         string
	Handler      Handler
	ReadTimeout  time.Duration
	WriteTimeout time.Duration
	IdleTimeout  time.Duration
	ErrorLog     *log.Logger

	mu        sync.Mutex
	listeners map[net.Listener]bool
	conns     map[net.Conn]bool
	closed    bool
}

func (s *Server) logf(format string, args ...any) {
	if s.ErrorLog != nil {
		s.ErrorLog.Printf(format, args...)
	} else {
		log.Printf(format, args...)
	}
}

// ListenAndServe listens on s.Addr (":http" when empty) and serves.
func (s *Server) ListenAndServe() error {
	if s.isClosed() {
		return ErrServerClosed
	}
	addr := s.Addr
	if addr == "" {
		addr = ":http"
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	return s.Serve(ln)
}

func (s *Server) isClosed() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.closed
}

// Serve accepts connections on l and serves each on its own goroutine.
func (s *Server) Serve(l net.Listener) error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		l.Close()
		return ErrServerClosed
	}
	if s.listeners == nil {
		s.listeners = map[net.Listener]bool{}
		s.conns = map[net.Conn]bool{}
	}
	s.listeners[l] = true
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.listeners, l)
		s.mu.Unlock()
	}()
	var delay time.Duration
	for {
		c, err := l.Accept()
		if err != nil {
			if s.isClosed() {
				return ErrServerClosed
			}
			if ne, ok := err.(net.Error); ok && ne.Temporary() {
				if delay == 0 {
					delay = 5 * time.Millisecond
				} else if delay *= 2; delay > time.Second {
					delay = time.Second
				}
				s.logf("http: Accept error: %v; retrying in %v", err, delay)
				time.Sleep(delay)
				continue
			}
			return err
		}
		delay = 0
		s.mu.Lock()
		s.conns[c] = true
		s.mu.Unlock()
		sc := &serverConn{srv: s, c: c, br: bufio.NewReaderSize(c, 4096), bw: bufio.NewWriterSize(c, 4096)}
		go func() {
			sc.serve()
			s.mu.Lock()
			delete(s.conns, c)
			s.mu.Unlock()
		}()
	}
}

// Close closes the listeners and every connection now.
func (s *Server) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	var err error
	for l := range s.listeners {
		if e := l.Close(); e != nil && err == nil {
			err = e
		}
	}
	for c := range s.conns {
		c.Close()
	}
	return err
}

// Shutdown closes the listeners, then waits (until ctx is done) for connections to finish.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.closed = true
	for l := range s.listeners {
		l.Close()
	}
	s.mu.Unlock()
	for {
		s.mu.Lock()
		n := len(s.conns)
		s.mu.Unlock()
		if n == 0 {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// ListenAndServe serves handler (DefaultServeMux when nil) on addr.
func ListenAndServe(addr string, handler Handler) error {
	s := &Server{Addr: addr, Handler: handler}
	return s.ListenAndServe()
}

// Serve serves handler on l.
func Serve(l net.Listener, handler Handler) error {
	s := &Server{Handler: handler}
	return s.Serve(l)
}

// Error replies with the message and code as plain text.
func Error(w ResponseWriter, error string, code int) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	fmt.Fprintln(w, error)
}

// NotFound replies "404 page not found".
func NotFound(w ResponseWriter, r *Request) { Error(w, "404 page not found", StatusNotFound) }

// NotFoundHandler returns a handler that replies 404.
func NotFoundHandler() Handler { return HandlerFunc(NotFound) }

// Redirect replies with a redirect to url (relative to the request's path when not absolute).
func Redirect(w ResponseWriter, r *Request, target string, code int) {
	if u, err := url.Parse(target); err == nil && u.Scheme == "" && u.Host == "" {
		oldpath := r.URL.Path
		if oldpath == "" {
			oldpath = "/"
		}
		if target == "" || target[0] != '/' {
			olddir, _ := path.Split(oldpath)
			target = olddir + target
		}
		var query string
		if i := strings.Index(target, "?"); i != -1 {
			target, query = target[:i], target[i:]
		}
		trailing := strings.HasSuffix(target, "/")
		target = path.Clean(target)
		if trailing && !strings.HasSuffix(target, "/") {
			target += "/"
		}
		target += query
	}
	h := w.Header()
	_, hadCT := h["Content-Type"]
	h.Set("Location", hexEscapeNonASCII(target))
	if !hadCT && (r.Method == "GET" || r.Method == "HEAD") {
		h.Set("Content-Type", "text/html; charset=utf-8")
	}
	w.WriteHeader(code)
	if !hadCT && r.Method == "GET" {
		fmt.Fprintln(w, "<a href=\""+htmlEscape(target)+"\">"+StatusText(code)+"</a>.")
		fmt.Fprintln(w)
	}
}

func hexEscapeNonASCII(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			fmt.Fprintf(&b, "%%%02x", s[i])
		} else {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

var htmlReplacer = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;")

func htmlEscape(s string) string { return htmlReplacer.Replace(s) }

// RedirectHandler returns a handler redirecting every request to url.
func RedirectHandler(url string, code int) Handler {
	return HandlerFunc(func(w ResponseWriter, r *Request) { Redirect(w, r, url, code) })
}

// StripPrefix serves requests with prefix removed from the path.
func StripPrefix(prefix string, h Handler) Handler {
	if prefix == "" {
		return h
	}
	return HandlerFunc(func(w ResponseWriter, r *Request) {
		p := strings.TrimPrefix(r.URL.Path, prefix)
		if len(p) < len(r.URL.Path) {
			r2 := new(Request)
			*r2 = *r
			r2.URL = new(url.URL)
			*r2.URL = *r.URL
			r2.URL.Path = p
			h.ServeHTTP(w, r2)
		} else {
			NotFound(w, r)
		}
	})
}

// ── ServeMux ──

// ServeMux matches request paths against registered patterns (Go 1.19 rules): the longest
// pattern wins; a pattern ending in "/" matches its whole subtree; a pattern may start with a
// host name.
type ServeMux struct {
	mu    sync.RWMutex
	m     map[string]muxEntry
	es    []muxEntry // patterns ending in "/", longest first
	hosts bool
}

type muxEntry struct {
	h       Handler
	pattern string
}

// NewServeMux allocates a new ServeMux.
func NewServeMux() *ServeMux { return new(ServeMux) }

// DefaultServeMux is the ServeMux used by Serve and ListenAndServe with a nil handler.
var DefaultServeMux = &defaultServeMux

var defaultServeMux ServeMux

func cleanPath(p string) string {
	if p == "" {
		return "/"
	}
	if p[0] != '/' {
		p = "/" + p
	}
	np := path.Clean(p)
	if p[len(p)-1] == '/' && np != "/" {
		if len(p) == len(np)+1 && strings.HasPrefix(p, np) {
			np = p
		} else {
			np += "/"
		}
	}
	return np
}

func stripHostPort(h string) string {
	if !strings.Contains(h, ":") {
		return h
	}
	host, _, err := net.SplitHostPort(h)
	if err != nil {
		return h
	}
	return host
}

func (mux *ServeMux) match(path string) (h Handler, pattern string) {
	if v, ok := mux.m[path]; ok {
		return v.h, v.pattern
	}
	for _, e := range mux.es {
		if strings.HasPrefix(path, e.pattern) {
			return e.h, e.pattern
		}
	}
	return nil, ""
}

func (mux *ServeMux) redirectToPathSlash(host, path string, u *url.URL) (*url.URL, bool) {
	mux.mu.RLock()
	shouldRedirect := mux.shouldRedirectRLocked(host, path)
	mux.mu.RUnlock()
	if !shouldRedirect {
		return u, false
	}
	path = path + "/"
	u = &url.URL{Path: path, RawQuery: u.RawQuery}
	return u, true
}

func (mux *ServeMux) shouldRedirectRLocked(host, path string) bool {
	for _, c := range []string{path, host + path} {
		if _, exist := mux.m[c]; exist {
			return false
		}
	}
	n := len(path)
	if n == 0 {
		return false
	}
	for _, c := range []string{path, host + path} {
		if _, exist := mux.m[c+"/"]; exist {
			return path[n-1] != '/'
		}
	}
	return false
}

// Handler returns the handler for r and the pattern it matched.
func (mux *ServeMux) Handler(r *Request) (h Handler, pattern string) {
	if r.Method == "CONNECT" {
		if u, ok := mux.redirectToPathSlash(r.URL.Host, r.URL.Path, r.URL); ok {
			return RedirectHandler(u.String(), StatusMovedPermanently), u.Path
		}
		return mux.handler(r.Host, r.URL.Path)
	}
	host := stripHostPort(r.Host)
	p := cleanPath(r.URL.Path)
	if u, ok := mux.redirectToPathSlash(host, p, r.URL); ok {
		return RedirectHandler(u.String(), StatusMovedPermanently), u.Path
	}
	if p != r.URL.Path {
		_, pattern = mux.handler(host, p)
		u := &url.URL{Path: p, RawQuery: r.URL.RawQuery}
		return RedirectHandler(u.String(), StatusMovedPermanently), pattern
	}
	return mux.handler(host, r.URL.Path)
}

func (mux *ServeMux) handler(host, path string) (h Handler, pattern string) {
	mux.mu.RLock()
	defer mux.mu.RUnlock()
	if mux.hosts {
		h, pattern = mux.match(host + path)
	}
	if h == nil {
		h, pattern = mux.match(path)
	}
	if h == nil {
		h, pattern = NotFoundHandler(), ""
	}
	return
}

// ServeHTTP dispatches the request to the handler whose pattern matches best.
func (mux *ServeMux) ServeHTTP(w ResponseWriter, r *Request) {
	if r.RequestURI == "*" {
		if r.ProtoAtLeast(1, 1) {
			w.Header().Set("Connection", "close")
		}
		w.WriteHeader(StatusBadRequest)
		return
	}
	h, _ := mux.Handler(r)
	h.ServeHTTP(w, r)
}

// Handle registers the handler for the pattern; it panics on a duplicate or bad pattern.
func (mux *ServeMux) Handle(pattern string, handler Handler) {
	mux.mu.Lock()
	defer mux.mu.Unlock()
	if pattern == "" {
		panic("http: invalid pattern")
	}
	if handler == nil {
		panic("http: nil handler")
	}
	if _, exist := mux.m[pattern]; exist {
		panic("http: multiple registrations for " + pattern)
	}
	if mux.m == nil {
		mux.m = make(map[string]muxEntry)
	}
	e := muxEntry{h: handler, pattern: pattern}
	mux.m[pattern] = e
	if pattern[len(pattern)-1] == '/' {
		mux.es = append(mux.es, e)
		sort.SliceStable(mux.es, func(i, j int) bool { return len(mux.es[i].pattern) > len(mux.es[j].pattern) })
	}
	if pattern[0] != '/' {
		mux.hosts = true
	}
}

// HandleFunc registers the handler function for the pattern.
func (mux *ServeMux) HandleFunc(pattern string, handler func(ResponseWriter, *Request)) {
	if handler == nil {
		panic("http: nil handler")
	}
	mux.Handle(pattern, HandlerFunc(handler))
}

// Handle registers on DefaultServeMux.
func Handle(pattern string, handler Handler) { DefaultServeMux.Handle(pattern, handler) }

// HandleFunc registers on DefaultServeMux.
func HandleFunc(pattern string, handler func(ResponseWriter, *Request)) {
	DefaultServeMux.HandleFunc(pattern, handler)
}

var _ = os.Stderr
