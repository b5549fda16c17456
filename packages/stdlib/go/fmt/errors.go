// gort standard library: package fmt (Errorf).

package fmt

import "errors"

// Errorf formats according to a format specifier and returns the string as
// a value that satisfies error. A single %w operand (an error) is wrapped:
// the result has an Unwrap method returning it. %w anywhere else (more
// than once, or with an operand that is not an error) prints as a bad verb.
func Errorf(format string, a ...any) error {
	p := newPrinter()
	p.wrapErrs = true
	p.doPrintf(format, a)
	s := string(p.buf)
	var err error
	if p.wrapped == nil {
		err = errors.New(s)
	} else {
		err = &wrapError{s, p.wrapped}
	}
	p.free()
	return err
}

type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string { return e.msg }
func (e *wrapError) Unwrap() error { return e.err }
