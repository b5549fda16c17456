//go:build ignore

// Golden program: reflection and fmt over many types, with output that does
// not depend on addresses or map order. check.mjs verifies reflect_smoke.out
// against Go 1.19; once gort runs programs, `gort run` must print the same.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Point struct {
	X, Y int `json:"x" note:"coord"`
}

func (p Point) Add(q Point) Point     { return Point{p.X + q.X, p.Y + q.Y} }
func (p *Point) Scale(k int)          { p.X *= k; p.Y *= k }
func (p Point) Sum(vals ...int) int   { s := p.X + p.Y; for _, v := range vals { s += v }; return s }
func (p Point) unexported()           {}
func (p Point) String() string        { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

type Base struct {
	ID   int
	name string
}

func (b Base) Describe() string { return fmt.Sprintf("base#%d", b.ID) }

type Item struct {
	Base
	*Point
	Title string            `json:"title,omitempty"`
	Tags  []string          `json:"tags"`
	Attrs map[string]int    `json:"-"`
	Next  *Item
	Any   any
	Fn    func(int) string
	Ch    chan<- int
	Arr   [3]byte
	temp  Celsius
}

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Rect struct{ W, H float64 }

func (r Rect) Area() float64      { return r.W * r.H }
func (r Rect) Perimeter() float64 { return 2 * (r.W + r.H) }

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

type MyErr struct{ Code int }

func (e *MyErr) Error() string { return fmt.Sprintf("code %d", e.Code) }

func types() {
	fmt.Println("== types")
	vals := []any{
		0, int8(1), uint16(2), 3.5, float32(1), complex64(1), "s", true, 'r', byte(1), uintptr(0),
		[]byte(nil), []rune(nil), [2]bool{}, map[string][]*Point{}, make(chan int), make(<-chan string),
		make(chan<- error), func(int, ...string) (bool, error) { return false, nil }, func() {},
		Point{}, &Point{}, Item{}, Rect{}, Celsius(0), Pair[string, Point]{}, Pair[int, []Pair[bool, *Rect]]{},
		struct {
			A int `k:"v"`
			b string
			Point
		}{}, struct{}{}, (*Shape)(nil), (*error)(nil), (*any)(nil), (*io.Reader)(nil),
		(*interface{ M(int) string })(nil), &MyErr{}, errors.New("x"), os.Stdout, sync.Mutex{}, &atomic.Int64{},
	}
	for _, v := range vals {
		t := reflect.TypeOf(v)
		fmt.Printf("%-48s kind=%-10v name=%-22q pkg=%q size=%d align=%d comparable=%v\n",
			t.String(), t.Kind(), t.Name(), t.PkgPath(), t.Size(), t.Align(), t.Comparable())
	}
}

func structs() {
	fmt.Println("== structs")
	t := reflect.TypeOf(Item{})
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		fmt.Printf("%d %-6s %-22s off=%-3d anon=%-5v exported=%-5v pkg=%q json=%q index=%v\n",
			i, f.Name, f.Type, f.Offset, f.Anonymous, f.IsExported(), f.PkgPath, f.Tag.Get("json"), f.Index)
	}
	for _, name := range []string{"ID", "name", "X", "Title", "Describe", "Nope", "Y"} {
		f, ok := t.FieldByName(name)
		fmt.Printf("FieldByName(%q) = %q %v %v\n", name, f.Name, f.Index, ok)
	}
	pf, _ := reflect.TypeOf(Point{}).FieldByName("Y")
	v, ok := pf.Tag.Lookup("note")
	fmt.Printf("tag note=%q %v; missing=%q\n", v, ok, pf.Tag.Get("missing"))
	fmt.Println("visible:", len(reflect.VisibleFields(t)))
	for _, f := range reflect.VisibleFields(t) {
		fmt.Print(" ", f.Name, f.Index)
	}
	fmt.Println()
}

