// gort standard library: package sort (binary search).

package sort

// Search returns the smallest index i in [0, n) for which f(i) is true,
// assuming f is false then true over the range; n when f is never true.
func Search(n int, f func(int) bool) int {
	lo, hi := 0, n // invariant: f(lo-1) false, f(hi) true (virtually)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if f(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// Find returns the smallest index i in [0, n) at which cmp(i) <= 0, and
// whether cmp(i) == 0 there; cmp must be positive, then zero, then negative
// over the range. It returns (n, false) when cmp is positive everywhere.
func Find(n int, cmp func(int) int) (i int, found bool) {
	lo, hi := 0, n
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if cmp(mid) > 0 {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo, lo < n && cmp(lo) == 0
}

// SearchInts returns the index at which x is, or would be inserted, in the
// increasingly sorted a.
func SearchInts(a []int, x int) int {
	return Search(len(a), func(i int) bool { return a[i] >= x })
}

// SearchFloat64s returns the index at which x is, or would be inserted, in
// the increasingly sorted a.
func SearchFloat64s(a []float64, x float64) int {
	return Search(len(a), func(i int) bool { return a[i] >= x })
}

// SearchStrings returns the index at which x is, or would be inserted, in
// the increasingly sorted a.
func SearchStrings(a []string, x string) int {
	return Search(len(a), func(i int) bool { return a[i] >= x })
}
