// gort standard library: package runtime/metrics (runtime-provided functions).
//
// Body-less declarations implemented by gort's runtime
// (packages/runtime/src/metrics.ts, RuntimeMetrics.addNatives); each is
// listed in packages/stdlib/NATIVES.md. Metrics are addressed by their index
// in the runtime's table (sorted by name, as All returns them).

package metrics

// count returns the number of supported metrics.
func count() int

// name returns metric i's name.
func name(i int) string

// description returns metric i's description.
func description(i int) string

// kind returns metric i's ValueKind.
func kind(i int) int

// cumulative reports whether metric i is cumulative.
func cumulative(i int) bool

// lookup returns the index of the metric called name, or -1.
func lookup(name string) int

// snapshot takes the snapshot of every metric that scalar and counts read.
func snapshot()

// scalar returns scalar metric i's value in the snapshot.
func scalar(i int) uint64

// nbuckets returns the number of bucket boundaries of histogram metric i.
func nbuckets(i int) int

// fillBuckets writes histogram metric i's boundaries into b.
func fillBuckets(i int, b []float64)

// counts writes histogram metric i's counts from the snapshot into c.
func counts(i int, c []uint64)
