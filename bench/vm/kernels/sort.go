// sort: an LCG fills a []int that a hand-written quicksort (with insertion sort for short
// runs) sorts: what sort.Ints does, without imports.
package main

func insertion(a []int, lo, hi int) {
	for i := lo + 1; i < hi; i++ {
		for j := i; j > lo && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

func quick(a []int, lo, hi int) {
	for hi-lo > 12 {
		p := a[lo+(hi-lo)/2]
		i, j := lo, hi-1
		for i <= j {
			for a[i] < p {
				i++
			}
			for a[j] > p {
				j--
			}
			if i <= j {
				a[i], a[j] = a[j], a[i]
				i++
				j--
			}
		}
		if j-lo < hi-i {
			quick(a, lo, j+1)
			lo = i
		} else {
			quick(a, i, hi)
			hi = j + 1
		}
	}
	insertion(a, lo, hi)
}

func main() {
	n := 300000
	state := uint64(88172645463325252)
	a := make([]int, n)
	for i := range a {
		state = state*6364136223846793005 + 1442695040888963407
		a[i] = int((state >> 17) % 1000000007)
	}
	quick(a, 0, n)
	var sum uint64
	for i, v := range a {
		if i > 0 && a[i-1] > v {
			panic("not sorted")
		}
		sum = sum*1000003 + uint64(v)*uint64(i+1)
	}
	println("checksum sort", sum)
}
