package main

func show(s []int) {
	println(len(s), cap(s))
	for _, v := range s {
		print(v, " ")
	}
	println()
}

func main() {
	a := [8]int{0, 1, 2, 3, 4, 5, 6, 7}
	s := a[2:5:6]
	show(s)
	s = append(s, 100)
	println(a[5])
	s = append(s, 200) // exceeds cap 4: copies
	println(a[6], s[4])
	t := a[:0:0]
	show(t)
	p := &a
	u := p[1:3:3]
	show(u)
	v := u[:2:2]
	show(v)
	w := s[1:3:4]
	show(w)
	var i, j, k uint = 1, 2, 3
	show(a[i:j:k])
	x := make([]byte, 3, 10)
	y := x[0:3:3]
	y = append(y, 'x')
	println(len(x[:4]), x[:4][3], y[3])
	n := 7
	show(s[0:0:len(s)-n+3])
}
