// gort standard library: package runtime/metrics (reading samples).

package metrics

// Sample captures a single metric sample.
type Sample struct {
	// Name is the name of the metric sampled.
	//
	// It must correspond to a name in one of the metric descriptions
	// returned by All.
	Name string

	// Value is the value of the metric sample.
	Value Value
}

// buckets holds each histogram metric's boundaries, filled on first use and
// shared by every sample of that metric (as in Go, Buckets may alias).
var buckets = map[int][]float64{}

func bucketsOf(i int) []float64 {
	b, ok := buckets[i]
	if !ok {
		b = make([]float64, nbuckets(i))
		fillBuckets(i, b)
		buckets[i] = b
	}
	return b
}

// Read populates each Value field in the given slice of metric samples.
//
// Desired metrics should be present in the slice with the appropriate name.
// The user of this API is encouraged to re-use the same slice between calls for
// efficiency, but is not required to do so.
//
// Note that re-use has some caveats. Notably, Values should not be read or
// manipulated while a Read with that value is outstanding; that is a data race.
// This property includes pointer-typed Values (for example, Float64Histogram)
// whose underlying storage will be reused by Read when possible. To safely use
// such values in a concurrent setting, all data must be deep-copied.
//
// It is safe to execute multiple Read calls concurrently, but their arguments
// must share no underlying memory. When in doubt, create a new []Sample from
// scratch, which is always safe, though may be inefficient.
//
// Sample values with names not appearing in All will have their Value populated
// as KindBad to indicate that the name is unknown.
func Read(m []Sample) {
	snapshot()
	for i := range m {
		s := &m[i]
		idx := lookup(s.Name)
		if idx < 0 {
			s.Value.kind = KindBad
			continue
		}
		switch k := ValueKind(kind(idx)); k {
		case KindUint64, KindFloat64:
			s.Value.kind = k
			s.Value.scalar = scalar(idx)
		case KindFloat64Histogram:
			h := s.Value.hist
			if s.Value.kind != KindFloat64Histogram || h == nil {
				h = new(Float64Histogram)
				s.Value.kind = KindFloat64Histogram
				s.Value.hist = h
			}
			h.Buckets = bucketsOf(idx)
			if len(h.Counts) != len(h.Buckets)-1 {
				h.Counts = make([]uint64, len(h.Buckets)-1)
			}
			counts(idx, h.Counts)
		default:
			s.Value.kind = KindBad
		}
	}
}
