package main

type Body struct {
	x, y, vx, vy, m float64
}

type Stack struct {
	items []int
}

func (s *Stack) Push(v int) { s.items = append(s.items, v) }

func (s *Stack) Pop() (int, bool) {
	if len(s.items) == 0 {
		return 0, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

func minmax(xs []int) (int, int) {
	lo, hi := xs[0], xs[0]
	for _, x := range xs[1:] {
		if x < lo {
			lo = x
		}
		if x > hi {
			hi = x
		}
	}
	return lo, hi
}

func sieve(n int) []int {
	composite := make([]bool, n+1)
	var primes []int
	for i := 2; i <= n; i++ {
		if composite[i] {
			continue
		}
		primes = append(primes, i)
		for j := i * i; j <= n; j += i {
			composite[j] = true
		}
	}
	return primes
}

func sortInts(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

func lcg(seed *uint32) int {
	*seed = *seed*1664525 + 1013904223
	return int(*seed >> 16 % 1000)
}

func step(bs []Body, dt float64) {
	for i := range bs {
		b := &bs[i]
		for j := range bs {
			if i == j {
				continue
			}
			dx := bs[j].x - b.x
			dy := bs[j].y - b.y
			d2 := dx*dx + dy*dy + 0.01
			b.vx += dx * bs[j].m / d2 * dt
			b.vy += dy * bs[j].m / d2 * dt
		}
	}
	for i := range bs {
		bs[i].x += bs[i].vx * dt
		bs[i].y += bs[i].vy * dt
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var buf [20]byte
	i := len(buf)
	for n > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	s := ""
	if neg {
		s = "-"
	}
	for _, c := range buf[i:] {
		s += string2(c)
	}
	return s
}

var digits = "0123456789"

func string2(c byte) string { return digits[c-'0' : c-'0'+1] }

func main() {
	ps := sieve(100)
	println(len(ps), ps[0], ps[len(ps)-1])
	var seed uint32 = 42
	a := make([]int, 20)
	for i := range a {
		a[i] = lcg(&seed)
	}
	sortInts(a)
	lo, hi := minmax(a)
	println(lo, hi, a[10])
	s := &Stack{}
	for i := 0; i < 5; i++ {
		s.Push(i * i)
	}
	for {
		v, ok := s.Pop()
		if !ok {
			break
		}
		print(v, " ")
	}
	println()
	bodies := []Body{{0, 0, 0, 0, 10}, {1, 0, 0, 1, 1}, {-1, 0, 0, -1, 1}}
	for i := 0; i < 100; i++ {
		step(bodies, 0.01)
	}
	println(bodies[1].x, bodies[1].y, bodies[0].vx)
	println(itoa(-12345), itoa(0), itoa(987654321))
}
