package main

type pair struct {
	a, b int
	s    string
}

func main() {
	var s []int
	for i := 0; i < 2000; i++ {
		s = append(s, i)
		if len(s) == cap(s) || i < 10 {
			print(len(s), "/", cap(s), " ")
		}
	}
	println()
	sum := 0
	for _, v := range s {
		sum += v
	}
	println(sum)
	var bs []byte
	for i := 0; i < 100; i++ {
		bs = append(bs, byte(i), byte(i+1))
	}
	println(len(bs), cap(bs), bs[199])
	var ps []*pair
	var vs []pair
	for i := 0; i < 50; i++ {
		ps = append(ps, &pair{a: i, b: i * i, s: "x"})
		vs = append(vs, pair{i, -i, "y"})
	}
	println(len(ps), cap(ps), ps[49].b, len(vs), cap(vs), vs[30].b, vs[7].s)
	t := s[:3]
	t = append(t, -1)
	println(s[3], len(t))
	u := append([]int(nil), 1, 2, 3)
	println(len(u), cap(u))
	f := []float32{1.5}
	f = append(f, 2.25, 3)
	println(len(f), cap(f), f[2])
}
