// gort standard library: package runtime (failed type assertions).
//
// A failed x.(T) is recorded by gort's VM as panic kind PK_TYPEASSERT
// (packages/runtime/src/iface.ts). When recover() returns such a panic the
// VM boxes it as a *TypeAssertionError, which it finds by name among the
// image's type descriptors, and writes msg, the message Go prints. The
// layout is part of that contract: {msg string @0}.

package runtime

// A TypeAssertionError explains a failed type assertion.
type TypeAssertionError struct {
	msg string
}

func (*TypeAssertionError) RuntimeError() {}

func (e *TypeAssertionError) Error() string {
	return e.msg
}