func methods() {
	fmt.Println("== methods")
	for _, t := range []reflect.Type{reflect.TypeOf(Point{}), reflect.TypeOf(&Point{}), reflect.TypeOf(Item{}), reflect.TypeOf((*Shape)(nil)).Elem()} {
		fmt.Printf("%s has %d methods:", t, t.NumMethod())
		for i := 0; i < t.NumMethod(); i++ {
			m := t.Method(i)
			fmt.Printf(" %s %s;", m.Name, m.Type)
		}
		fmt.Println()
	}
	shape := reflect.TypeOf((*Shape)(nil)).Elem()
	stringer := reflect.TypeOf((*fmt.Stringer)(nil)).Elem()
	errT := reflect.TypeOf((*error)(nil)).Elem()
	for _, v := range []any{Rect{}, &Rect{}, Point{}, Celsius(1), &MyErr{}, MyErr{}} {
		t := reflect.TypeOf(v)
		fmt.Printf("%s: Shape=%v Stringer=%v error=%v\n", t, t.Implements(shape), t.Implements(stringer), t.Implements(errT))
	}
	p := Point{1, 2}
	v := reflect.ValueOf(p)
	out := v.MethodByName("Add").Call([]reflect.Value{reflect.ValueOf(Point{10, 20})})
	fmt.Println("Add:", out[0].Interface(), out[0].Type())
	fmt.Println("Sum:", v.MethodByName("Sum").Call([]reflect.Value{reflect.ValueOf(3), reflect.ValueOf(4)})[0].Int())
	fmt.Println("Sum slice:", v.MethodByName("Sum").CallSlice([]reflect.Value{reflect.ValueOf([]int{5, 6})})[0].Int())
	pv := reflect.ValueOf(&p)
	pv.MethodByName("Scale").Call([]reflect.Value{reflect.ValueOf(3)})
	fmt.Println("Scaled:", p)
	m, _ := reflect.TypeOf(Point{}).MethodByName("Add")
	fmt.Println("Method.Func:", m.Func.Call([]reflect.Value{reflect.ValueOf(Point{1, 1}), reflect.ValueOf(Point{2, 2})})[0])
	f := v.MethodByName("String").Interface().(func() string)
	fmt.Println("method value:", f())
	var s Shape = Rect{2, 3}
	sv := reflect.ValueOf(&s).Elem()
	fmt.Println("iface method:", sv.Method(0).Call(nil)[0].Float(), sv.Kind(), sv.Elem().Type())
}

func values() {
	fmt.Println("== values")
	it := Item{Base: Base{ID: 7, name: "n"}, Point: &Point{1, 2}, Title: "t", Tags: []string{"a", "b"},
		Attrs: map[string]int{"z": 26, "a": 1}, Arr: [3]byte{'x', 'y', 'z'}, temp: 21.5}
	v := reflect.ValueOf(&it).Elem()
	v.FieldByName("Title").SetString("changed")
	v.Field(0).Field(0).SetInt(8)
	fmt.Println("CanSet name:", v.Field(0).Field(1).CanSet(), "CanInterface:", v.Field(0).Field(1).CanInterface())
	fmt.Println("promoted X:", v.FieldByName("X").Int(), "addr:", v.FieldByName("X").CanAddr())
	tags := v.FieldByName("Tags")
	tags.Set(reflect.Append(tags, reflect.ValueOf("c")))
	tags.Index(0).SetString("A")
	fmt.Println("tags:", it.Tags, tags.Len(), tags.Cap() >= 3)
	attrs := v.FieldByName("Attrs")
	attrs.SetMapIndex(reflect.ValueOf("m"), reflect.ValueOf(13))
	attrs.SetMapIndex(reflect.ValueOf("z"), reflect.Value{})
	keys := attrs.MapKeys()
	sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
	for _, k := range keys {
		fmt.Print(" ", k, "=", attrs.MapIndex(k))
	}
	fmt.Println()
	iter := attrs.MapRange()
	n := 0
	for iter.Next() {
		n += int(iter.Value().Int())
	}
	fmt.Println("sum via MapRange:", n, "missing:", attrs.MapIndex(reflect.ValueOf("q")).IsValid())
	fmt.Println("Arr bytes:", string(v.FieldByName("Arr").Bytes()), v.FieldByName("Arr").Slice(1, 3).Interface())
	fmt.Println("temp:", v.FieldByName("temp"), v.FieldByName("temp").Float())
	fmt.Printf("item: %+v\n", it.Base)
	fmt.Println("zero:", reflect.Zero(reflect.TypeOf(it)).IsZero(), v.IsZero(), reflect.ValueOf(Point{}).IsZero())
	nv := reflect.New(reflect.TypeOf(Point{}))
	nv.Elem().Field(1).SetInt(9)
	fmt.Println("New:", nv.Interface(), nv.Type(), reflect.Indirect(nv).Type())
	sl := reflect.MakeSlice(reflect.TypeOf([]int{}), 2, 5)
	sl.Index(1).SetInt(4)
	fmt.Println("MakeSlice:", sl.Interface(), sl.Len(), sl.Cap(), reflect.Copy(sl, reflect.ValueOf([]int{7})))
	mm := reflect.MakeMap(reflect.MapOf(reflect.TypeOf(""), reflect.TypeOf(0)))
	mm.SetMapIndex(reflect.ValueOf("k"), reflect.ValueOf(1))
	fmt.Println("MakeMap:", mm.Interface(), mm.Type())
	fmt.Println("SliceOf/PointerTo:", reflect.SliceOf(reflect.TypeOf(Point{})), reflect.PointerTo(reflect.TypeOf(Point{})) == reflect.TypeOf(&Point{}))
	ch := reflect.MakeChan(reflect.TypeOf(make(chan int)), 1)
	ch.Send(reflect.ValueOf(5))
	x, ok := ch.Recv()
	fmt.Println("chan:", x, ok, ch.Len(), ch.Cap())
	chosen, recv, recvOK := reflect.Select([]reflect.SelectCase{
		{Dir: reflect.SelectRecv, Chan: ch},
		{Dir: reflect.SelectDefault},
	})
	fmt.Println("select:", chosen, recv.IsValid(), recvOK)
}

