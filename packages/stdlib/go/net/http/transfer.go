// gort standard library: package net/http

package http

import (
	"bufio"
	"errors"
	"io"
	"strconv"
	"strings"
)

// ErrBodyReadAfterClose is returned by a body read after Close.
var ErrBodyReadAfterClose = errors.New("http: invalid Read on closed Body")

// ErrLineTooLong is a chunk line or header line that is too long.
var ErrLineTooLong = errors.New("header line too long")

// NoBody is an empty request body.
var NoBody = noBody{}

type noBody struct{}

func (noBody) Read([]byte) (int, error)         { return 0, io.EOF }
func (noBody) Close() error                     { return nil }
func (noBody) WriteTo(io.Writer) (int64, error) { return 0, nil }

// body is a message body: a fixed length, chunked, or up to EOF.
type body struct {
	r       io.Reader
	closed  bool
	sawEOF  bool
	onEOF   func() // the connection can be reused once the body is fully read
	onClose func(fullyRead bool)
}

func (b *body) Read(p []byte) (int, error) {
	if b.closed {
		return 0, ErrBodyReadAfterClose
	}
	if b.sawEOF {
		return 0, io.EOF
	}
	n, err := b.r.Read(p)
	if err == io.EOF {
		b.sawEOF = true
		if b.onEOF != nil {
			b.onEOF()
			b.onEOF = nil
		}
	}
	return n, err
}

func (b *body) Close() error {
	if b.closed {
		return nil
	}
	if !b.sawEOF {
		// drain what is left (small bodies) so the connection can serve the next message
		n, _ := io.CopyN(io.Discard, b.r, 256<<10)
		if n < 256<<10 {
			b.sawEOF = true
			if b.onEOF != nil {
				b.onEOF()
				b.onEOF = nil
			}
		}
	}
	b.closed = true
	if b.onClose != nil {
		b.onClose(b.sawEOF)
	}
	return nil
}

// chunkedReader decodes the chunked transfer coding.
type chunkedReader struct {
	r   *bufio.Reader
	n   uint64 // unread bytes in the current chunk
	err error
}

func (cr *chunkedReader) beginChunk() {
	line, err := readLine(cr.r)
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		cr.err = err
		return
	}
	if i := strings.IndexByte(line, ';'); i >= 0 {
		line = line[:i]
	}
	n, err := strconv.ParseUint(strings.TrimSpace(line), 16, 64)
	if err != nil {
		cr.err = errors.New("invalid byte in chunk length")
		return
	}
	cr.n = n
	if n == 0 {
		// trailer lines, then the end
		for {
			l, err := readLine(cr.r)
			if err != nil || l == "" {
				break
			}
		}
		cr.err = io.EOF
	}
}

func (cr *chunkedReader) Read(b []byte) (int, error) {
	for cr.err == nil {
		if cr.n == 0 {
			cr.beginChunk()
			continue
		}
		if uint64(len(b)) > cr.n {
			b = b[:cr.n]
		}
		n, err := cr.r.Read(b)
		cr.n -= uint64(n)
		if cr.n == 0 && err == nil {
			// the CRLF after the chunk data
			if _, err2 := readLine(cr.r); err2 != nil {
				cr.err = err2
			}
		}
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			cr.err = err
		}
		return n, cr.err
	}
	return 0, cr.err
}

// chunkedWriter encodes the chunked transfer coding.
type chunkedWriter struct{ w io.Writer }

func (cw *chunkedWriter) Write(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	if _, err := io.WriteString(cw.w, strconv.FormatInt(int64(len(p)), 16)+"\r\n"); err != nil {
		return 0, err
	}
	n, err := cw.w.Write(p)
	if err != nil {
		return n, err
	}
	_, err = io.WriteString(cw.w, "\r\n")
	return n, err
}

func (cw *chunkedWriter) Close() error {
	_, err := io.WriteString(cw.w, "0\r\n\r\n")
	return err
}

// readLine reads one CRLF- or LF-terminated line without its terminator.
func readLine(r *bufio.Reader) (string, error) {
	line, err := r.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		return "", ErrLineTooLong
	}
	if err != nil {
		if err == io.EOF && len(line) > 0 {
			return "", io.ErrUnexpectedEOF
		}
		return "", err
	}
	line = line[:len(line)-1]
	if len(line) > 0 && line[len(line)-1] == '\r' {
		line = line[:len(line)-1]
	}
	return string(line), nil
}

// readHeader reads header lines up to the empty line.
func readHeader(r *bufio.Reader) (Header, error) {
	h := make(Header)
	for {
		line, err := readLine(r)
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return h, err
		}
		if line == "" {
			return h, nil
		}
		i := strings.IndexByte(line, ':')
		if i <= 0 {
			return h, errors.New("malformed MIME header line: " + line)
		}
		key := CanonicalHeaderKey(line[:i])
		h[key] = append(h[key], strings.TrimSpace(line[i+1:]))
	}
}

// messageBody picks the body reader of a message from its headers.
func messageBody(h Header, r *bufio.Reader, isResponse bool, status int, method string) (io.Reader, int64, bool) {
	if isResponse && (status/100 == 1 || status == 204 || status == 304 || method == "HEAD") {
		if cl, err := strconv.ParseInt(h.Get("Content-Length"), 10, 64); err == nil && method == "HEAD" {
			return nil, cl, false
		}
		return nil, 0, false
	}
	if te := h.Get("Transfer-Encoding"); strings.EqualFold(te, "chunked") {
		return &chunkedReader{r: r}, -1, true
	}
	if cl := h.Get("Content-Length"); cl != "" {
		n, err := strconv.ParseInt(strings.TrimSpace(cl), 10, 64)
		if err == nil && n >= 0 {
			if n == 0 {
				return nil, 0, false
			}
			return io.LimitReader(r, n), n, false
		}
	}
	if isResponse {
		return r, -1, false // until the connection closes
	}
	return nil, 0, false
}
