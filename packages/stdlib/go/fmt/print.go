// gort standard library: package fmt (printing).

// Package fmt implements formatted I/O with functions analogous to C's
// printf and scanf; the verbs, flags and error forms are Go's (see Go's
// package documentation, which this implementation follows exactly).
package fmt

import (
	"internal/bytealg"
	"internal/fmtsort"
	"io"
	"os"
	"reflect"
	"sync"
	"unicode/utf8"
)

// State represents the printer state passed to custom formatters.
type State interface {
	Write(b []byte) (n int, err error)
	Width() (wid int, ok bool)
	Precision() (prec int, ok bool)
	Flag(c int) bool
}

// Formatter is implemented by any value that has a Format method.
type Formatter interface {
	Format(f State, verb rune)
}

// Stringer is implemented by any value that has a String method, which
// defines the "native" format for that value.
type Stringer interface {
	String() string
}

// GoStringer is implemented by any value that has a GoString method, which
// defines the Go syntax for that value (%#v).
type GoStringer interface {
	GoString() string
}

// printer is the state of one Print/Sprintf/... call.
type printer struct {
	buf []byte
	// arg is the operand being printed as an interface (nil once it is
	// being walked as a reflect.Value); value is that Value.
	arg   any
	value reflect.Value
	f     formatter
	// reordered: an explicit [n] index was used; goodArgNum: the last one
	// was valid.
	reordered  bool
	goodArgNum bool
	// panicking guards against a String method panicking while its own
	// panic is printed; erroring suppresses methods inside %!verb(...).
	panicking bool
	erroring  bool
	// wrapErrs: this is Errorf, so %w is allowed once; wrapped is its arg.
	wrapErrs bool
	wrapped  error
}

var printerPool = sync.Pool{New: func() any { return new(printer) }}

func newPrinter() *printer {
	p := printerPool.Get().(*printer)
	p.panicking = false
	p.erroring = false
	p.wrapErrs = false
	p.f.bind(&p.buf)
	return p
}

func (p *printer) free() {
	// Keep pooled buffers small, as a huge one would pin memory forever.
	if cap(p.buf) > 64<<10 {
		return
	}
	p.buf = p.buf[:0]
	p.arg = nil
	p.value = reflect.Value{}
	p.wrapped = nil
	printerPool.Put(p)
}

func (p *printer) Width() (int, bool)     { return p.f.wid, p.f.widPresent }
func (p *printer) Precision() (int, bool) { return p.f.prec, p.f.precPresent }

func (p *printer) Flag(b int) bool {
	switch b {
	case '-':
		return p.f.minus
	case '+':
		return p.f.plus || p.f.plusV
	case '#':
		return p.f.sharp || p.f.sharpV
	case ' ':
		return p.f.space
	case '0':
		return p.f.zero
	}
	return false
}

// Write lets a Formatter append to the output.
func (p *printer) Write(b []byte) (int, error) {
	p.buf = append(p.buf, b...)
	return len(b), nil
}

// WriteString lets a Formatter append a string to the output.
func (p *printer) WriteString(s string) (int, error) {
	p.buf = append(p.buf, s...)
	return len(s), nil
}

func (p *printer) writeRune(r rune) { p.buf = utf8.AppendRune(p.buf, r) }

// ---- entry points ----

// Fprintf formats according to a format specifier and writes to w.
func Fprintf(w io.Writer, format string, a ...any) (n int, err error) {
	p := newPrinter()
	p.doPrintf(format, a)
	n, err = w.Write(p.buf)
	p.free()
	return
}

// Printf formats according to a format specifier and writes to standard output.
func Printf(format string, a ...any) (n int, err error) {
	return Fprintf(os.Stdout, format, a...)
}

// Sprintf formats according to a format specifier and returns the string.
func Sprintf(format string, a ...any) string {
	p := newPrinter()
	p.doPrintf(format, a)
	s := string(p.buf)
	p.free()
	return s
}

// Appendf formats according to a format specifier and appends to b.
func Appendf(b []byte, format string, a ...any) []byte {
	p := newPrinter()
	p.doPrintf(format, a)
	b = append(b, p.buf...)
	p.free()
	return b
}

