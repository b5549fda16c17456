// gort standard library: package reflect (runtime-provided functions).
//
// These declarations have no Go body: gort's runtime implements them (they
// are Go's runtime services for reflect). Every one is listed with its
// contract in packages/stdlib/NATIVES.md; keep the two in sync.

package reflect

import "unsafe"

// unsafe_New allocates a zeroed value of type t on the heap.
func unsafe_New(t *rtype) unsafe.Pointer

// unsafe_NewArray allocates a zeroed [n]t on the heap.
func unsafe_NewArray(t *rtype, n int) unsafe.Pointer

// typedmemmove copies a value of type t from src to dst (with write barriers).
func typedmemmove(t *rtype, dst, src unsafe.Pointer)

// typedmemclr zeroes the value of type t at p.
func typedmemclr(t *rtype, p unsafe.Pointer)

// typedslicecopy copies min(dst.Len, src.Len) elements of type elem
// (overlap allowed) and returns the count.
func typedslicecopy(elem *rtype, dst, src sliceHeader) int

// growslice returns a slice header with old's elements and capacity at
// least newLen, grown with append's policy (same capacities as append).
func growslice(elem *rtype, old sliceHeader, newLen int) sliceHeader

// ptrTo returns the descriptor of *t, building (and caching) one when the
// image has none.
func ptrTo(t *rtype) *rtype

// ifaceE2I stores src converted to the non-empty interface type t at dst
// (itab, data); src's dynamic type implements t.
func ifaceE2I(t *rtype, src any, dst unsafe.Pointer)

// makemap returns a new map of map type t sized for about n entries.
func makemap(t *rtype, n int) unsafe.Pointer

// mapaccess returns a pointer to m[*key] or nil when absent (nil m allowed).
func mapaccess(t *rtype, m unsafe.Pointer, key unsafe.Pointer) unsafe.Pointer

// mapassign stores *elem at m[*key]; panics on a nil map as Go does.
func mapassign(t *rtype, m unsafe.Pointer, key, elem unsafe.Pointer)

// mapdelete deletes m[*key].
func mapdelete(t *rtype, m unsafe.Pointer, key unsafe.Pointer)

// maplen returns len(m) (0 for nil).
func maplen(m unsafe.Pointer) int

// mapiterinit starts an iteration over m (random start, as range does) and
// positions it on the first entry; it.key == nil when there is none.
func mapiterinit(t *rtype, m unsafe.Pointer, it *hiter)

// mapiternext advances it; it.key == nil at the end.
func mapiternext(it *hiter)

// makechan returns a new channel of chan type t with buffer size n.
func makechan(t *rtype, n int) unsafe.Pointer

// chansend sends *val on ch; with nb it does not block and reports whether
// the value was sent.
func chansend(ch unsafe.Pointer, val unsafe.Pointer, nb bool) bool

// chanrecv receives from ch into *val (zeroed when closed); selected is
// false only when nb and nothing was ready; received is false on a closed
// channel.
func chanrecv(ch unsafe.Pointer, nb bool, val unsafe.Pointer) (selected, received bool)

// chanlen, chancap: len(ch), cap(ch) (0 for nil).
func chanlen(ch unsafe.Pointer) int
func chancap(ch unsafe.Pointer) int

// chanclose closes ch (Go's panics for nil and closed channels).
func chanclose(ch unsafe.Pointer)
