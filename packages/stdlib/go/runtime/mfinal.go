// gort standard library: package runtime (finalizers).

package runtime

// SetFinalizer sets the finalizer of obj, a pointer to a heap object, to
// finalizer, a func taking obj's pointer type (or an empty interface):
// once the collector finds obj unreachable it runs finalizer(obj) on a
// goroutine of its own, after which obj may be freed. A nil finalizer
// removes the finalizer. Misuse is a fatal error, with Go's messages
// (packages/runtime/src/finq.ts and mfinal.ts).
func SetFinalizer(obj any, finalizer any)
