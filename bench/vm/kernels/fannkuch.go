// fannkuch: integer slices, indexing with bounds checks (the bench program's algorithm).
package main

func fannkuch(n int) (check int, most int) {
	cur := make([]int, n)
	work := make([]int, n)
	ctr := make([]int, n)
	for i := range cur {
		cur[i] = i
	}
	level := n
	sign := 1
	for {
		for ; level > 1; level-- {
			ctr[level-1] = level
		}
		if cur[0] != 0 {
			copy(work, cur)
			flips := 0
			for first := work[0]; first != 0; first = work[0] {
				for lo, hi := 0, first; lo < hi; lo, hi = lo+1, hi-1 {
					work[lo], work[hi] = work[hi], work[lo]
				}
				flips++
			}
			if flips > most {
				most = flips
			}
			check += sign * flips
		}
		sign = -sign
		for {
			if level == n {
				return check, most
			}
			head := cur[0]
			for i := 0; i < level; i++ {
				cur[i] = cur[i+1]
			}
			cur[level] = head
			ctr[level]--
			if ctr[level] > 0 {
				break
			}
			level++
		}
	}
}

func main() {
	check, most := fannkuch(9)
	println("checksum fannkuch", check, most)
}