// Fprint formats using the default formats and writes to w. Spaces are
// added between operands when neither is a string.
func Fprint(w io.Writer, a ...any) (n int, err error) {
	p := newPrinter()
	p.doPrint(a)
	n, err = w.Write(p.buf)
	p.free()
	return
}

// Print formats using the default formats and writes to standard output.
func Print(a ...any) (n int, err error) { return Fprint(os.Stdout, a...) }

// Sprint formats using the default formats and returns the string.
func Sprint(a ...any) string {
	p := newPrinter()
	p.doPrint(a)
	s := string(p.buf)
	p.free()
	return s
}

// Append formats using the default formats and appends to b.
func Append(b []byte, a ...any) []byte {
	p := newPrinter()
	p.doPrint(a)
	b = append(b, p.buf...)
	p.free()
	return b
}

// Fprintln formats using the default formats, always adds spaces between
// operands and a newline, and writes to w.
func Fprintln(w io.Writer, a ...any) (n int, err error) {
	p := newPrinter()
	p.doPrintln(a)
	n, err = w.Write(p.buf)
	p.free()
	return
}

// Println is Fprintln to standard output.
func Println(a ...any) (n int, err error) { return Fprintln(os.Stdout, a...) }

// Sprintln is Fprintln into a string.
func Sprintln(a ...any) string {
	p := newPrinter()
	p.doPrintln(a)
	s := string(p.buf)
	p.free()
	return s
}

// Appendln is Fprintln appending to b.
func Appendln(b []byte, a ...any) []byte {
	p := newPrinter()
	p.doPrintln(a)
	b = append(b, p.buf...)
	p.free()
	return b
}

func (p *printer) doPrint(a []any) {
	prevString := false
	for i, arg := range a {
		isString := arg != nil && reflect.TypeOf(arg).Kind() == reflect.String
		if i > 0 && !isString && !prevString {
			p.buf = append(p.buf, ' ')
		}
		p.printArg(arg, 'v')
		prevString = isString
	}
}

func (p *printer) doPrintln(a []any) {
	for i, arg := range a {
		if i > 0 {
			p.buf = append(p.buf, ' ')
		}
		p.printArg(arg, 'v')
	}
	p.buf = append(p.buf, '\n')
}

// ---- format string interpretation ----

// tooLarge bounds widths, precisions and indexes (Go's limit: 1e6).
func tooLarge(x int) bool { return x > 1e6 || x < -1e6 }

// parseNum reads a decimal number in s[start:end]; ok is false when there
// is no digit or it is too large (then next is end).
func parseNum(s string, start, end int) (num int, ok bool, next int) {
	if start >= end {
		return 0, false, end
	}
	for next = start; next < end && '0' <= s[next] && s[next] <= '9'; next++ {
		if tooLarge(num) {
			return 0, false, end
		}
		num = num*10 + int(s[next]-'0')
		ok = true
	}
	return
}

// parseIndex reads "[n]" at the start of s: the zero-based index, the
// bytes consumed and whether it was well formed.
func parseIndex(s string) (index, width int, ok bool) {
	if len(s) < 3 {
		return 0, 1, false
	}
	for i := 1; i < len(s); i++ {
		if s[i] == ']' {
			n, good, next := parseNum(s, 1, i)
			if !good || next != i {
				return 0, i + 1, false
			}
			return n - 1, i + 1, true
		}
	}
	return 0, 1, false
}

// argIndex applies an explicit "[n]" at format[i], if any.
func (p *printer) argIndex(argNum int, format string, i, numArgs int) (int, int, bool) {
	if i >= len(format) || format[i] != '[' {
		return argNum, i, false
	}
	p.reordered = true
	index, width, ok := parseIndex(format[i:])
	if ok && 0 <= index && index < numArgs {
		return index, i + width, true
	}
	p.goodArgNum = false
	return argNum, i + width, ok
}

// intArg reads a '*' width or precision from a[argNum].
func intArg(a []any, argNum int) (num int, isInt bool, next int) {
	next = argNum
	if argNum < len(a) {
		num, isInt = a[argNum].(int)
		if !isInt {
			switch v := reflect.ValueOf(a[argNum]); v.Kind() {
			case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
				n := v.Int()
				if int64(int(n)) == n {
					num, isInt = int(n), true
				}
			case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
				n := v.Uint()
				if int64(n) >= 0 && uint64(int(n)) == n {
					num, isInt = int(n), true
				}
			}
		}
		next = argNum + 1
		if tooLarge(num) {
			num, isInt = 0, false
		}
	}
	return
}

