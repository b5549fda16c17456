package main

type Shape interface {
	Area() int
	Name() string
}

type Rect struct{ w, h int }

func (r Rect) Area() int     { return r.w * r.h }
func (r Rect) Name() string  { return "rect" }

type Sq struct{ s int }

func (s *Sq) Area() int    { return s.s * s.s }
func (s *Sq) Name() string { return "square" }

type Named string

func (n Named) Name() string { return string(n) }
func (n Named) Area() int    { return len(n) }

func total(ss []Shape) int {
	t := 0
	for _, s := range ss {
		t += s.Area()
	}
	return t
}

func main() {
	var s Shape = Rect{2, 3}
	println(s.Area(), s.Name())
	s = &Sq{4}
	println(s.Area(), s.Name())
	s = Named("hello")
	println(s.Area(), s.Name())
	println(total([]Shape{Rect{1, 1}, &Sq{2}, Named("abc")}))
	var e interface{} = 5
	var n interface{}
	println(e != nil, n == nil, s != nil)
	var s2 Shape
	println(s2 == nil)
	e = "x"
	println(e == "x", e == 5, e != "y")
	var a, b interface{} = 3, 3
	println(a == b)
	b = int64(3)
	println(a == b)
	x, ok := e.(string)
	println(x, ok)
	y, ok2 := e.(int)
	println(y, ok2)
	println(e.(string))
	switch v := e.(type) {
	case int:
		println("int", v)
	case string, bool:
		println("string or bool", v == "x")
	}
	for _, v := range []interface{}{1, "a", 2.5, nil, Rect{1, 2}, true} {
		switch w := v.(type) {
		case nil:
			println("nil")
		case int:
			println("int", w)
		case float64:
			println("float", w)
		case Shape:
			println("shape", w.Area())
		default:
			println("other")
		}
	}
	var sh Shape = Rect{3, 3}
	var ee interface{} = sh
	if s3, ok := ee.(Shape); ok {
		println("is shape", s3.Name())
	}
	f := sh.Area
	println(f())
	g := Shape.Name
	println(g(sh))
}
