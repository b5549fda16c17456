package main

type Shape interface{ Area() int }

type Sq struct{ s int }

func (q Sq) Area() int { return q.s * q.s }

type Rect struct{ w, h int }

func (r *Rect) Area() int { return r.w * r.h }

type K struct {
	name string
	id   interface{}
}

func main() {
	m := map[interface{}]string{}
	m[1] = "int 1"
	m[int64(1)] = "int64 1"
	m[uint8(1)] = "uint8 1"
	m["1"] = "string 1"
	m[1.0] = "float 1"
	m[true] = "bool"
	m[nil] = "nil"
	m[[2]int{1, 2}] = "array"
	m[struct{ a, b string }{"x", "y"}] = "struct"
	p := new(int)
	m[p] = "pointer"
	println(len(m), m[1], m[int64(1)], m[uint8(1)], m["1"], m[1.0], m[true], m[nil])
	println(m[[2]int{1, 2}], m[struct{ a, b string }{"x", "y"}], m[p], m[new(int)] == "")
	_, ok := m[int32(1)]
	println(ok)
	var z interface{}
	println(m[z])
	// +0/-0 and NaN inside interfaces
	zero := 0.0
	m[zero] = "zero"
	m[-zero] = "negzero"
	nan := zero / zero
	m[nan] = "nan1"
	m[nan] = "nan2"
	println(len(m), m[0.0], m[nan] == "")
	delete(m, 1)
	delete(m, "1")
	println(len(m), m[1] == "", m[int64(1)])

	// non-empty interface keys
	sm := map[Shape]int{}
	sm[Sq{3}] = 1
	r := &Rect{2, 5}
	sm[r] = 2
	sm[Sq{3}] += 10
	sm[&Rect{2, 5}] = 3 // different pointer: different key
	println(len(sm), sm[Sq{3}], sm[r], sm[Sq{4}])
	total := 0
	for k, v := range sm {
		total += k.Area() * v
	}
	println(total)
	var ns Shape
	sm[ns] = 7
	println(sm[nil], len(sm))

	// interfaces inside struct keys
	km := map[K]int{}
	km[K{"a", 1}] = 1
	km[K{"a", "1"}] = 2
	km[K{"a", 1}] += 5
	km[K{"b", nil}] = 3
	println(len(km), km[K{"a", 1}], km[K{"a", "1"}], km[K{"b", nil}], km[K{"b", 0}])

	// values that are interfaces
	vm := map[string]interface{}{"n": 1, "s": "str", "f": 2.5}
	vm["b"] = false
	n, isInt := vm["n"].(int)
	s, isStr := vm["s"].(string)
	println(len(vm), n, isInt, s, isStr, vm["missing"] == nil)
	sv := map[int]Shape{1: Sq{2}, 2: &Rect{3, 4}}
	println(sv[1].Area(), sv[2].Area(), sv[3] == nil)
}
