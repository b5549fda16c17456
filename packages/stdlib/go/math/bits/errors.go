// gort standard library: package math/bits (run-time errors).

package bits

// bitsError is the run-time error raised by Div on a zero divisor or an
// overflowing quotient; its texts are the runtime's ("integer divide by zero",
// "integer overflow").
type bitsError string

func (e bitsError) Error() string { return "runtime error: " + string(e) }

// RuntimeError marks the value as a runtime.Error.
func (e bitsError) RuntimeError() {}

const (
	divideError   = bitsError("integer divide by zero")
	overflowError = bitsError("integer overflow")
)
