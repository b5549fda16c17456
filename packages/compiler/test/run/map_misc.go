package main

type Set map[string]bool

func (s Set) Add(k string) { s[k] = true }
func (s Set) Has(k string) bool { return s[k] }
func (s *Set) Reset() { *s = Set{} }

type Graph struct {
	edges map[int][]int
	names map[int]string
}

func NewGraph() *Graph {
	return &Graph{edges: make(map[int][]int), names: map[int]string{}}
}

func (g *Graph) Add(a, b int) {
	g.edges[a] = append(g.edges[a], b)
	g.edges[b] = append(g.edges[b], a)
}

type Counter map[string]int

func count(words []string) Counter {
	c := Counter{}
	for _, w := range words {
		c[w]++
	}
	return c
}

var global = map[string][]string{
	"a": {"x", "y"},
	"b": nil,
}

func mk(n int) map[int]int {
	m := make(map[int]int, n)
	for i := 0; i < n; i++ {
		m[i] = -i
	}
	return m
}

func main() {
	s := Set{}
	s.Add("x")
	s.Add("y")
	println(s.Has("x"), s.Has("z"), len(s))
	s.Reset()
	println(len(s), s.Has("x"))

	g := NewGraph()
	g.Add(1, 2)
	g.Add(1, 3)
	g.names[1] = "one"
	println(len(g.edges[1]), g.edges[1][1], len(g.edges[3]), g.names[1], g.names[2] == "")

	c := count([]string{"a", "b", "a", "c", "a"})
	println(c["a"], c["b"], c["d"], len(c))

	nested := map[string]map[string]int{"x": {}}
	nested["x"]["y"] = 5
	nested["x"]["y"] += 2
	println(nested["x"]["y"], len(nested["x"]))

	fs := map[string]func(int) int{
		"double": func(x int) int { return 2 * x },
		"square": func(x int) int { return x * x },
	}
	println(fs["double"](4), fs["square"](5), fs["none"] == nil)

	println(len(global["a"]), global["a"][1], global["b"] == nil, len(global))
	m := mk(100)
	println(len(m), m[99])
	var mp *map[int]int = &m
	(*mp)[1000] = 1
	println(len(m), (*mp)[1000])

	arrs := map[string][3]int{}
	a := arrs["k"]
	a[1] = 7
	arrs["k"] = a
	println(arrs["k"][1], arrs["q"][2])

	type pt struct{ x, y int }
	pts := map[pt]map[pt]bool{}
	for i := 0; i < 3; i++ {
		p := pt{i, i}
		if pts[p] == nil {
			pts[p] = map[pt]bool{}
		}
		pts[p][pt{i + 1, 0}] = true
	}
	println(len(pts), pts[pt{2, 2}][pt{3, 0}], pts[pt{2, 2}][pt{2, 0}])

	// swap through maps, parallel assignment
	sw := map[int]int{1: 10, 2: 20}
	sw[1], sw[2] = sw[2], sw[1]
	println(sw[1], sw[2])
	k := 1
	k, sw[k] = 2, 99
	println(k, sw[1], sw[2])

	// delete of absent keys and from empty maps
	e := map[string]int{}
	delete(e, "nope")
	e["a"] = 1
	delete(e, "a")
	delete(e, "a")
	println(len(e))
	// a map in an interface compared to nil
	var any interface{} = e
	mm, ok := any.(map[string]int)
	mm["z"] = 26
	println(ok, e["z"])
}