func (p *printer) doPrintf(format string, a []any) {
	end := len(format)
	argNum := 0
	afterIndex := false
	p.reordered = false
verbs:
	for i := 0; i < end; {
		p.goodArgNum = true
		start := i
		if k := bytealg.IndexByteString(format[i:], '%'); k >= 0 {
			i += k
		} else {
			i = end
		}
		if i > start {
			p.buf = append(p.buf, format[start:i]...)
		}
		if i >= end {
			break
		}
		i++ // the '%'
		p.f.reset()
	flagLoop:
		for ; i < end; i++ {
			c := format[i]
			switch c {
			case '#':
				p.f.sharp = true
			case '0':
				p.f.zero = !p.f.minus // zero padding only on the left
			case '+':
				p.f.plus = true
			case '-':
				p.f.minus = true
				p.f.zero = false
			case ' ':
				p.f.space = true
			default:
				// Fast path: a lower-case ASCII verb right after the flags.
				if 'a' <= c && c <= 'z' && argNum < len(a) {
					if c == 'v' {
						p.f.sharpV, p.f.sharp = p.f.sharp, false
						p.f.plusV, p.f.plus = p.f.plus, false
					}
					p.printArg(a[argNum], rune(c))
					argNum++
					i++
					continue verbs
				}
				break flagLoop
			}
		}

		argNum, i, afterIndex = p.argIndex(argNum, format, i, len(a))

		// Width: a number or '*'.
		if i < end && format[i] == '*' {
			i++
			p.f.wid, p.f.widPresent, argNum = intArg(a, argNum)
			if !p.f.widPresent {
				p.buf = append(p.buf, "%!(BADWIDTH)"...)
			}
			if p.f.wid < 0 {
				p.f.wid = -p.f.wid
				p.f.minus = true
				p.f.zero = false
			}
			afterIndex = false
		} else {
			p.f.wid, p.f.widPresent, i = parseNum(format, i, end)
			if afterIndex && p.f.widPresent { // "%[3]2d"
				p.goodArgNum = false
			}
		}

		// Precision: '.' then a number or '*'.
		if i+1 < end && format[i] == '.' {
			i++
			if afterIndex { // "%[3].2d"
				p.goodArgNum = false
			}
			argNum, i, afterIndex = p.argIndex(argNum, format, i, len(a))
			if i < end && format[i] == '*' {
				i++
				p.f.prec, p.f.precPresent, argNum = intArg(a, argNum)
				if p.f.prec < 0 {
					p.f.prec = 0
					p.f.precPresent = false
				}
				if !p.f.precPresent {
					p.buf = append(p.buf, "%!(BADPREC)"...)
				}
				afterIndex = false
			} else {
				p.f.prec, p.f.precPresent, i = parseNum(format, i, end)
				if !p.f.precPresent {
					p.f.prec = 0
					p.f.precPresent = true
				}
			}
		}

		if !afterIndex {
			argNum, i, afterIndex = p.argIndex(argNum, format, i, len(a))
		}

		if i >= end {
			p.buf = append(p.buf, "%!(NOVERB)"...)
			break
		}

		verb, size := rune(format[i]), 1
		if verb >= utf8.RuneSelf {
			verb, size = utf8.DecodeRuneInString(format[i:])
		}
		i += size

		switch {
		case verb == '%':
			p.buf = append(p.buf, '%')
		case !p.goodArgNum:
			p.buf = append(p.buf, "%!"...)
			p.writeRune(verb)
			p.buf = append(p.buf, "(BADINDEX)"...)
		case argNum >= len(a):
			p.buf = append(p.buf, "%!"...)
			p.writeRune(verb)
			p.buf = append(p.buf, "(MISSING)"...)
		default:
			if verb == 'v' {
				p.f.sharpV, p.f.sharp = p.f.sharp, false
				p.f.plusV, p.f.plus = p.f.plus, false
			}
			p.printArg(a[argNum], verb)
			argNum++
		}
	}

	// Unused arguments, unless indexes were used (then any order goes).
	if !p.reordered && argNum < len(a) {
		p.f.reset()
		p.buf = append(p.buf, "%!(EXTRA "...)
		for i, arg := range a[argNum:] {
			if i > 0 {
				p.buf = append(p.buf, ", "...)
			}
			if arg == nil {
				p.buf = append(p.buf, "<nil>"...)
			} else {
				p.buf = append(p.buf, reflect.TypeOf(arg).String()...)
				p.buf = append(p.buf, '=')
				p.printArg(arg, 'v')
			}
		}
		p.buf = append(p.buf, ')')
	}
}

