package main

// The collector must not move the running goroutine's stack while a runtime native that
// allocates is in progress: the native (here append's runtime.growslice) holds the addresses
// of its argument and result slots in JavaScript variables. main's stack is grown by deep()
// and mostly unused once it returns, so the stack scan of a GC assist inside growslice's
// allocation would shrink it; growslice then wrote its result (ptr, len, cap) into the old
// stack and main kept stale slice words (a wrong slice, or a nil dereference in
// strings.Builder.WriteByte in the dispatch benchmark). The fix: never shrink the running
// goroutine's stack (proc.ts, like Go's isShrinkStackSafe).

func deep(n, a, b, c, d, e, f, g, h int) int {
	if n == 0 {
		return a + b + c + d + e + f + g + h
	}
	return deep(n-1, b, c, d, e, f, g, h, a) - 1
}

func main() {
	base := make([]int, 1<<16)
	for i := range base {
		base[i] = i
	}
	bad := 0
	for round := 0; round < 40; round++ {
		deep(1000, 1, 2, 3, 4, 5, 6, 7, 8)
		// every allocation of the loop is this growslice (~640 KiB): GC cycles start and
		// assist inside it
		t := base[:len(base):len(base)]
		t = append(t, round)
		if len(t) != len(base)+1 || cap(t) <= len(base) || t[len(base)] != round || t[12345] != 12345 {
			bad++
		}
	}
	println("bad", bad)
}
