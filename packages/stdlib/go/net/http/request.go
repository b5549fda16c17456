// gort standard library: package net/http

package http

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"net/url"
	"strconv"
	"strings"
)

// Request is an HTTP request received by a server or to be sent by a client.
type Request struct {
	Method        string
	URL           *url.URL
	Proto         string
	ProtoMajor    int
	ProtoMinor    int
	Header        Header
	Body          io.ReadCloser
	GetBody       func() (io.ReadCloser, error)
	ContentLength int64
	Close         bool
	Host          string
	Form          url.Values
	PostForm      url.Values
	RemoteAddr    string
	RequestURI    string
	ctx           context.Context
}

// NewRequest is NewRequestWithContext with the background context.
func NewRequest(method, url string, body io.Reader) (*Request, error) {
	return NewRequestWithContext(context.Background(), method, url, body)
}

// NewRequestWithContext returns a new client request.
func NewRequestWithContext(ctx context.Context, method, rawURL string, body io.Reader) (*Request, error) {
	if method == "" {
		method = "GET"
	}
	if !validMethod(method) {
		return nil, errors.New("net/http: invalid method " + strconv.Quote(method))
	}
	if ctx == nil {
		return nil, errors.New("net/http: nil Context")
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, err
	}
	rc, ok := body.(io.ReadCloser)
	if !ok && body != nil {
		rc = io.NopCloser(body)
	}
	u.Host = strings.TrimSuffix(u.Host, ":")
	req := &Request{
		ctx: ctx, Method: method, URL: u, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: make(Header), Body: rc, Host: u.Host,
	}
	if body != nil {
		switch v := body.(type) {
		case *bytes.Buffer:
			req.ContentLength = int64(v.Len())
		case *bytes.Reader:
			req.ContentLength = int64(v.Len())
		case *strings.Reader:
			req.ContentLength = int64(v.Len())
		}
		if req.ContentLength == 0 {
			switch body.(type) {
			case *bytes.Buffer, *bytes.Reader, *strings.Reader:
				req.Body = NoBody
			}
		}
	}
	return req, nil
}

func validMethod(m string) bool {
	for i := 0; i < len(m); i++ {
		if !validHeaderFieldByte(m[i]) {
			return false
		}
	}
	return len(m) > 0
}

// Context returns the request's context.
func (r *Request) Context() context.Context {
	if r.ctx != nil {
		return r.ctx
	}
	return context.Background()
}

// WithContext returns a shallow copy of r with its context changed to ctx.
func (r *Request) WithContext(ctx context.Context) *Request {
	if ctx == nil {
		panic("nil context")
	}
	r2 := new(Request)
	*r2 = *r
	r2.ctx = ctx
	return r2
}

// UserAgent returns the client's User-Agent.
func (r *Request) UserAgent() string { return r.Header.Get("User-Agent") }

// Referer returns the referring URL.
func (r *Request) Referer() string { return r.Header.Get("Referer") }

// ParseForm fills Form (query and urlencoded body) and PostForm (body).
func (r *Request) ParseForm() error {
	var err error
	if r.PostForm == nil {
		r.PostForm = make(url.Values)
		if (r.Method == "POST" || r.Method == "PUT" || r.Method == "PATCH") && r.Body != nil {
			ct := r.Header.Get("Content-Type")
			if i := strings.IndexByte(ct, ';'); i >= 0 {
				ct = ct[:i]
			}
			if strings.TrimSpace(ct) == "application/x-www-form-urlencoded" {
				b, e := io.ReadAll(io.LimitReader(r.Body, 10<<20))
				if e != nil {
					err = e
				} else {
					v, e := url.ParseQuery(string(b))
					if e != nil && err == nil {
						err = e
					}
					r.PostForm = v
				}
			}
		}
	}
	if r.Form == nil {
		r.Form = make(url.Values)
		for k, v := range r.PostForm {
			r.Form[k] = append(r.Form[k], v...)
		}
		if r.URL != nil {
			q, e := url.ParseQuery(r.URL.RawQuery)
			if e != nil && err == nil {
				err = e
			}
			for k, v := range q {
				r.Form[k] = append(r.Form[k], v...)
			}
		}
	}
	return err
}

// FormValue returns the first value for key in the query or the form body.
func (r *Request) FormValue(key string) string {
	if r.Form == nil {
		r.ParseForm()
	}
	return r.Form.Get(key)
}

