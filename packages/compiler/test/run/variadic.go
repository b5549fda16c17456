package main

func sum(base int, xs ...int) int {
	t := base
	for _, x := range xs {
		t += x
	}
	return t + len(xs)*1000
}

func names(prefix string, ns ...string) string {
	r := prefix
	for _, n := range ns {
		r += "," + n
	}
	return r
}

func main() {
	println(sum(1), sum(1, 2), sum(1, 2, 3, 4))
	nums := []int{10, 20, 30}
	println(sum(0, nums...))
	println(names("a"), names("a", "b", "c"))
	a := []int{1, 2, 3, 4, 5}
	b := make([]int, 3)
	n := copy(b, a)
	println(n, b[0], b[2])
	n = copy(a[1:], a)
	println(n, a[0], a[1], a[2], a[3], a[4])
	n = copy(a, a[3:])
	println(n, a[0], a[1], a[4])
	bs := make([]byte, 3)
	println(copy(bs, "héllo"), bs[0], bs[1], bs[2])
	c := append([]int{}, a...)
	c = append(c, b...)
	println(len(c), cap(c), c[7])
	var d []byte
	d = append(d, "xyz"...)
	d = append(d, d...)
	println(len(d), cap(d), d[5])
	ss := append([]string{"p"}, []string{"q", "r"}...)
	println(len(ss), ss[2], cap(ss))
}