func conversions() {
	fmt.Println("== conversions")
	cases := []struct {
		v any
		t reflect.Type
	}{
		{42, reflect.TypeOf(int8(0))}, {300, reflect.TypeOf(uint8(0))}, {-1, reflect.TypeOf(uint(0))},
		{3.9, reflect.TypeOf(0)}, {65, reflect.TypeOf("")}, {"héllo", reflect.TypeOf([]byte(nil))},
		{"héllo", reflect.TypeOf([]rune(nil))}, {[]byte("ab"), reflect.TypeOf("")}, {Celsius(2), reflect.TypeOf(0.0)},
		{Rect{1, 2}, reflect.TypeOf((*Shape)(nil)).Elem()}, {1.5, reflect.TypeOf(Celsius(0))},
		{complex(1, 2), reflect.TypeOf(complex64(0))}, {[]int{1, 2, 3}, reflect.TypeOf((*[2]int)(nil))},
	}
	for _, c := range cases {
		v := reflect.ValueOf(c.v)
		fmt.Printf("%T -> %v: convertible=%v", c.v, c.t, v.Type().ConvertibleTo(c.t))
		if v.CanConvert(c.t) {
			r := v.Convert(c.t)
			if r.Kind() == reflect.Pointer {
				fmt.Printf(" = %v", r.Elem())
			} else {
				fmt.Printf(" = %v (%T)", r, r.Interface())
			}
		}
		fmt.Println()
	}
	fmt.Println("assignable:", reflect.TypeOf(Rect{}).AssignableTo(reflect.TypeOf((*Shape)(nil)).Elem()),
		reflect.TypeOf(0).AssignableTo(reflect.TypeOf(Celsius(0))),
		reflect.TypeOf(make(chan int)).AssignableTo(reflect.TypeOf(make(<-chan int))))
}

func funcs() {
	fmt.Println("== funcs")
	swap := reflect.MakeFunc(reflect.TypeOf(func(int, string) (string, int) { return "", 0 }),
		func(in []reflect.Value) []reflect.Value { return []reflect.Value{in[1], in[0]} })
	f := swap.Interface().(func(int, string) (string, int))
	a, b := f(1, "one")
	fmt.Println("MakeFunc:", a, b, swap.Type())
	add := reflect.ValueOf(func(xs ...int) int {
		s := 0
		for _, x := range xs {
			s += x
		}
		return s
	})
	fmt.Println("variadic call:", add.Call([]reflect.Value{reflect.ValueOf(1), reflect.ValueOf(2), reflect.ValueOf(3)})[0])
	ft := reflect.TypeOf(strings.Repeat)
	fmt.Println("func type:", ft, ft.NumIn(), ft.In(0), ft.NumOut(), ft.Out(0), ft.IsVariadic())
	fmt.Println("nil func:", reflect.ValueOf((func())(nil)).IsNil())
}

func deepEqual() {
	fmt.Println("== DeepEqual")
	type node struct {
		V    int
		Next *node
	}
	c1 := &node{V: 1}
	c1.Next = c1
	c2 := &node{V: 1}
	c2.Next = c2
	pairs := [][2]any{
		{[]int{1, 2}, []int{1, 2}}, {[]int(nil), []int{}}, {map[string]int{"a": 1}, map[string]int{"a": 1}},
		{map[string]int{"a": 1}, map[string]int{"a": 2}}, {Point{1, 2}, Point{1, 2}}, {&Point{1, 2}, &Point{1, 2}},
		{c1, c2}, {[]any{1, "a"}, []any{1, "a"}}, {1, int64(1)}, {nil, nil}, {error(nil), nil},
		{[2]float64{1, 2}, [2]float64{1, 2}}, {func() {}, nil},
	}
	for _, p := range pairs {
		fmt.Print(" ", reflect.DeepEqual(p[0], p[1]))
	}
	fmt.Println()
}