// ---- operands ----

// badVerb writes %!verb(type=value) for an operand the verb does not suit.
func (p *printer) badVerb(verb rune) {
	p.erroring = true
	p.buf = append(p.buf, "%!"...)
	p.writeRune(verb)
	p.buf = append(p.buf, '(')
	switch {
	case p.arg != nil:
		p.buf = append(p.buf, reflect.TypeOf(p.arg).String()...)
		p.buf = append(p.buf, '=')
		p.printArg(p.arg, 'v')
	case p.value.IsValid():
		p.buf = append(p.buf, p.value.Type().String()...)
		p.buf = append(p.buf, '=')
		p.printValue(p.value, 'v', 0)
	default:
		p.buf = append(p.buf, "<nil>"...)
	}
	p.buf = append(p.buf, ')')
	p.erroring = false
}

func (p *printer) fmtBool(v bool, verb rune) {
	switch verb {
	case 't', 'v':
		p.f.fmtBool(v)
	default:
		p.badVerb(verb)
	}
}

// hex0x prints v in hex; with prefix, "0x" leads.
func (p *printer) hex0x(v uint64, prefix bool) {
	sharp := p.f.sharp
	p.f.sharp = prefix
	p.f.fmtInteger(v, 16, false, 'v', lowerDigits)
	p.f.sharp = sharp
}

func (p *printer) fmtInteger(v uint64, signed bool, verb rune) {
	switch verb {
	case 'v':
		if p.f.sharpV && !signed {
			p.hex0x(v, true)
		} else {
			p.f.fmtInteger(v, 10, signed, verb, lowerDigits)
		}
	case 'd':
		p.f.fmtInteger(v, 10, signed, verb, lowerDigits)
	case 'b':
		p.f.fmtInteger(v, 2, signed, verb, lowerDigits)
	case 'o', 'O':
		p.f.fmtInteger(v, 8, signed, verb, lowerDigits)
	case 'x':
		p.f.fmtInteger(v, 16, signed, verb, lowerDigits)
	case 'X':
		p.f.fmtInteger(v, 16, signed, verb, upperDigits)
	case 'c':
		p.f.fmtC(v)
	case 'q':
		p.f.fmtQc(v)
	case 'U':
		p.f.fmtUnicode(v)
	default:
		p.badVerb(verb)
	}
}

func (p *printer) fmtFloat(v float64, size int, verb rune) {
	switch verb {
	case 'v':
		p.f.fmtFloat(v, size, 'g', -1)
	case 'b', 'g', 'G', 'x', 'X':
		p.f.fmtFloat(v, size, verb, -1)
	case 'f', 'e', 'E':
		p.f.fmtFloat(v, size, verb, 6)
	case 'F':
		p.f.fmtFloat(v, size, 'f', 6)
	default:
		p.badVerb(verb)
	}
}

// fmtComplex prints (r+ji); the imaginary part always carries a sign.
func (p *printer) fmtComplex(v complex128, size int, verb rune) {
	switch verb {
	case 'v', 'b', 'g', 'G', 'x', 'X', 'f', 'F', 'e', 'E':
		plus := p.f.plus
		p.buf = append(p.buf, '(')
		p.fmtFloat(real(v), size/2, verb)
		p.f.plus = true
		p.fmtFloat(imag(v), size/2, verb)
		p.buf = append(p.buf, "i)"...)
		p.f.plus = plus
	default:
		p.badVerb(verb)
	}
}

func (p *printer) fmtString(v string, verb rune) {
	switch verb {
	case 'v':
		if p.f.sharpV {
			p.f.fmtQ(v)
		} else {
			p.f.fmtS(v)
		}
	case 's':
		p.f.fmtS(v)
	case 'x':
		p.f.fmtHex(v, nil, lowerDigits)
	case 'X':
		p.f.fmtHex(v, nil, upperDigits)
	case 'q':
		p.f.fmtQ(v)
	default:
		p.badVerb(verb)
	}
}

