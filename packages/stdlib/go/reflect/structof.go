// gort standard library: package reflect (StructOf).

package reflect

import "unicode/utf8"

// StructOf returns the struct type containing fields. The Offset and Index
// fields are ignored and computed as they would be by the compiler.
// Unexported fields are not allowed (as in Go).
func StructOf(fields []StructField) Type {
	n := len(fields)
	names := make([]string, n)
	tags := make([]string, n)
	pkgs := make([]string, n)
	types := make([]*rtype, n)
	offsets := make([]uintptr, n)
	embedded := make([]bool, n)
	seen := make(map[string]bool, n)
	var size uintptr
	align := uintptr(1)
	lastZero := false
	str := "struct {"
	for i, f := range fields {
		if f.Name == "" {
			panic("reflect.StructOf: field " + itoa(i) + " has no name")
		}
		if !isValidFieldName(f.Name) {
			panic("reflect.StructOf: field " + itoa(i) + " has invalid name")
		}
		if f.Type == nil {
			panic("reflect.StructOf: field " + itoa(i) + " has no type")
		}
		if f.Anonymous && f.PkgPath != "" {
			panic("reflect.StructOf: field \"" + f.Name + "\" is anonymous but has PkgPath set")
		}
		if f.PkgPath == "" && !isExportedName(f.Name) {
			// Go's best-effort check: a lowercase ASCII or '_' start without PkgPath
			if c := f.Name[0]; 'a' <= c && c <= 'z' || c == '_' {
				panic("reflect.StructOf: field \"" + f.Name + "\" is unexported but missing PkgPath")
			}
		}
		if seen[f.Name] && f.Name != "_" {
			panic("reflect.StructOf: duplicate field " + f.Name)
		}
		seen[f.Name] = true
		t := f.Type.common()
		a := uintptr(t.fieldAlign)
		if a > align {
			align = a
		}
		size = alignUp(size, a)
		offsets[i] = size
		size += uintptr(t.size)
		lastZero = t.size == 0
		names[i], tags[i], pkgs[i], types[i], embedded[i] = f.Name, string(f.Tag), f.PkgPath, t, f.Anonymous
		if i > 0 {
			str += ";"
		}
		if f.Anonymous {
			str += " " + t.String()
		} else {
			str += " " + f.Name + " " + t.String()
		}
		if f.Tag != "" {
			str += " " + quoteTag(string(f.Tag))
		}
	}
	if n > 0 {
		str += " }"
	} else {
		str += "}"
	}
	// A trailing zero-size field gets a byte so that its address stays
	// inside the struct (the compiler's rule).
	if size > 0 && lastZero {
		size++
	}
	size = alignUp(size, align)
	return toType(structOf(str, names, tags, pkgs, types, offsets, embedded, size, align))
}

// structOf returns the struct descriptor with these fields (exported,
// package path ""), from the image when it has an identical type, else
// built once and cached by the runtime; str is the type's String.
func structOf(str string, names, tags, pkgPaths []string, types []*rtype, offsets []uintptr, embedded []bool, size, align uintptr) *rtype

func isExportedName(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return 'A' <= r && r <= 'Z' || r >= utf8.RuneSelf && isUpperRune(r)
}

// isUpperRune approximates unicode.IsUpper for non-ASCII field names
// (reflect cannot import unicode's tables cheaply): Latin-1, Greek and
// Cyrillic capitals.
func isUpperRune(r rune) bool {
	return 0xC0 <= r && r <= 0xDE && r != 0xD7 || 0x391 <= r && r <= 0x3A9 || 0x410 <= r && r <= 0x42F
}

func isValidFieldName(s string) bool {
	for i, c := range s {
		if i == 0 && !isLetter(c) {
			return false
		}
		if !(isLetter(c) || '0' <= c && c <= '9') {
			return false
		}
	}
	return len(s) > 0
}

func isLetter(c rune) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || c >= utf8.RuneSelf
}

// quoteTag quotes a tag as strconv.Quote does for printable text.
func quoteTag(s string) string {
	const hex = "0123456789abcdef"
	b := []byte{'"'}
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '"' || r == '\\':
			b = append(b, '\\', byte(r))
		case r == '\n':
			b = append(b, '\\', 'n')
		case r == '\t':
			b = append(b, '\\', 't')
		case r == '\r':
			b = append(b, '\\', 'r')
		case r == utf8.RuneError && w == 1, r < ' ', r == 0x7f:
			b = append(b, '\\', 'x', hex[s[i]>>4], hex[s[i]&15])
		default:
			b = append(b, s[i:i+w]...)
		}
		i += w
	}
	return string(append(b, '"'))
}