// PostFormValue returns the first value for key in the form body.
func (r *Request) PostFormValue(key string) string {
	if r.PostForm == nil {
		r.ParseForm()
	}
	return r.PostForm.Get(key)
}

// Write writes the request in wire format (HTTP/1.1).
func (r *Request) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	host := r.Host
	if host == "" && r.URL != nil {
		host = r.URL.Host
	}
	uri := r.URL.RequestURI()
	bw.WriteString(r.Method + " " + uri + " HTTP/1.1\r\nHost: " + host + "\r\n")
	if r.Header.Get("User-Agent") == "" {
		bw.WriteString("User-Agent: Go-http-client/1.1\r\n")
	}
	chunked := false
	if r.Body != nil && r.Body != NoBody {
		if r.ContentLength > 0 {
			bw.WriteString("Content-Length: " + strconv.FormatInt(r.ContentLength, 10) + "\r\n")
		} else {
			chunked = true
			bw.WriteString("Transfer-Encoding: chunked\r\n")
		}
	} else if r.Method == "POST" || r.Method == "PUT" || r.Method == "PATCH" {
		bw.WriteString("Content-Length: 0\r\n")
	}
	if r.Close {
		bw.WriteString("Connection: close\r\n")
	}
	r.Header.writeSubset(bw, map[string]bool{"Host": true, "Content-Length": true, "Transfer-Encoding": true, "Connection": true})
	if r.Header.Get("Accept-Encoding") == "" {
		// Go asks for gzip; gort's client does not decompress, so it does not ask
	}
	bw.WriteString("\r\n")
	if r.Body != nil && r.Body != NoBody {
		var err error
		if chunked {
			cw := &chunkedWriter{bw}
			_, err = io.Copy(cw, r.Body)
			if err == nil {
				err = cw.Close()
			}
		} else {
			_, err = io.CopyN(bw, r.Body, r.ContentLength)
		}
		r.Body.Close()
		if err != nil {
			return err
		}
	}
	return bw.Flush()
}

// ReadRequest reads and parses an incoming request from b.
func ReadRequest(b *bufio.Reader) (*Request, error) {
	line, err := readLine(b)
	if err != nil {
		return nil, err
	}
	req := new(Request)
	m1 := strings.IndexByte(line, ' ')
	m2 := strings.LastIndexByte(line, ' ')
	if m1 < 0 || m2 <= m1 {
		return nil, &badStringError{"malformed HTTP request", line}
	}
	req.Method, req.RequestURI, req.Proto = line[:m1], line[m1+1:m2], line[m2+1:]
	var ok bool
	if req.ProtoMajor, req.ProtoMinor, ok = ParseHTTPVersion(req.Proto); !ok {
		return nil, &badStringError{"malformed HTTP version", req.Proto}
	}
	if req.URL, err = url.ParseRequestURI(req.RequestURI); err != nil {
		return nil, err
	}
	if req.Header, err = readHeader(b); err != nil {
		return nil, err
	}
	req.Host = req.URL.Host
	if req.Host == "" {
		req.Host = req.Header.Get("Host")
	}
	delete(req.Header, "Host")
	r, n, _ := messageBody(req.Header, b, false, 0, req.Method)
	req.ContentLength = n
	if r == nil {
		req.Body = NoBody
	} else {
		req.Body = &body{r: r}
	}
	conn := strings.ToLower(req.Header.Get("Connection"))
	req.Close = conn == "close" || (req.ProtoMajor == 1 && req.ProtoMinor == 0 && conn != "keep-alive")
	req.ctx = context.Background()
	return req, nil
}

type badStringError struct {
	what string
	str  string
}

func (e *badStringError) Error() string { return e.what + " " + strconv.Quote(e.str) }

// ParseHTTPVersion parses "HTTP/1.1" into (1, 1, true).
func ParseHTTPVersion(vers string) (major, minor int, ok bool) {
	switch vers {
	case "HTTP/1.1":
		return 1, 1, true
	case "HTTP/1.0":
		return 1, 0, true
	}
	if !strings.HasPrefix(vers, "HTTP/") || len(vers) != len("HTTP/X.Y") || vers[6] != '.' {
		return 0, 0, false
	}
	maj, err := strconv.ParseUint(vers[5:6], 10, 0)
	if err != nil {
		return 0, 0, false
	}
	min, err := strconv.ParseUint(vers[7:8], 10, 0)
	if err != nil {
		return 0, 0, false
	}
	return int(maj), int(min), true
}
