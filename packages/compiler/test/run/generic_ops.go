package main

// Operators, builtins and statements on type-parameter values, with maps,
// channels, defer and goroutines inside generic code.

type Integer interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64
}

type Ordered interface {
	Integer | ~float32 | ~float64 | ~string
}

func Shl[T Integer](x T, n uint) T { return x << n }
func Shr[T Integer](x T, n int) T  { return x >> n }
func Neg[T Integer](x T) T         { return -x }
func Not[T Integer](x T) T         { return ^x }
func Div[T Integer](a, b T) (T, T) { return a / b, a % b }

func Min[T Ordered](xs ...T) T {
	m := xs[0]
	for _, x := range xs[1:] {
		if x < m {
			m = x
		}
	}
	return m
}

func Classify[T comparable](x, a, b T) string {
	switch x {
	case a:
		return "a"
	case b:
		return "b"
	}
	return "?"
}

func Suffix[S ~string](s S) S { return s + "!" }
func Len[S ~string | ~[]int](s S) int { return len(s) }

func Call[F ~func(int) int](f F, x int) int { return f(x) }

func NewOf[T any](v T) *T {
	p := new(T)
	*p = v
	return p
}

func Const[T Integer | ~float64]() T {
	x := T(7)
	x += 3
	return x * 2
}

func CountBy[K comparable, V any](xs []V, key func(V) K) map[K]int {
	m := make(map[K]int)
	for _, x := range xs {
		m[key(x)]++
	}
	return m
}

func Lookup[K comparable, V any](m map[K]V, k K) (V, bool) {
	v, ok := m[k]
	return v, ok
}

func Produce[T any](xs []T) <-chan T {
	c := make(chan T, len(xs))
	go func() {
		defer close(c)
		for _, x := range xs {
			c <- x
		}
	}()
	return c
}

func Collect[T any](c <-chan T) []T {
	var out []T
	for x := range c {
		out = append(out, x)
	}
	return out
}

func Deferred[T any](x T) (r T) {
	defer func() { r = x }()
	var zero T
	return zero
}

type Numeric interface {
	int32 | float64 | complex64 | complex128
}

func Inc[T Numeric](x T) T {
	x++
	x++
	x--
	return x
}

type S struct{ f int }
type PS *S

// composite literals of a type parameter whose core type is a pointer: elided &S{...}
func Ptrs[P *S]() []P { return []P{{f: 1}, {f: 2}} }
func Named[P PS]() []P { return []P{{f: 3}} }

type Celsius float32
type Name string
type Bits uint8
type Fn func(int) int

func main() {
	println(Shl[int8](1, 7), Shl[uint16](3, 15), Shr[int32](-16, 2), Shr[uint8](255, 4))
	println(Neg[uint8](1), Not[int16](0), Not[Bits](0x0f))
	q, r := Div[int](-7, 2)
	q8, r8 := Div[uint8](200, 7)
	println(q, r, q8, r8)
	println(Min(3, 1, 2), Min(2.5, -1.5), Min("b", "a", "c"), Min[Celsius](1.5, 0.25))
	println(Classify(2, 1, 2), Classify("x", "x", "y"), Classify(1.5, 2.0, 3.0))
	println(Suffix("hi"), Suffix(Name("n")), Len("abc"), Len([]int{1, 2}))
	println(Call(func(x int) int { return x * 10 }, 4), Call(Fn(func(x int) int { return -x }), 4))
	p := NewOf("heap")
	println(*p, *NewOf(3.5))
	println(Const[int](), Const[float64](), Const[uint8]())
	counts := CountBy([]string{"a", "bb", "cc", "ddd"}, func(s string) int { return len(s) })
	println(len(counts), counts[1], counts[2], counts[3])
	v, ok := Lookup(map[string]float64{"pi": 3.14}, "pi")
	v2, ok2 := Lookup(map[int]string{}, 1)
	println(v, ok, v2 == "", ok2)
	got := Collect(Produce([]string{"x", "y", "z"}))
	println(len(got), got[0], got[2])
	println(Deferred(42), Deferred("d"))
	ps := Ptrs[*S]()
	println(len(ps), ps[0].f, ps[1].f, Named[PS]()[0].f)
	println(Inc[int32](5), Inc(2.5), Inc(complex64(5+5i)), Inc(1i))
}
