// gort standard library: package sort (unstable sort).
//
// Pattern-defeating quicksort (Peters 2021) with the parameters Go 1.19
// chose, so that equal elements end in the same order as under Go:
//
//   - ranges of at most 12 elements: insertion sort by adjacent swaps;
//   - pivot: middle of three quartile samples (l/4, l/2, 3l/4), each first
//     replaced by the median of its neighbours when the range has at least
//     50 elements ("ninther"); the number of order swaps those medians make
//     hints whether the range looks increasing (0) or decreasing (all 12),
//     and a decreasing range is reversed first;
//   - a range that looks sorted after a balanced, clean partition gets a
//     bounded insertion pass (at most 5 misplaced pairs, only for ranges of
//     50 or more) that may finish it;
//   - when the element before the range is not less than the pivot, all
//     elements equal to the pivot are split off at once;
//   - an unbalanced partition (smaller side below 1/8) spends one unit of
//     the depth budget and shuffles three elements around the middle with a
//     xorshift generator seeded by the range length; at budget 0 the range
//     is heapsorted;
//   - the smaller side is sorted by recursion, the larger by iteration.
//
// The bounded insertion pass shifts a smaller element left until index 1 of
// the whole collection, not of the range, exactly like Go 1.19; since the
// elements left of the range are never greater, the extra comparisons stop
// at once, but they are Less calls a program could observe.
package sort

const (
	smallRange     = 12 // ranges this short are insertion sorted
	nintherMin     = 50 // ranges this long sample medians of three
	maxHintSwaps   = 12 // every sample comparison swapped: decreasing
	shiftMinLen    = 50 // the bounded insertion pass needs this length
	shiftMaxPairs  = 5  // misplaced pairs the bounded pass may repair
	hintUnknown    = 0
	hintIncreasing = 1
	hintDecreasing = 2
)

func quickSort(d Interface, lo, hi, budget int) {
	balanced, clean := true, true
	for {
		size := hi - lo
		if size <= smallRange {
			insertionSort(d, lo, hi)
			return
		}
		if budget == 0 {
			heapSort(d, lo, hi)
			return
		}
		if !balanced {
			shuffleMiddle(d, lo, hi)
			budget--
		}

		p, hint := pickPivot(d, lo, hi)
		if hint == hintDecreasing {
			for x, y := lo, hi-1; x < y; x, y = x+1, y-1 {
				d.Swap(x, y)
			}
			p = hi - 1 - (p - lo) // the pivot moved with the reversal
			hint = hintIncreasing
		}
		if balanced && clean && hint == hintIncreasing && boundedInsertion(d, lo, hi) {
			return
		}

		// The element just left of the range is no greater than anything
		// in it; if it is not less than the pivot, the pivot is the minimum
		// and its equals can be set aside in one sweep.
		if lo > 0 && !d.Less(lo-1, p) {
			lo = splitEqual(d, lo, hi, p)
			continue
		}

		mid, wasClean := splitAround(d, lo, hi, p)
		clean = wasClean
		left, right := mid-lo, hi-mid
		if left < right {
			balanced = left >= size/8
			quickSort(d, lo, mid, budget)
			lo = mid + 1
		} else {
			balanced = right >= size/8
			quickSort(d, mid+1, hi, budget)
			hi = mid
		}
	}
}

// insertionSort sorts d[lo:hi] by adjacent swaps.
func insertionSort(d Interface, lo, hi int) {
	for i := lo + 1; i < hi; i++ {
		for k := i; k > lo && d.Less(k, k-1); k-- {
			d.Swap(k, k-1)
		}
	}
}

// heapSort sorts d[lo:hi] with a max-heap rooted at lo.
func heapSort(d Interface, lo, hi int) {
	n := hi - lo
	for root := (n - 1) / 2; root >= 0; root-- {
		sink(d, lo, root, n)
	}
	for last := n - 1; last >= 0; last-- {
		d.Swap(lo, lo+last)
		sink(d, lo, 0, last)
	}
}

// sink moves heap node root (relative to base) down a heap of n nodes.
func sink(d Interface, base, root, n int) {
	for {
		c := 2*root + 1
		if c >= n {
			return
		}
		if c+1 < n && d.Less(base+c, base+c+1) {
			c++
		}
		if !d.Less(base+root, base+c) {
			return
		}
		d.Swap(base+root, base+c)
		root = c
	}
}

