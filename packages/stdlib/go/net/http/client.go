// gort standard library: package net/http

package http

import (
	"bufio"
	"errors"
	"io"
	"net"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Response is a response to a client request.
type Response struct {
	Status        string
	StatusCode    int
	Proto         string
	ProtoMajor    int
	ProtoMinor    int
	Header        Header
	Body          io.ReadCloser
	ContentLength int64
	Close         bool
	Request       *Request
}

// RoundTripper executes one HTTP transaction.
type RoundTripper interface {
	RoundTrip(*Request) (*Response, error)
}

// Transport is the client's HTTP/1.1 transport: connections kept alive per host.
type Transport struct {
	DisableKeepAlives   bool
	MaxIdleConnsPerHost int
	mu                  sync.Mutex
	idle                map[string][]*clientConn
}

// DefaultTransport is used by DefaultClient.
var DefaultTransport RoundTripper = &Transport{}

type clientConn struct {
	c  net.Conn
	br *bufio.Reader
}

func hostPort(u *url.URL) string {
	h := u.Host
	if u.Port() == "" {
		if u.Scheme == "https" {
			return h + ":443"
		}
		return h + ":80"
	}
	return h
}

func (t *Transport) getConn(addr string) (*clientConn, error) {
	t.mu.Lock()
	if l := t.idle[addr]; len(l) > 0 {
		cc := l[len(l)-1]
		t.idle[addr] = l[:len(l)-1]
		t.mu.Unlock()
		return cc, nil
	}
	t.mu.Unlock()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &clientConn{c: c, br: bufio.NewReaderSize(c, 4096)}, nil
}

func (t *Transport) putIdle(addr string, cc *clientConn) {
	t.mu.Lock()
	defer t.mu.Unlock()
	max := t.MaxIdleConnsPerHost
	if max <= 0 {
		max = 2
	}
	if t.idle == nil {
		t.idle = map[string][]*clientConn{}
	}
	if t.DisableKeepAlives || len(t.idle[addr]) >= max {
		cc.c.Close()
		return
	}
	t.idle[addr] = append(t.idle[addr], cc)
}

// CloseIdleConnections closes the kept-alive connections.
func (t *Transport) CloseIdleConnections() {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, l := range t.idle {
		for _, cc := range l {
			cc.c.Close()
		}
	}
	t.idle = nil
}

// RoundTrip sends the request and reads the response header (the body streams).
func (t *Transport) RoundTrip(req *Request) (*Response, error) {
	if req.URL == nil {
		return nil, errors.New("http: nil Request.URL")
	}
	if req.URL.Scheme != "http" {
		if req.URL.Scheme == "https" {
			return nil, errors.New("gort: https is not supported (no TLS)")
		}
		return nil, errors.New("unsupported protocol scheme " + strconv.Quote(req.URL.Scheme))
	}
	if req.URL.Host == "" {
		return nil, errors.New("http: no Host in request URL")
	}
	addr := hostPort(req.URL)
	for attempt := 0; ; attempt++ {
		cc, err := t.getConn(addr)
		if err != nil {
			return nil, err
		}
		if t.DisableKeepAlives {
			req.Close = true
		}
		if err := req.Write(cc.c); err != nil {
			cc.c.Close()
			if attempt == 0 {
				continue // a kept-alive connection the server had closed
			}
			return nil, err
		}
		resp, err := ReadResponse(cc.br, req)
		if err != nil {
			cc.c.Close()
			if attempt == 0 && (err == io.EOF || err == io.ErrUnexpectedEOF) {
				continue
			}
			return nil, err
		}
		b := resp.Body.(*body)
		reuse := !resp.Close && !req.Close && !t.DisableKeepAlives
		done := false
		finish := func(fully bool) {
			if done {
				return
			}
			done = true
			if reuse && fully {
				t.putIdle(addr, cc)
			} else {
				cc.c.Close()
			}
		}
		b.onEOF = func() { finish(true) }
		b.onClose = finish
		if b.sawEOF {
			finish(true)
		}
		return resp, nil
	}
}

// ReadResponse reads a response (status line, headers; the body streams from r).
func ReadResponse(r *bufio.Reader, req *Request) (*Response, error) {
	line, err := readLine(r)
	if err != nil {
		return nil, err
	}
	resp := &Response{Request: req}
	proto, status, ok := strings.Cut(line, " ")
	if !ok {
		return nil, &badStringError{"malformed HTTP response", line}
	}
	resp.Proto = proto
	resp.Status = strings.TrimLeft(status, " ")
	statusCode, _, _ := strings.Cut(resp.Status, " ")
	if len(statusCode) != 3 {
		return nil, &badStringError{"malformed HTTP status code", statusCode}
	}
	resp.StatusCode, err = strconv.Atoi(statusCode)
	if err != nil || resp.StatusCode < 0 {
		return nil, &badStringError{"malformed HTTP status code", statusCode}
	}
	if resp.ProtoMajor, resp.ProtoMinor, ok = ParseHTTPVersion(resp.Proto); !ok {
		return nil, &badStringError{"malformed HTTP version", resp.Proto}
	}
	if resp.Header, err = readHeader(r); err != nil {
		return nil, err
	}
	method := "GET"
	if req != nil {
		method = req.Method
	}
	br, n, chunked := messageBody(resp.Header, r, true, resp.StatusCode, method)
	resp.ContentLength = n
	if chunked {
		delete(resp.Header, "Transfer-Encoding")
	}
	conn := strings.ToLower(resp.Header.Get("Connection"))
	resp.Close = conn == "close" || resp.ProtoMajor == 1 && resp.ProtoMinor == 0 && conn != "keep-alive"
	if br == nil {
		resp.Body = &body{r: strings.NewReader(""), sawEOF: true}
	} else {
		if n < 0 && !chunked {
			resp.Close = true // the body ends with the connection
		}
		resp.Body = &body{r: br}
	}
	return resp, nil
}

// Client sends requests through its Transport, following redirects.
type Client struct {
	Transport     RoundTripper
	CheckRedirect func(req *Request, via []*Request) error
	Timeout       time.Duration
}

// DefaultClient is the client Get, Head and Post use.
var DefaultClient = &Client{}

// ErrUseLastResponse stops redirects: Do returns the last response.
var ErrUseLastResponse = errors.New("net/http: use last response")

func (c *Client) transport() RoundTripper {
	if c.Transport != nil {
		return c.Transport
	}
	return DefaultTransport
}

// Do sends the request and returns the response, following up to 10 redirects.
func (c *Client) Do(req *Request) (*Response, error) {
	var via []*Request
	for {
		resp, err := c.transport().RoundTrip(req)
		if err != nil {
			return nil, &url.Error{Op: urlErrorOp(req.Method), URL: req.URL.String(), Err: err}
		}
		switch resp.StatusCode {
		case 301, 302, 303, 307, 308:
		default:
			return resp, nil
		}
		loc := resp.Header.Get("Location")
		if loc == "" {
			return resp, nil
		}
		u, err := req.URL.Parse(loc)
		if err != nil {
			resp.Body.Close()
			return nil, &url.Error{Op: urlErrorOp(req.Method), URL: req.URL.String(), Err: err}
		}
		method := req.Method
		var b io.ReadCloser
		if resp.StatusCode == 301 || resp.StatusCode == 302 || resp.StatusCode == 303 {
			if method != "GET" && method != "HEAD" {
				method = "GET"
			}
		} else if req.Body != nil && req.Body != NoBody {
			if req.GetBody == nil {
				return resp, nil
			}
			b, _ = req.GetBody()
		}
		via = append(via, req)
		next := &Request{Method: method, URL: u, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1, Header: req.Header.Clone(), Host: u.Host, ctx: req.ctx, Body: b}
		if c.CheckRedirect != nil {
			if err := c.CheckRedirect(next, via); err != nil {
				if err == ErrUseLastResponse {
					return resp, nil
				}
				resp.Body.Close()
				return nil, &url.Error{Op: urlErrorOp(req.Method), URL: u.String(), Err: err}
			}
		} else if len(via) >= 10 {
			resp.Body.Close()
			return nil, &url.Error{Op: urlErrorOp(req.Method), URL: u.String(), Err: errors.New("stopped after 10 redirects")}
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		req = next
	}
}

func urlErrorOp(method string) string {
	if method == "" {
		return "Get"
	}
	return method[:1] + strings.ToLower(method[1:])
}

// Get issues a GET.
func (c *Client) Get(url string) (*Response, error) {
	req, err := NewRequest("GET", url, nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}

// Head issues a HEAD.
func (c *Client) Head(url string) (*Response, error) {
	req, err := NewRequest("HEAD", url, nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}

// Post issues a POST with the given body and content type.
func (c *Client) Post(url, contentType string, body io.Reader) (*Response, error) {
	req, err := NewRequest("POST", url, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", contentType)
	return c.Do(req)
}

// PostForm posts url-encoded form data.
func (c *Client) PostForm(url string, data url.Values) (*Response, error) {
	return c.Post(url, "application/x-www-form-urlencoded", strings.NewReader(data.Encode()))
}

func Get(url string) (*Response, error)  { return DefaultClient.Get(url) }
func Head(url string) (*Response, error) { return DefaultClient.Head(url) }
func Post(url, contentType string, body io.Reader) (*Response, error) {
	return DefaultClient.Post(url, contentType, body)
}
func PostForm(url string, data url.Values) (*Response, error) {
	return DefaultClient.PostForm(url, data)
}
