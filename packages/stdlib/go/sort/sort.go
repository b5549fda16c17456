// gort standard library: package sort.

// Package sort sorts slices and user-defined collections and searches
// sorted data.
//
// Sort is an unstable sort, and programs can observe how it orders equal
// elements. To print exactly what Go 1.19 prints, Sort follows the same
// pattern-defeating quicksort (pdqsort; Orson Peters, "Pattern-defeating
// Quicksort", 2021) with the same parameters, so it performs the same
// sequence of Less and Swap calls: see pdqsort.go. Stable is insertion sort
// on blocks followed by in-place SymMerge (Kim & Kutzner, "Stable Minimum
// Storage Merging by Symmetric Comparisons", 2004); being stable, its result
// is unique anyway.
package sort

import "internal/reflectlite"

// Interface is a collection that can be sorted by index.
type Interface interface {
	// Len is the number of elements.
	Len() int
	// Less reports whether element i must sort before element j.
	Less(i, j int) bool
	// Swap exchanges elements i and j.
	Swap(i, j int)
}

// Sort sorts data in ascending order of Less. It is not stable.
func Sort(data Interface) {
	n := data.Len()
	if n > 1 {
		quickSort(data, 0, n, depthBudget(n))
	}
}

// depthBudget is how many unbalanced partitions are tolerated before the
// sort falls back to heapsort: the bit length of n.
func depthBudget(n int) int {
	budget := 0
	for u := uint(n); u != 0; u >>= 1 {
		budget++
	}
	return budget
}

// IsSorted reports whether data is sorted.
func IsSorted(data Interface) bool {
	for i := data.Len() - 1; i > 0; i-- {
		if data.Less(i, i-1) {
			return false
		}
	}
	return true
}

// Stable sorts data in ascending order of Less, keeping equal elements in
// their original order.
func Stable(data Interface) {
	stableSort(data, data.Len())
}

type reversed struct {
	Interface
}

func (r reversed) Less(i, j int) bool { return r.Interface.Less(j, i) }

// Reverse returns data with Less inverted, for sorting in descending order.
func Reverse(data Interface) Interface {
	return &reversed{data}
}

// funcData adapts a less function and a swapper to Interface.
type funcData struct {
	n    int
	less func(i, j int) bool
	swap func(i, j int)
}

func (f *funcData) Len() int           { return f.n }
func (f *funcData) Less(i, j int) bool { return f.less(i, j) }
func (f *funcData) Swap(i, j int)      { f.swap(i, j) }

// Slice sorts the slice x with the less function; it panics if x is not a
// slice. It is not stable.
func Slice(x any, less func(i, j int) bool) {
	swap := reflectlite.Swapper(x)
	n := reflectlite.Len(x)
	if n > 1 {
		quickSort(&funcData{n, less, swap}, 0, n, depthBudget(n))
	}
}

// SliceStable sorts the slice x with the less function, keeping equal
// elements in their original order; it panics if x is not a slice.
func SliceStable(x any, less func(i, j int) bool) {
	swap := reflectlite.Swapper(x)
	n := reflectlite.Len(x)
	stableSort(&funcData{n, less, swap}, n)
}

// SliceIsSorted reports whether the slice x is sorted by less; it panics if
// x is not a slice.
func SliceIsSorted(x any, less func(i, j int) bool) bool {
	for i := reflectlite.Len(x) - 1; i > 0; i-- {
		if less(i, i-1) {
			return false
		}
	}
	return true
}

// ---- convenience types ----

// IntSlice attaches Interface's methods to []int, in increasing order.
type IntSlice []int

func (x IntSlice) Len() int           { return len(x) }
func (x IntSlice) Less(i, j int) bool { return x[i] < x[j] }
func (x IntSlice) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }

// Sort sorts x in increasing order.
func (x IntSlice) Sort() { Sort(x) }

// Search returns SearchInts(x, v).
func (x IntSlice) Search(v int) int { return SearchInts(x, v) }

// Float64Slice attaches Interface's methods to []float64, in increasing
// order with NaNs before all other values.
type Float64Slice []float64

func (x Float64Slice) Len() int { return len(x) }

// Less orders NaN first: x[i] < x[j] || (x[i] is NaN && x[j] is not).
func (x Float64Slice) Less(i, j int) bool { return x[i] < x[j] || (x[i] != x[i] && x[j] == x[j]) }
func (x Float64Slice) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }

// Sort sorts x in increasing order.
func (x Float64Slice) Sort() { Sort(x) }

// Search returns SearchFloat64s(x, v).
func (x Float64Slice) Search(v float64) int { return SearchFloat64s(x, v) }

// StringSlice attaches Interface's methods to []string, in increasing order.
type StringSlice []string

func (x StringSlice) Len() int           { return len(x) }
func (x StringSlice) Less(i, j int) bool { return x[i] < x[j] }
func (x StringSlice) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }

// Sort sorts x in increasing order.
func (x StringSlice) Sort() { Sort(x) }

// Search returns SearchStrings(x, v).
func (x StringSlice) Search(v string) int { return SearchStrings(x, v) }

// Ints sorts x in increasing order.
func Ints(x []int) { Sort(IntSlice(x)) }

// Float64s sorts x in increasing order, NaNs first.
func Float64s(x []float64) { Sort(Float64Slice(x)) }

// Strings sorts x in increasing order.
func Strings(x []string) { Sort(StringSlice(x)) }

// IntsAreSorted reports whether x is in increasing order.
func IntsAreSorted(x []int) bool { return IsSorted(IntSlice(x)) }

// Float64sAreSorted reports whether x is in increasing order, NaNs first.
func Float64sAreSorted(x []float64) bool { return IsSorted(Float64Slice(x)) }

// StringsAreSorted reports whether x is in increasing order.
func StringsAreSorted(x []string) bool { return IsSorted(StringSlice(x)) }