func (p *printer) fmtByteSlice(v []byte, verb rune, typeName string) {
	switch verb {
	case 'v', 'd':
		if p.f.sharpV {
			p.buf = append(p.buf, typeName...)
			if v == nil {
				p.buf = append(p.buf, "(nil)"...)
				return
			}
			p.buf = append(p.buf, '{')
			for i, c := range v {
				if i > 0 {
					p.buf = append(p.buf, ", "...)
				}
				p.hex0x(uint64(c), true)
			}
			p.buf = append(p.buf, '}')
		} else {
			p.buf = append(p.buf, '[')
			for i, c := range v {
				if i > 0 {
					p.buf = append(p.buf, ' ')
				}
				p.f.fmtInteger(uint64(c), 10, false, verb, lowerDigits)
			}
			p.buf = append(p.buf, ']')
		}
	case 's':
		p.f.fmtBytes(v)
	case 'x':
		p.f.fmtHex("", v, lowerDigits)
	case 'X':
		p.f.fmtHex("", v, upperDigits)
	case 'q':
		p.f.fmtQ(string(v))
	default:
		p.printValue(reflect.ValueOf(v), verb, 0)
	}
}

func (p *printer) fmtPointer(value reflect.Value, verb rune) {
	var u uintptr
	switch value.Kind() {
	case reflect.Chan, reflect.Func, reflect.Map, reflect.Pointer, reflect.Slice, reflect.UnsafePointer:
		u = value.Pointer()
	default:
		p.badVerb(verb)
		return
	}
	switch verb {
	case 'v':
		if p.f.sharpV {
			p.buf = append(p.buf, '(')
			p.buf = append(p.buf, value.Type().String()...)
			p.buf = append(p.buf, ")("...)
			if u == 0 {
				p.buf = append(p.buf, "nil"...)
			} else {
				p.hex0x(uint64(u), true)
			}
			p.buf = append(p.buf, ')')
		} else if u == 0 {
			p.f.padStr("<nil>")
		} else {
			p.hex0x(uint64(u), !p.f.sharp)
		}
	case 'p':
		p.hex0x(uint64(u), !p.f.sharp)
	case 'b', 'o', 'd', 'x', 'X':
		p.fmtInteger(uint64(u), false, verb)
	default:
		p.badVerb(verb)
	}
}

// catchPanic turns a panic in a Format/String/Error/GoString method into
// %!verb(PANIC=Method method: value); a nil pointer receiver prints <nil>.
func (p *printer) catchPanic(arg any, verb rune, method string) {
	if err := recover(); err != nil {
		if v := reflect.ValueOf(arg); v.Kind() == reflect.Pointer && v.IsNil() {
			p.buf = append(p.buf, "<nil>"...)
			return
		}
		if p.panicking {
			// The panic value's own method panicked: give up.
			panic(err)
		}
		saved := p.f.flags
		p.f.reset()
		p.buf = append(p.buf, "%!"...)
		p.writeRune(verb)
		p.buf = append(p.buf, "(PANIC="...)
		p.buf = append(p.buf, method...)
		p.buf = append(p.buf, " method: "...)
		p.panicking = true
		p.printArg(err, 'v')
		p.panicking = false
		p.buf = append(p.buf, ')')
		p.f.flags = saved
	}
}

// handleMethods prints p.arg through Formatter, GoStringer, error or
// Stringer when the verb allows it, reporting whether it did.
func (p *printer) handleMethods(verb rune) (handled bool) {
	if p.erroring {
		return
	}
	if verb == 'w' {
		err, ok := p.arg.(error)
		if !ok || !p.wrapErrs || p.wrapped != nil {
			p.wrapped = nil
			p.wrapErrs = false
			p.badVerb(verb)
			return true
		}
		p.wrapped = err
		verb = 'v'
	}
	if formatter, ok := p.arg.(Formatter); ok {
		handled = true
		defer p.catchPanic(p.arg, verb, "Format")
		formatter.Format(p, verb)
		return
	}
	if p.f.sharpV {
		if stringer, ok := p.arg.(GoStringer); ok {
			handled = true
			defer p.catchPanic(p.arg, verb, "GoString")
			p.f.fmtS(stringer.GoString())
			return
		}
		return
	}
	switch verb {
	case 'v', 's', 'x', 'X', 'q':
		switch v := p.arg.(type) {
		case error:
			handled = true
			defer p.catchPanic(p.arg, verb, "Error")
			p.fmtString(v.Error(), verb)
			return
		case Stringer:
			handled = true
			defer p.catchPanic(p.arg, verb, "String")
			p.fmtString(v.String(), verb)
			return
		}
	}
	return false
}

