package main

type Reader interface{ Read() string }
type Writer interface{ Write(s string) int }
type RW interface {
	Reader
	Writer
}

type Buf struct{ data string }

func (b *Buf) Read() string        { return b.data }
func (b *Buf) Write(s string) int { b.data += s; return len(s) }

type Base struct{ id int }

func (b Base) ID() int       { return b.id }
func (b *Base) SetID(i int)  { b.id = i }

type Derived struct {
	Base
	name string
}

type IDer interface{ ID() int }
type Setter interface {
	SetID(int)
	ID() int
}

type PtrBox struct{ p *int }

func (p PtrBox) Get() int { return *p.p }

type Getter interface{ Get() int }

type Fn func(int) int

func (f Fn) Get() int { return f(20) }

type Wrap struct{ Reader }

type myErr struct{ code int }

func (e *myErr) Error() string { return "myErr" }

func find(fail bool) error {
	if fail {
		return &myErr{42}
	}
	return nil
}

type Stringer interface{ String() string }
type Num int

func (n Num) String() string {
	s := ""
	for i := 0; i < int(n); i++ {
		s += "*"
	}
	return s
}

func describe(i interface{}) string {
	switch v := i.(type) {
	case Stringer:
		return "stringer " + v.String()
	case error:
		return "error " + v.Error()
	case int, int64:
		return "integer"
	case nil:
		return "nil"
	}
	return "unknown"
}

func main() {
	b := &Buf{}
	var rw RW = b
	rw.Write("abc")
	var r Reader = rw
	println(r.Read())
	var w Writer = rw
	println(w.Write("de"), b.data)

	d := Derived{Base{7}, "x"}
	var ider IDer = d
	println(ider.ID())
	var s Setter = &d
	s.SetID(9)
	println(s.ID(), d.id)
	ider = &d
	println(ider.ID())

	x := 5
	var g Getter = PtrBox{&x}
	println(g.Get())
	g = Fn(func(i int) int { return i * 2 })
	println(g.Get())

	wr := Wrap{b}
	println(wr.Read())
	var r2 Reader = wr
	println(r2.Read())
	f := r2.Read
	b.data = "changed"
	println(f())

	err := find(true)
	println(err != nil, err.Error())
	if e, ok := err.(*myErr); ok {
		println("code", e.code)
	}
	err = find(false)
	println(err == nil)

	println(describe(Num(3)), describe(&myErr{}), describe(3), describe(int64(4)), describe(nil), describe("s"))

	var e1, e2 interface{} = Num(2), Num(2)
	println(e1 == e2, e1 != e2)
	var st1, st2 interface{} = Derived{Base{1}, "a"}, Derived{Base{1}, "a"}
	println(st1 == st2)
	st2 = Derived{Base{1}, "b"}
	println(st1 == st2)
	var i1 IDer = d
	var i2 IDer = d
	println(i1 == i2)
	println(i1 == d)
	var fl1, fl2 interface{} = 1.5, 1.5
	println(fl1 == fl2)
	var p1, p2 interface{} = b, b
	println(p1 == p2)
	arr := [3]interface{}{1, "a", nil}
	arr2 := [3]interface{}{1, "a", nil}
	println(arr == arr2)
	type pair struct {
		a interface{}
		b int
	}
	println(pair{1, 2} == pair{1, 2}, pair{"x", 2} == pair{1, 2})
	m := IDer.ID
	println(m(d))
	var nilE error
	println(describe(nilE))
	var es []error
	es = append(es, &myErr{1}, nil)
	println(len(es), es[0] != nil, es[1] == nil)
}
