// methods: pointer-receiver method calls on structs and a switch on a kind field (dispatch
// without interfaces, which the compiler does not support yet).
package main

type shape struct {
	kind int
	a, b int
}

func (s *shape) area() int {
	switch s.kind {
	case 0:
		return s.a * s.a
	case 1:
		return s.a * s.b
	default:
		return s.a * s.b / 2
	}
}

func (s *shape) grow(d int) {
	s.a += d
	s.b += d & 7
}

func main() {
	shapes := make([]shape, 64)
	for i := range shapes {
		shapes[i] = shape{i % 3, i, i * 2}
	}
	total := 0
	for it := 0; it < 100000; it++ {
		for i := range shapes {
			s := &shapes[i]
			total += s.area()
			s.grow(it & 3)
			if s.a > 1000 {
				s.a = i
			}
		}
	}
	println("checksum methods", total)
}
