package main

type I interface{ M() }
type J interface {
	M()
	N()
}
type T struct{}

func (T) M() {}

func conv(i I) J {
	return i.(J)
}

func main() {
	var i I = T{}
	i.M()
	j := conv(i)
	j.N()
}
