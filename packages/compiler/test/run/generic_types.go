package main

// Generic types: methods with value and pointer receivers, method values and
// expressions, embedding, recursive generic types, constraints with methods.

type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(x T) { s.items = append(s.items, x) }
func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	x := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return x, true
}
func (s Stack[T]) Len() int { return len(s.items) }
func (s Stack[T]) Peek() T  { return s.items[len(s.items)-1] }

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) Swap() Pair[K, V] { return p }
func MakePair[K comparable, V any](k K, v V) Pair[K, V] {
	return Pair[K, V]{k, v}
}

// Recursive generic types.
type List[T any] struct {
	head *node[T]
	size int
}

type node[T any] struct {
	val  T
	next *node[T]
}

func (l *List[T]) Add(v T) {
	l.head = &node[T]{v, l.head}
	l.size++
}

func (l *List[T]) Each(f func(T)) {
	for n := l.head; n != nil; n = n.next {
		f(n.val)
	}
}

func (l *List[T]) Slice() []T {
	var out []T
	l.Each(func(v T) { out = append(out, v) })
	return out
}

type Tree[T interface{ ~int | ~string }] struct {
	Left, Right *Tree[T]
	Val         T
}

func (t *Tree[T]) Insert(v T) *Tree[T] {
	if t == nil {
		return &Tree[T]{Val: v}
	}
	if v < t.Val {
		t.Left = t.Left.Insert(v)
	} else {
		t.Right = t.Right.Insert(v)
	}
	return t
}

func (t *Tree[T]) Walk(f func(T)) {
	if t == nil {
		return
	}
	t.Left.Walk(f)
	f(t.Val)
	t.Right.Walk(f)
}

// Constraints with methods.
type Shape interface {
	Area() int
	Name() string
}

type Rect struct{ W, H int }
type Square int

func (r Rect) Area() int       { return r.W * r.H }
func (r Rect) Name() string    { return "rect" }
func (s Square) Area() int     { return int(s) * int(s) }
func (s Square) Name() string  { return "square" }
func (s *Square) Grow(by int)  { *s += Square(by) }
func (s *Square) Value() int   { return int(*s) }

func TotalArea[S Shape](shapes []S) int {
	t := 0
	for _, s := range shapes {
		t += s.Area()
	}
	return t
}

func Describe[S Shape](s S) string {
	f := s.Name
	return f() + "!"
}

// The pointer-method pattern: PT is *T with methods.
type Grower[T any] interface {
	*T
	Grow(int)
	Value() int
}

func GrowAll[T any, PT Grower[T]](xs []T, by int) int {
	sum := 0
	for i := range xs {
		p := PT(&xs[i])
		p.Grow(by)
		sum += p.Value()
	}
	return sum
}

// Embedding a generic type.
type Named[T any] struct {
	Stack[T]
	Name string
}

// A generic type with a type-parameter array and a method value.
type Ring[T any] struct {
	buf [4]T
	n   int
}

func (r *Ring[T]) Put(x T) {
	r.buf[r.n%len(r.buf)] = x
	r.n++
}

func (r Ring[T]) At(i int) T { return r.buf[i] }

type Num[T any] int

func (n Num[T]) Twice() Num[T] { return n * 2 }

type Opt[T any] struct {
	v  T
	ok bool
}

func Some[T any](v T) Opt[T] { return Opt[T]{v, true} }
func (o Opt[T]) Get() (T, bool) { return o.v, o.ok }
func (o Opt[T]) Or(d T) T {
	if o.ok {
		return o.v
	}
	return d
}

func main() {
	var s Stack[string]
	s.Push("a")
	s.Push("b")
	println(s.Len(), s.Peek())
	x, ok := s.Pop()
	println(x, ok, s.Len())
	s.Pop()
	x, ok = s.Pop()
	println(x == "", ok)

	is := &Stack[int]{}
	push := is.Push
	push(4)
	push(5)
	plen := Stack[int].Len
	ppush := (*Stack[int]).Push
	ppush(is, 6)
	println(plen(*is), is.Peek())

	p := MakePair("k", 3.5)
	p2 := p.Swap()
	println(p2.Key, p2.Val, p == p2)
	pp := Pair[int, Pair[string, bool]]{1, Pair[string, bool]{"in", true}}
	println(pp.Val.Key, pp.Val.Val)

	var l List[int]
	for i := 0; i < 5; i++ {
		l.Add(i * i)
	}
	sl := l.Slice()
	println(l.size, len(sl), sl[0], sl[4])

	var t *Tree[string]
	for _, w := range []string{"m", "c", "x", "a", "e"} {
		t = t.Insert(w)
	}
	out := ""
	t.Walk(func(v string) { out += v })
	println(out)

	println(TotalArea([]Rect{{2, 3}, {4, 5}}), TotalArea([]Square{3, 4}))
	println(Describe(Rect{}), Describe(Square(2)))
	sq := []Square{1, 2, 3}
	println(GrowAll(sq, 10), sq[0], sq[2])

	n := Named[float64]{Name: "n"}
	n.Push(1.5)
	n.Stack.Push(2.5)
	println(n.Len(), n.Peek(), n.Name)

	var r Ring[byte]
	for c := byte('a'); c < 'g'; c++ {
		r.Put(c)
	}
	at := r.At
	println(r.n, at(0), at(1), at(3))

	println(Num[string](21).Twice(), Num[bool](4).Twice().Twice())
	o := Some(42)
	v, ok2 := o.Get()
	println(v, ok2, Opt[string]{}.Or("dflt"), o.Or(7))
}
