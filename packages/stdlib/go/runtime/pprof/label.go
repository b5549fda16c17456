// gort standard library: package runtime/pprof — profiler labels.
//
// A label set travels in a context.Context (WithLabels, Do); a goroutine's
// current set (SetGoroutineLabels, Do) is handed to gort's runtime, which
// attaches it to the goroutine's CPU samples and goroutine-profile
// entries and gives it to goroutines the goroutine starts, as Go does.

package pprof

import (
	"context"
	"sort"
	"strconv"
	"strings"
)

type label struct {
	key   string
	value string
}

// LabelSet is a set of labels.
type LabelSet struct {
	list []label
}

// labelContextKey is the context key of the label map.
type labelContextKey struct{}

// labelMap is the label set of a context: key → value.
type labelMap map[string]string

func labelValue(ctx context.Context) labelMap {
	labels, _ := ctx.Value(labelContextKey{}).(*labelMap)
	if labels == nil {
		return labelMap(nil)
	}
	return *labels
}

// String formats the labels as {"key":"value", ...}, sorted.
func (l *labelMap) String() string {
	if l == nil {
		return "{}"
	}
	kv := make([]string, 0, len(*l))
	for k, v := range *l {
		kv = append(kv, strconv.Quote(k)+":"+strconv.Quote(v))
	}
	sort.Strings(kv)
	return "{" + strings.Join(kv, ", ") + "}"
}

// WithLabels returns a new context.Context with the given labels added; a
// label overwrites a prior label with the same key.
func WithLabels(ctx context.Context, labels LabelSet) context.Context {
	child := make(labelMap)
	for k, v := range labelValue(ctx) {
		child[k] = v
	}
	for _, l := range labels.list {
		child[l.key] = l.value
	}
	return context.WithValue(ctx, labelContextKey{}, &child)
}

// Labels takes an even number of strings representing key-value pairs and
// makes a LabelSet containing them.
func Labels(args ...string) LabelSet {
	if len(args)%2 != 0 {
		panic("uneven number of arguments to pprof.Labels")
	}
	list := make([]label, 0, len(args)/2)
	for i := 0; i+1 < len(args); i += 2 {
		list = append(list, label{key: args[i], value: args[i+1]})
	}
	return LabelSet{list: list}
}

// Label returns the value of the label with the given key on ctx, and a
// boolean indicating whether that label exists.
func Label(ctx context.Context, key string) (string, bool) {
	v, ok := labelValue(ctx)[key]
	return v, ok
}

// ForLabels invokes f with each label set on the context; f returns false
// to stop the iteration.
func ForLabels(ctx context.Context, f func(key, value string) bool) {
	for k, v := range labelValue(ctx) {
		if !f(k, v) {
			break
		}
	}
}

// SetGoroutineLabels sets the current goroutine's labels to match ctx. A
// new goroutine inherits the labels of the goroutine that created it.
func SetGoroutineLabels(ctx context.Context) {
	m := labelValue(ctx)
	kv := make([]string, 0, 2*len(m))
	for k, v := range m {
		kv = append(kv, k, v)
	}
	runtime_setLabels(kv)
}

// Do calls f with a copy of the parent context with the given labels
// added; during f the goroutine carries those labels, and goroutines it
// starts inherit them. The goroutine's labels are restored after f.
func Do(ctx context.Context, labels LabelSet, f func(context.Context)) {
	defer SetGoroutineLabels(ctx)
	ctx = WithLabels(ctx, labels)
	SetGoroutineLabels(ctx)
	f(ctx)
}
