package main

// Properties of map iteration that Go guarantees (the order itself is random).

func main() {
	// 1. the order varies from one range to the next
	m := map[int]int{}
	for i := 0; i < 100; i++ {
		m[i] = i
	}
	firsts := map[int]bool{}
	for r := 0; r < 50; r++ {
		for k := range m {
			firsts[k] = true
			break
		}
	}
	println("order varies:", len(firsts) > 1)
	small := map[int]bool{1: true, 2: true, 3: true}
	seqs := map[int]bool{}
	for r := 0; r < 100; r++ {
		s := 0
		for k := range small {
			s = s*10 + k
		}
		seqs[s] = true
	}
	println("small map orders:", len(seqs) > 1)

	// 2. an entry deleted before it is reached is not produced
	m2 := map[int]int{}
	for i := 0; i < 1000; i++ {
		m2[i] = i
	}
	seen := map[int]bool{}
	for k := range m2 {
		if seen[k] {
			println("produced twice", k)
		}
		seen[k] = true
		delete(m2, k^1)
	}
	both := 0
	for i := 0; i < 1000; i += 2 {
		if seen[i] && seen[i+1] {
			both++
		}
	}
	println("visited", len(seen), "pairs both", both, "left", len(m2))

	// 3. growth during iteration: originals produced exactly once, new ones at most once
	m3 := map[int]int{}
	for i := 0; i < 64; i++ {
		m3[i] = i
	}
	count := map[int]int{}
	next := 1000
	for k := range m3 {
		count[k]++
		for j := 0; j < 20; j++ {
			m3[next] = next
			next++
		}
	}
	orig := 0
	dup := 0
	for k, c := range count {
		if k < 64 {
			orig++
		}
		if c != 1 {
			dup++
		}
	}
	println("originals", orig, "dups", dup, "grew", len(m3) >= 64*21)

	// 4. string keys, growth and deletion mixed
	m4 := map[string]int{}
	for i := 0; i < 300; i++ {
		m4[str(i)] = i
	}
	cnt4 := map[string]int{}
	i := 0
	for k, v := range m4 {
		cnt4[k]++
		if m4[k] != v {
			println("stale value", k)
		}
		m4[str(5000+i)] = i
		if i%3 == 0 {
			delete(m4, str(299-i))
		}
		i++
	}
	bad := 0
	for k, c := range cnt4 {
		if c != 1 {
			bad++
		}
		_ = k
	}
	println("m4 iterations ok:", bad == 0, i > 200)

	// 5. updates during iteration are visible to later reads
	m5 := map[int]int{1: 1, 2: 2, 3: 3}
	for k := range m5 {
		m5[k] = m5[k] * 10
	}
	println(m5[1], m5[2], m5[3])

	// 6. delete everything while ranging, then reuse the map
	m6 := map[int]string{}
	for i := 0; i < 100; i++ {
		m6[i] = str(i)
	}
	n := 0
	for k := range m6 {
		delete(m6, k)
		n++
	}
	println(n, len(m6))
	m6[7] = "seven"
	println(len(m6), m6[7])

	// 7. NaN keys are produced by range
	m7 := map[float64]int{}
	z := 0.0
	for i := 0; i < 10; i++ {
		m7[z/z] = i
	}
	m7[1] = 100
	s := 0
	c := 0
	for k, v := range m7 {
		if k != k {
			c++
			s += v
		}
	}
	println(c, s, len(m7))

	// 8. a large map survives many grows and shrinks
	big := map[int]int{}
	for i := 0; i < 20000; i++ {
		big[i*7919] = i
	}
	okc := 0
	for i := 0; i < 20000; i++ {
		if big[i*7919] == i {
			okc++
		}
	}
	for i := 0; i < 20000; i += 2 {
		delete(big, i*7919)
	}
	tot := 0
	for _, v := range big {
		tot += v
	}
	println(okc, len(big), tot)
}

func str(i int) string {
	s := ""
	for {
		s = string(rune('a'+i%26)) + s
		i /= 26
		if i == 0 {
			return s
		}
	}
}
