// gort standard library: package net/http

// Package http: an HTTP/1.1 client and server over gort's net package, with Go's types,
// behaviour and texts (gort's own implementation).
package http

import (
	"io"
	"sort"
	"strings"
	"time"
)

// A Header is the key/value pairs of an HTTP header, keys in canonical form.
type Header map[string][]string

func (h Header) Add(key, value string) {
	key = CanonicalHeaderKey(key)
	h[key] = append(h[key], value)
}
func (h Header) Set(key, value string) { h[CanonicalHeaderKey(key)] = []string{value} }
func (h Header) Get(key string) string {
	v := h[CanonicalHeaderKey(key)]
	if len(v) == 0 {
		return ""
	}
	return v[0]
}
func (h Header) Values(key string) []string { return h[CanonicalHeaderKey(key)] }
func (h Header) Del(key string)             { delete(h, CanonicalHeaderKey(key)) }
func (h Header) has(key string) bool {
	_, ok := h[key]
	return ok
}

// Clone returns a copy of h.
func (h Header) Clone() Header {
	if h == nil {
		return nil
	}
	h2 := make(Header, len(h))
	for k, vv := range h {
		vv2 := make([]string, len(vv))
		copy(vv2, vv)
		h2[k] = vv2
	}
	return h2
}

var headerNewlineToSpace = strings.NewReplacer("\n", " ", "\r", " ")

// Write writes the header in wire format, keys sorted.
func (h Header) Write(w io.Writer) error { return h.writeSubset(w, nil) }

func (h Header) writeSubset(w io.Writer, exclude map[string]bool) error {
	keys := make([]string, 0, len(h))
	for k := range h {
		if !exclude[k] {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, v := range h[k] {
			if strings.ContainsAny(v, "\r\n") {
				v = headerNewlineToSpace.Replace(v)
			}
			v = strings.TrimSpace(v)
			if _, err := io.WriteString(w, k+": "+v+"\r\n"); err != nil {
				return err
			}
		}
	}
	return nil
}

// CanonicalHeaderKey returns the canonical form of a header key ("content-type" → "Content-Type").
func CanonicalHeaderKey(s string) string {
	upper := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !validHeaderFieldByte(c) {
			return s // not a token: left alone, as Go does
		}
		if upper && 'a' <= c && c <= 'z' || !upper && 'A' <= c && c <= 'Z' {
			b := []byte(s)
			upper = true
			for j, c := range b {
				if upper && 'a' <= c && c <= 'z' {
					c -= 'a' - 'A'
				} else if !upper && 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				b[j] = c
				upper = c == '-'
			}
			return string(b)
		}
		upper = c == '-'
	}
	return s
}

func validHeaderFieldByte(c byte) bool {
	return headerTokenByte[c]
}

// headerTokenByte[c] reports whether c may appear in a header field name
// (an RFC 7230 token character): one table lookup per byte of every key.
var headerTokenByte = func() (t [256]bool) {
	for c := 0x21; c < 0x7f; c++ {
		switch c {
		case '(', ')', '<', '>', '@', ',', ';', ':', '\\', '"', '/', '[', ']', '?', '=', '{', '}':
		default:
			t[c] = true
		}
	}
	return
}()

// TimeFormat is the time format of HTTP headers (always UTC).
const TimeFormat = "Mon, 02 Jan 2006 15:04:05 GMT"

var days = [...]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
var months = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// httpDate formats t as an HTTP date (RFC 7231 IMF-fixdate).
func httpDate(t time.Time) string {
	secs := t.Unix()
	dayN := secs / 86400
	rem := secs % 86400
	if rem < 0 {
		rem += 86400
		dayN--
	}
	hh, mm, ss := int(rem/3600), int(rem%3600/60), int(rem%60)
	// civil date from days since 1970-01-01 (proleptic Gregorian)
	z := dayN + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := int(doy - (153*mp+2)/5 + 1)
	mo := int(mp + 3)
	if mo > 12 {
		mo -= 12
	}
	if mo <= 2 {
		y++
	}
	wd := int((dayN%7 + 11) % 7) // 1970-01-01 was a Thursday
	two := func(n int) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }
	return days[wd] + ", " + two(d) + " " + months[mo-1] + " " + itoa(int(y)) + " " + two(hh) + ":" + two(mm) + ":" + two(ss) + " GMT"
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
