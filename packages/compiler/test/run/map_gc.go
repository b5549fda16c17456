package main

import "runtime"

// Maps holding pointers stay intact while the collector runs: buckets are scanned with their
// pointer bitmaps, and growth copies entries with write barriers.

type node struct {
	id   int
	name string
	next *node
}

func garbage(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		b := make([]byte, 256)
		b[0] = byte(i)
		s += int(b[0])
	}
	return s
}

func name(i int) string {
	b := []byte{}
	for {
		b = append(b, byte('a'+i%26))
		i /= 26
		if i == 0 {
			return string(b)
		}
	}
}

func main() {
	byID := map[int]*node{}
	byName := map[string]*node{}
	lists := map[int][]*node{}
	var prev *node
	for i := 0; i < 2000; i++ {
		n := &node{id: i, name: name(i), next: prev}
		prev = n
		byID[i] = n
		byName[n.name] = n
		lists[i%10] = append(lists[i%10], n)
		if i%100 == 0 {
			garbage(20)
			runtime.GC()
		}
	}
	for i := 0; i < 2000; i += 3 {
		delete(byID, i)
	}
	garbage(500)
	runtime.GC()
	bad := 0
	for id, n := range byID {
		if n.id != id || byName[n.name] != n {
			bad++
		}
		if n.next != nil && n.next.id != id-1 {
			bad++
		}
	}
	total := 0
	for _, l := range lists {
		total += len(l)
		for _, n := range l {
			if byName[name(n.id)] != n {
				bad++
			}
		}
	}
	println(len(byID), len(byName), total, bad)

	// an iteration keeps the bucket array it started on alive through grows that complete
	// (and collections) while it runs: values stay consistent with their keys
	it := map[int]*node{}
	for i := 0; i < 64; i++ {
		it[i] = &node{id: i, name: name(i)}
	}
	next := 1000
	visited, wrong := 0, 0
	for k, n := range it {
		visited++
		if n.id != k || n.name != name(k) {
			wrong++
		}
		if visited%8 == 0 {
			for j := 0; j < 200; j++ {
				it[next] = &node{id: next, name: name(next)}
				next++
			}
			runtime.GC()
			garbage(500)
		}
	}
	println(visited >= 64, wrong, len(it) >= 64+8*200)
}
