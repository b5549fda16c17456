// gort standard library: package sort (stable sort).
//
// Stable sorts blocks of 20 elements by insertion, then merges runs of
// doubling width in place with SymMerge (Kim & Kutzner 2004), which only
// needs Less and Swap: O(n log n) comparisons and O(n log² n) swaps.
package sort

const stableBlock = 20

func stableSort(d Interface, n int) {
	for lo := 0; lo < n; lo += stableBlock {
		hi := lo + stableBlock
		if hi > n {
			hi = n
		}
		insertionSort(d, lo, hi)
	}
	for width := stableBlock; width < n; width *= 2 {
		for lo := 0; lo+width < n; lo += 2 * width {
			hi := lo + 2*width
			if hi > n {
				hi = n
			}
			symMerge(d, lo, lo+width, hi)
		}
	}
}

// symMerge merges the sorted runs d[a:m] and d[m:b] in place.
func symMerge(d Interface, a, m, b int) {
	// A single element on either side is placed by binary search and
	// rotated in.
	if m-a == 1 {
		// first index in [m, b) whose element is not less than d[a]
		lo, hi := m, b
		for lo < hi {
			h := int(uint(lo+hi) >> 1)
			if d.Less(h, a) {
				lo = h + 1
			} else {
				hi = h
			}
		}
		for k := a; k < lo-1; k++ {
			d.Swap(k, k+1)
		}
		return
	}
	if b-m == 1 {
		// first index in [a, m) whose element is greater than d[m]
		lo, hi := a, m
		for lo < hi {
			h := int(uint(lo+hi) >> 1)
			if !d.Less(m, h) {
				lo = h + 1
			} else {
				hi = h
			}
		}
		for k := m; k > lo; k-- {
			d.Swap(k, k-1)
		}
		return
	}

	mid := int(uint(a+b) >> 1)
	n := mid + m
	var start, r int
	if m > mid {
		start = n - b
		r = mid
	} else {
		start = a
		r = m
	}
	p := n - 1
	for start < r {
		c := int(uint(start+r) >> 1)
		if !d.Less(p-c, c) {
			start = c + 1
		} else {
			r = c
		}
	}
	end := n - start
	if start < m && m < end {
		rotate(d, start, m, end)
	}
	if a < start && start < mid {
		symMerge(d, a, start, mid)
	}
	if mid < end && end < b {
		symMerge(d, mid, end, b)
	}
}

// swapRange exchanges d[a:a+n] with d[b:b+n].
func swapRange(d Interface, a, b, n int) {
	for i := 0; i < n; i++ {
		d.Swap(a+i, b+i)
	}
}

// rotate exchanges the adjacent blocks d[a:m] and d[m:b] using block swaps
// (the Gries–Mills rotation).
func rotate(d Interface, a, m, b int) {
	i := m - a
	j := b - m
	for i != j {
		if i > j {
			swapRange(d, m-i, m, j)
			i -= j
		} else {
			swapRange(d, m-i, m+j-i, i)
			j -= i
		}
	}
	swapRange(d, m-i, m, i)
}