func (p *printer) printArg(arg any, verb rune) {
	p.arg = arg
	p.value = reflect.Value{}
	if arg == nil {
		switch verb {
		case 'T', 'v':
			p.f.padStr("<nil>")
		default:
			p.badVerb(verb)
		}
		return
	}
	switch verb {
	case 'T':
		p.f.fmtS(reflect.TypeOf(arg).String())
		return
	case 'p':
		p.fmtPointer(reflect.ValueOf(arg), 'p')
		return
	}
	// Common types without reflection (the most frequent first: the cases are
	// tried in order, and each is a distinct concrete type).
	switch v := arg.(type) {
	case string:
		p.fmtString(v, verb)
	case int:
		p.fmtInteger(uint64(v), true, verb)
	case float64:
		p.fmtFloat(v, 64, verb)
	case bool:
		p.fmtBool(v, verb)
	case float32:
		p.fmtFloat(float64(v), 32, verb)
	case complex64:
		p.fmtComplex(complex128(v), 64, verb)
	case complex128:
		p.fmtComplex(v, 128, verb)
	case int8:
		p.fmtInteger(uint64(v), true, verb)
	case int16:
		p.fmtInteger(uint64(v), true, verb)
	case int32:
		p.fmtInteger(uint64(v), true, verb)
	case int64:
		p.fmtInteger(uint64(v), true, verb)
	case uint:
		p.fmtInteger(uint64(v), false, verb)
	case uint8:
		p.fmtInteger(uint64(v), false, verb)
	case uint16:
		p.fmtInteger(uint64(v), false, verb)
	case uint32:
		p.fmtInteger(uint64(v), false, verb)
	case uint64:
		p.fmtInteger(v, false, verb)
	case uintptr:
		p.fmtInteger(uint64(v), false, verb)
	case []byte:
		p.fmtByteSlice(v, verb, "[]byte")
	case reflect.Value:
		// A Value prints what it holds, methods included.
		if v.IsValid() && v.CanInterface() {
			p.arg = v.Interface()
			if p.handleMethods(verb) {
				return
			}
		}
		p.printValue(v, verb, 0)
	default:
		if !p.handleMethods(verb) {
			p.printValue(reflect.ValueOf(v), verb, 0)
		}
	}
}