func printing() {
	fmt.Println("== fmt")
	it := Item{Base: Base{ID: 1, name: "b"}, Title: "x", Tags: []string{"p"}, Arr: [3]byte{1, 2, 3}, temp: 3}
	fmt.Printf("%v\n%+v\n", it, it)
	fmt.Printf("%#v\n", Point{1, 2})
	fmt.Printf("%#v %#v %#v\n", Celsius(1.5), []Celsius{1}, map[Celsius]bool{2: true, 1: false})
	fmt.Printf("%v %s %d %x %q\n", Celsius(1.25), Point{3, 4}, Point{3, 4}, "hi", []string{"a", "b"})
	fmt.Printf("%T %T %T %T\n", it, &it, Pair[string, int]{}, []any{})
	fmt.Printf("%v %v\n", map[Point]string{{2, 1}: "b", {1, 2}: "a", {1, 1}: "c"}, map[bool]int{true: 1, false: 0})
	var e error = &MyErr{3}
	w := fmt.Errorf("wrapped: %w", e)
	var me *MyErr
	fmt.Println(w, errors.Unwrap(w) == e, errors.As(w, &me), me.Code)
	fmt.Printf("%08.3f|%-8s|%+d|%x|%X|%o|%b|%U|%c|%e\n", 3.14159, "ab", 5, 255, 255, 8, 5, 0x1F600, 'é', 1234.5678)
	fmt.Printf("%5t|%v|%p\n", true, nil, nil)
	fmt.Printf("%d %s\n", "str", 5)
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("%!\n")
	var nilp *Point
	fmt.Println(nilp, []int(nil), map[int]int(nil), (func())(nil) == nil)
	fmt.Println(fmt.Sprint("a", 1, 2, "b", "c", 3.5, nil), fmt.Sprintln("x", 1))
	var sb strings.Builder
	fmt.Fprintf(&sb, "%[2]d-%[1]d", 1, 2)
	fmt.Println(sb.String())
	var x, y int
	var s string
	n, err := fmt.Sscanf("10 20 go", "%d %d %s", &x, &y, &s)
	fmt.Println(n, err, x, y, s)
	n, err = fmt.Sscan("1 2", &x)
	fmt.Println(n, err, x)
}

func concurrency() {
	fmt.Println("== sync")
	var mu sync.Mutex
	var wg sync.WaitGroup
	var counter int
	var atomicCounter atomic.Int64
	var once sync.Once
	inits := 0
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				mu.Lock()
				counter++
				mu.Unlock()
				atomicCounter.Add(1)
				once.Do(func() { inits++ })
			}
		}()
	}
	wg.Wait()
	fmt.Println(counter, atomicCounter.Load(), inits)
	var rw sync.RWMutex
	rw.RLock()
	fmt.Println("TryLock while read-locked:", rw.TryLock())
	rw.RUnlock()
	fmt.Println("TryLock:", rw.TryLock())
	rw.Unlock()
	cond := sync.NewCond(&mu)
	ready := false
	done := make(chan bool)
	go func() {
		mu.Lock()
		for !ready {
			cond.Wait()
		}
		mu.Unlock()
		done <- true
	}()
	mu.Lock()
	ready = true
	cond.Broadcast()
	mu.Unlock()
	fmt.Println("cond:", <-done)
	var m sync.Map
	m.Store("a", 1)
	v, loaded := m.LoadOrStore("a", 2)
	fmt.Println("sync.Map:", v, loaded)
	p := sync.Pool{New: func() any { return "fresh" }}
	fmt.Println("pool:", p.Get())
	var av atomic.Value
	av.Store(Point{1, 2})
	fmt.Println("atomic.Value:", av.Load())
	var ap atomic.Pointer[Point]
	fmt.Println("atomic.Pointer:", ap.Load() == nil, ap.CompareAndSwap(nil, &Point{5, 5}), ap.Load().X)
}

func main() {
	types()
	structs()
	methods()
	values()
	conversions()
	funcs()
	deepEqual()
	printing()
	concurrency()
	fmt.Fprintln(os.Stderr, "stderr line")
	_, err := os.Open("/nonexistent/file")
	fmt.Println(err, errors.Is(err, os.ErrNotExist), os.IsNotExist(err))
	fmt.Println(len(os.Args) > 0, os.Getenv("GORT_SMOKE_UNSET") == "")
}
