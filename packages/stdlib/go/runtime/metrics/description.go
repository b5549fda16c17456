// gort standard library: package runtime/metrics (descriptions).

package metrics

// Description describes a runtime metric.
type Description struct {
	// Name is the full name of the metric which includes the unit.
	Name string

	// Description is an English language sentence describing the metric.
	Description string

	// Kind is the kind of value for this metric.
	Kind ValueKind

	// Cumulative is whether or not the metric is cumulative.
	Cumulative bool
}

// all is All's result, built once from the runtime's table.
var all []Description

// All returns a slice of containing metric descriptions for all supported metrics,
// sorted by name.
func All() []Description {
	if all == nil {
		n := count()
		d := make([]Description, n)
		for i := 0; i < n; i++ {
			d[i].Name = name(i)
			d[i].Description = description(i)
			d[i].Kind = ValueKind(kind(i))
			d[i].Cumulative = cumulative(i)
		}
		all = d
	}
	return all
}
