package main

// Generic functions: explicit and inferred instantiation, core-type operations,
// conversions, comparable, closures, func values, nested instantiations.

type Number interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint8 | ~uint32 | ~float64
}

type MyInt int
type Celsius float64

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Max[T ~int | ~float64 | ~string](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Filter[S ~[]E, E any](s S, keep func(E) bool) S {
	var out S
	for i := range s {
		if keep(s[i]) {
			out = append(out, s[i])
		}
	}
	return out
}

func Reduce[T, A any](xs []T, init A, f func(A, T) A) A {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

func Index[T comparable](xs []T, x T) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}

func Equal[T comparable](a, b T) bool { return a == b }

func Reverse[T any](s []T) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

// Wraparound and canonical forms depend on the type argument.
func Double[T Number](x T) T { return x + x }

func Convert[From, To Number](x From) To { return To(x) }

// Byte slices and strings through a core type.
func Concat[S ~string | ~[]byte](a, b S) string { return string(a) + string(b) }

// Nested instantiations: G[T] calls H[[]T].
func Wrap[T any](x T) []T { return []T{x} }
func Twice[T any](x T) [][]T { return Wrap(Wrap(x)) }

// Recursion with the same and with growing type arguments (finite depth).
func Fact[T Number](n T) T {
	if n <= 1 {
		return 1
	}
	return n * Fact(n-1)
}

// Closures capturing type-parameter values.
func Counter[T Number](step T) func() T {
	var total T
	return func() T {
		total += step
		return total
	}
}

func Apply[T any](fs []func(T) T, x T) T {
	for _, f := range fs {
		x = f(x)
	}
	return x
}

type Point struct{ X, Y int }

func Zero[T any]() T {
	var z T
	return z
}

func Ptr[T any](x T) *T { return &x }

func Swap[A, B any](a A, b B) (B, A) { return b, a }

func Fill[T any](n int, v T) []T {
	s := make([]T, n)
	for i := range s {
		s[i] = v
	}
	return s
}

func Keys[K comparable, V any](ks []K, vs []V) (K, V) { return ks[len(ks)-1], vs[0] }

func Last[T any, S ~[]T](s S) T { return s[len(s)-1] }

func ArrayFirst[A ~[3]E, E any](a A) E { return a[0] }

func main() {
	println(Sum([]int{1, 2, 3}), Sum([]float64{1.5, 2.25}), Sum[int8]([]int8{100, 27, 1}))
	println(Sum([]MyInt{4, 5}), Sum([]Celsius{-1.5, 0.5}))
	println(Max(3, 7), Max(2.5, -1.0), Max("abc", "abd"), Max[MyInt](9, 2))
	strs := Map([]int{1, 2, 3}, func(i int) string { return string(rune('a' + i)) })
	println(len(strs), strs[0], strs[1], strs[2])
	evens := Filter([]int{1, 2, 3, 4, 5, 6}, func(x int) bool { return x%2 == 0 })
	println(len(evens), evens[0], evens[2])
	println(Reduce([]string{"x", "yy", "zzz"}, 0, func(n int, s string) int { return n + len(s) }))
	println(Index([]string{"a", "b", "c"}, "c"), Index([]int{1, 2}, 5), Index([]Point{{1, 2}, {3, 4}}, Point{3, 4}))
	println(Equal(1, 1), Equal("a", "b"), Equal(Point{1, 2}, Point{1, 2}), Equal(1.5, 2.5))
	p, q := Ptr(1), Ptr(1)
	println(Equal(p, p), Equal(p, q))
	s := []int{1, 2, 3, 4}
	Reverse(s)
	println(s[0], s[1], s[2], s[3])
	println(Double[int8](100), Double[uint8](200), Double(MyInt(21)), Double[int32](2000000000))
	println(Convert[float64, int](3.9), Convert[int, uint8](300), Convert[int64, float64](1<<40))
	println(Concat("ab", "cd"), Concat([]byte("x"), []byte("y")))
	tw := Twice(7)
	println(len(tw), len(tw[0]), tw[0][0])
	println(Fact(10), Fact[float64](5), Fact[int8](6))
	c := Counter(2.5)
	c()
	c()
	println(c())
	ci := Counter[MyInt](10)
	println(ci(), ci())
	println(Apply([]func(int) int{func(x int) int { return x * 3 }, func(x int) int { return x + 1 }}, 5))
	// generic functions as values
	f := Max[string]
	g := Sum[int]
	var h func(int) []int = Wrap[int]
	var k func(float64) float64 = Double[float64]
	println(f("x", "y"), g([]int{5, 6}), len(h(1)), k(1.25))
	fs := []func(int) int{Double[int], Fact[int]}
	println(fs[0](4), fs[1](4))
	println(Zero[int](), Zero[string]() == "", Zero[Point]().X, Zero[*int]() == nil, len(Zero[[]int]()))
	b, a := Swap("s", 4)
	println(b, a)
	fl := Fill(3, Point{7, 8})
	fl[0].X = 1
	println(len(fl), fl[0].X, fl[1].X, fl[2].Y)
	kk, vv := Keys([]string{"k1", "k2"}, []bool{true})
	println(kk, vv)
	println(Last([]string{"p", "q"}), ArrayFirst([3]int{9, 8, 7}))
}
