package main

type Point struct {
	X, Y int
}

type Rect struct {
	Min, Max Point
	Name     string
}

type Node struct {
	val  int
	next *Node
}

func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }

func (p *Point) Scale(k int) {
	p.X *= k
	p.Y *= k
}

func (r Rect) Area() int { return (r.Max.X - r.Min.X) * (r.Max.Y - r.Min.Y) }

func swap(a, b *int) { *a, *b = *b, *a }

func newPoint(x, y int) *Point { return &Point{X: x, Y: y} }

func modify(p Point) Point {
	p.X = 100
	return p
}

func main() {
	p := Point{1, 2}
	q := p
	q.X = 10
	println(p.X, p.Y, q.X, q.Y)
	r := p.Add(q)
	println(r.X, r.Y)
	r.Scale(3)
	println(r.X, r.Y)
	pp := &r
	pp.Scale(2)
	println(r.X, pp.Y)
	m := modify(p)
	println(p.X, m.X)
	rect := Rect{Min: Point{0, 0}, Max: Point{4, 5}, Name: "box"}
	println(rect.Name, rect.Area(), rect.Max.Y)
	a, b := 1, 2
	swap(&a, &b)
	println(a, b)
	np := newPoint(7, 8)
	np.X++
	println(np.X, np.Y)
	var list *Node
	for i := 0; i < 5; i++ {
		list = &Node{val: i, next: list}
	}
	sum := 0
	for n := list; n != nil; n = n.next {
		sum = sum*10 + n.val
	}
	println(sum)
	ip := new(int)
	*ip = 42
	println(*ip, list != nil, list.next.next.val)
	var z Point
	println(z.X, z.Y)
}
