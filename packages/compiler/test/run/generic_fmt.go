package main

// reflect/fmt see instantiated types with Go's names, and generic values format as Go's.

import "fmt"

type T struct{}

type Pair[A, B any] struct {
	First  A
	Second B
}

func (p Pair[A, B]) String() string { return fmt.Sprintf("<%v|%v>", p.First, p.Second) }

type List[E any] struct {
	Val  E
	Next *List[E]
}

type Vec[N ~int | ~float64] []N

func (v Vec[N]) Sum() N {
	var s N
	for _, x := range v {
		s += x
	}
	return s
}

func Which[X, Y any](x any) string {
	switch x.(type) {
	case X:
		return "X"
	case Y:
		return "Y"
	case []X:
		return "[]X"
	}
	return "none"
}

func Describe[V any](v V) string { return fmt.Sprintf("%T=%v", v, v) }

func main() {
	fmt.Printf("%T\n", Pair[string, T]{})
	fmt.Printf("%T\n", &List[Pair[int, []string]]{})
	fmt.Printf("%T %v\n", Vec[float64]{1.5}, Vec[int]{1, 2, 3}.Sum())
	fmt.Println(Pair[int, bool]{7, true}, []Pair[string, int]{{"a", 1}})
	fmt.Printf("%+v\n", List[int]{Val: 3})
	fmt.Println(Which[int, string](1), Which[int, string]("s"), Which[int, int](1), Which[int, string]([]int{}), Which[int, string](1.5))
	fmt.Println(Describe(map[string]Vec[int]{"k": {4}}), Describe[any](nil), Describe(Pair[T, *T]{}))
}