// printValue prints a value by reflection; depth is 0 for the operand
// itself and grows inside composites.
func (p *printer) printValue(value reflect.Value, verb rune, depth int) {
	if depth > 0 && value.IsValid() && value.CanInterface() {
		p.arg = value.Interface()
		if p.handleMethods(verb) {
			return
		}
	}
	p.arg = nil
	p.value = value

	switch f := value; value.Kind() {
	case reflect.Invalid:
		if depth == 0 {
			p.buf = append(p.buf, "<invalid reflect.Value>"...)
		} else if verb == 'v' {
			p.buf = append(p.buf, "<nil>"...)
		} else {
			p.badVerb(verb)
		}
	case reflect.Bool:
		p.fmtBool(f.Bool(), verb)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		p.fmtInteger(uint64(f.Int()), true, verb)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		p.fmtInteger(f.Uint(), false, verb)
	case reflect.Float32:
		p.fmtFloat(f.Float(), 32, verb)
	case reflect.Float64:
		p.fmtFloat(f.Float(), 64, verb)
	case reflect.Complex64:
		p.fmtComplex(f.Complex(), 64, verb)
	case reflect.Complex128:
		p.fmtComplex(f.Complex(), 128, verb)
	case reflect.String:
		p.fmtString(f.String(), verb)
	case reflect.Map:
		if p.f.sharpV {
			p.buf = append(p.buf, f.Type().String()...)
			if f.IsNil() {
				p.buf = append(p.buf, "(nil)"...)
				return
			}
			p.buf = append(p.buf, '{')
		} else {
			p.buf = append(p.buf, "map["...)
		}
		sorted := fmtsort.Sort(f)
		for i, key := range sorted.Key {
			if i > 0 {
				p.sep()
			}
			p.printValue(key, verb, depth+1)
			p.buf = append(p.buf, ':')
			p.printValue(sorted.Value[i], verb, depth+1)
		}
		if p.f.sharpV {
			p.buf = append(p.buf, '}')
		} else {
			p.buf = append(p.buf, ']')
		}
	case reflect.Struct:
		if p.f.sharpV {
			p.buf = append(p.buf, f.Type().String()...)
		}
		p.buf = append(p.buf, '{')
		for i := 0; i < f.NumField(); i++ {
			if i > 0 {
				p.sep()
			}
			if p.f.plusV || p.f.sharpV {
				if name := f.Type().Field(i).Name; name != "" {
					p.buf = append(p.buf, name...)
					p.buf = append(p.buf, ':')
				}
			}
			field := f.Field(i)
			if field.Kind() == reflect.Interface && !field.IsNil() {
				field = field.Elem()
			}
			p.printValue(field, verb, depth+1)
		}
		p.buf = append(p.buf, '}')
	case reflect.Interface:
		elem := f.Elem()
		switch {
		case elem.IsValid():
			p.printValue(elem, verb, depth+1)
		case p.f.sharpV:
			p.buf = append(p.buf, f.Type().String()...)
			p.buf = append(p.buf, "(nil)"...)
		default:
			p.buf = append(p.buf, "<nil>"...)
		}
	case reflect.Array, reflect.Slice:
		switch verb {
		case 's', 'q', 'x', 'X':
			// Byte arrays and slices (of any named byte type) print as text.
			t := f.Type()
			if t.Elem().Kind() == reflect.Uint8 {
				var bytes []byte
				switch {
				case f.Kind() == reflect.Slice:
					bytes = f.Bytes()
				case f.CanAddr():
					bytes = f.Slice(0, f.Len()).Bytes()
				default:
					bytes = make([]byte, f.Len())
					for i := range bytes {
						bytes[i] = byte(f.Index(i).Uint())
					}
				}
				p.fmtByteSlice(bytes, verb, t.String())
				return
			}
		}
		if p.f.sharpV {
			p.buf = append(p.buf, f.Type().String()...)
			if f.Kind() == reflect.Slice && f.IsNil() {
				p.buf = append(p.buf, "(nil)"...)
				return
			}
			p.buf = append(p.buf, '{')
			for i := 0; i < f.Len(); i++ {
				if i > 0 {
					p.buf = append(p.buf, ", "...)
				}
				p.printValue(f.Index(i), verb, depth+1)
			}
			p.buf = append(p.buf, '}')
		} else {
			p.buf = append(p.buf, '[')
			for i := 0; i < f.Len(); i++ {
				if i > 0 {
					p.buf = append(p.buf, ' ')
				}
				p.printValue(f.Index(i), verb, depth+1)
			}
			p.buf = append(p.buf, ']')
		}
	case reflect.Pointer:
		// A pointer to a composite prints as &{...} at the top level only,
		// which also keeps cyclic data from recursing forever.
		if depth == 0 && f.Pointer() != 0 {
			switch a := f.Elem(); a.Kind() {
			case reflect.Array, reflect.Slice, reflect.Struct, reflect.Map:
				p.buf = append(p.buf, '&')
				p.printValue(a, verb, depth+1)
				return
			}
		}
		p.fmtPointer(f, verb)
	case reflect.Chan, reflect.Func, reflect.UnsafePointer:
		p.fmtPointer(f, verb)
	default:
		if !f.IsValid() {
			p.buf = append(p.buf, "<nil>"...)
		} else {
			p.buf = append(p.buf, '?')
			p.buf = append(p.buf, f.Type().String()...)
			p.buf = append(p.buf, '?')
		}
	}
}

// sep separates elements of maps and structs: ", " under %#v, else ' '.
func (p *printer) sep() {
	if p.f.sharpV {
		p.buf = append(p.buf, ", "...)
	} else {
		p.buf = append(p.buf, ' ')
	}
}