// pickPivot returns the pivot index and the order hint for d[lo:hi].
func pickPivot(d Interface, lo, hi int) (int, int) {
	size := hi - lo
	q := size / 4
	a, b, c := lo+q, lo+2*q, lo+3*q
	swaps := 0
	if size >= 8 {
		if size >= nintherMin {
			a = median3(d, a-1, a, a+1, &swaps)
			b = median3(d, b-1, b, b+1, &swaps)
			c = median3(d, c-1, c, c+1, &swaps)
		}
		b = median3(d, a, b, c, &swaps)
	}
	switch swaps {
	case 0:
		return b, hintIncreasing
	case maxHintSwaps:
		return b, hintDecreasing
	}
	return b, hintUnknown
}

// median3 returns the index holding the median of d[x], d[y], d[z],
// counting in *swaps how many of its three ordering steps found a pair out
// of order. It compares (x,y), then (max,z), then (min,new middle).
func median3(d Interface, x, y, z int, swaps *int) int {
	if d.Less(y, x) {
		*swaps++
		x, y = y, x
	}
	if d.Less(z, y) {
		*swaps++
		y, z = z, y
	}
	if d.Less(y, x) {
		*swaps++
		x, y = y, x
	}
	return y
}

// boundedInsertion tries to finish a nearly sorted d[lo:hi] by repairing a
// few misplaced pairs; it reports whether the range is now sorted.
func boundedInsertion(d Interface, lo, hi int) bool {
	i := lo + 1
	for step := 0; step < shiftMaxPairs; step++ {
		for i < hi && !d.Less(i, i-1) {
			i++
		}
		if i == hi {
			return true
		}
		if hi-lo < shiftMinLen {
			return false
		}
		d.Swap(i, i-1)
		if i-lo >= 2 {
			// Go 1.19 walks down to index 1 of the collection (see above).
			for k := i - 1; k >= 1 && d.Less(k, k-1); k-- {
				d.Swap(k, k-1)
			}
		}
		if hi-i >= 2 {
			for k := i + 1; k < hi && d.Less(k, k-1); k++ {
				d.Swap(k, k-1)
			}
		}
	}
	return false
}

// shuffleMiddle swaps the three elements around index lo+2*(size/4) with
// pseudo-random partners to break adversarial patterns.
func shuffleMiddle(d Interface, lo, hi int) {
	size := hi - lo
	if size < 8 {
		return
	}
	state := uint64(size)
	mask := uint(1)
	for m := size; m != 0; m >>= 1 {
		mask <<= 1
	}
	mask-- // next power of two above size, minus one
	centre := lo + 2*(size/4)
	for k := centre - 1; k <= centre+1; k++ {
		state ^= state << 13
		state ^= state >> 17
		state ^= state << 5
		partner := int(uint(state) & mask)
		if partner >= size {
			partner -= size
		}
		d.Swap(k, lo+partner)
	}
}

// splitAround partitions d[lo:hi] around the pivot at p (moved to lo while
// partitioning) and returns the pivot's final index, plus whether no element
// had to be exchanged.
func splitAround(d Interface, lo, hi, p int) (int, bool) {
	d.Swap(lo, p)
	l, r := lo+1, hi-1
	clean := true
	for {
		for l <= r && d.Less(l, lo) {
			l++
		}
		for l <= r && !d.Less(r, lo) {
			r--
		}
		if l > r {
			break
		}
		clean = false
		d.Swap(l, r)
		l++
		r--
	}
	d.Swap(r, lo)
	return r, clean
}

// splitEqual moves the elements of d[lo:hi] equal to the pivot at p (which
// is the range's minimum) to the front and returns the index after them.
func splitEqual(d Interface, lo, hi, p int) int {
	d.Swap(lo, p)
	l, r := lo+1, hi-1
	for {
		for l <= r && !d.Less(lo, l) {
			l++
		}
		for l <= r && d.Less(lo, r) {
			r--
		}
		if l > r {
			return l
		}
		d.Swap(l, r)
		l++
		r--
	}
}
