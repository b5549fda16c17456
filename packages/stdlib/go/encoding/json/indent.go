// gort standard library: package encoding/json (Compact, Indent, HTMLEscape).

package json

import "bytes"

// Compact appends to dst the JSON-encoded src with insignificant space
// characters elided.
func Compact(dst *bytes.Buffer, src []byte) error {
	out, err := appendCompact(nil, src, false)
	if err != nil {
		return err
	}
	dst.Write(out)
	return nil
}

// appendCompact appends src without insignificant space; with escape it
// also escapes '<', '>', '&', U+2028 and U+2029 inside strings. On a
// syntax error it returns the error and dst unchanged.
func appendCompact(dst, src []byte, escape bool) ([]byte, error) {
	if err := checkValid(src); err != nil {
		return dst, err
	}
	inStr := false
	for i := 0; i < len(src); i++ {
		c := src[i]
		if inStr {
			switch {
			case c == '\\':
				dst = append(dst, c, src[i+1])
				i++
				continue
			case c == '"':
				inStr = false
			case escape && (c == '<' || c == '>' || c == '&'):
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
				continue
			case escape && c == 0xE2 && i+2 < len(src) && src[i+1] == 0x80 && src[i+2]&^1 == 0xA8:
				dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[src[i+2]&0xF])
				i += 2
				continue
			}
			dst = append(dst, c)
			continue
		}
		if isSpace(c) {
			continue
		}
		if c == '"' {
			inStr = true
		}
		dst = append(dst, c)
	}
	return dst, nil
}

// HTMLEscape appends to dst the JSON-encoded src with <, >, &, U+2028 and
// U+2029 characters inside string literals changed to \u003c, \u003e,
// \u0026, \u2028, \u2029.
func HTMLEscape(dst *bytes.Buffer, src []byte) {
	start := 0
	for i, c := range src {
		if c == '<' || c == '>' || c == '&' {
			dst.Write(src[start:i])
			dst.Write([]byte{'\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF]})
			start = i + 1
		}
		if c == 0xE2 && i+2 < len(src) && src[i+1] == 0x80 && src[i+2]&^1 == 0xA8 {
			dst.Write(src[start:i])
			dst.Write([]byte{'\\', 'u', '2', '0', '2', hexDigits[src[i+2]&0xF]})
			start = i + 3
		}
	}
	dst.Write(src[start:])
}

// Indent appends to dst an indented form of the JSON-encoded src: each
// element of an object or array begins on a new line starting with prefix
// followed by one or more copies of indent according to the nesting.
// Leading space of src is dropped, trailing space kept; empty arrays and
// objects stay "[]" and "{}".
func Indent(dst *bytes.Buffer, src []byte, prefix, indent string) error {
	out, err := appendIndent(nil, src, prefix, indent)
	if err != nil {
		return err
	}
	dst.Write(out)
	return nil
}

func appendIndent(dst, src []byte, prefix, indent string) ([]byte, error) {
	// trailing space is preserved: validate the value without it
	end := len(src)
	for end > 0 && isSpace(src[end-1]) {
		end--
	}
	if err := checkValid(src); err != nil {
		return dst, err
	}
	newline := func(depth int) {
		dst = append(dst, '\n')
		dst = append(dst, prefix...)
		for k := 0; k < depth; k++ {
			dst = append(dst, indent...)
		}
	}
	depth := 0
	needIndent := false // an opening bracket was just written
	inStr := false
	for i := 0; i < end; i++ {
		c := src[i]
		if inStr {
			dst = append(dst, c)
			if c == '\\' {
				dst = append(dst, src[i+1])
				i++
			} else if c == '"' {
				inStr = false
			}
			continue
		}
		if isSpace(c) {
			continue
		}
		if needIndent && c != ']' && c != '}' {
			needIndent = false
			depth++
			newline(depth)
		}
		switch c {
		case '"':
			inStr = true
			dst = append(dst, c)
		case '{', '[':
			dst = append(dst, c)
			needIndent = true
		case ',':
			dst = append(dst, c)
			newline(depth)
		case ':':
			dst = append(dst, c, ' ')
		case '}', ']':
			if needIndent {
				// empty object or array
				needIndent = false
			} else {
				depth--
				newline(depth)
			}
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	dst = append(dst, src[end:]...)
	return dst, nil
}
