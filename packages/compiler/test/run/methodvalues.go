package main

type Counter struct {
	n    int
	name string
}

func (c *Counter) Inc() int { c.n++; return c.n }
func (c Counter) Get() int  { return c.n }
func (c Counter) Label(p string) string { return p + c.name }

type Num int

func (n Num) Twice() Num { return n * 2 }

func call(f func() int) int { return f() }

func main() {
	c := Counter{name: "c"}
	inc := c.Inc
	get := c.Get
	inc()
	inc()
	println(c.n, get(), call(c.Get), call(inc))
	label := c.Label
	c.name = "changed"
	println(label("x-"), c.Label("y-"))
	n := Num(21)
	tw := n.Twice
	n = 1
	println(tw(), n.Twice())
	pc := &c
	g2 := pc.Get
	pc.n = 100
	println(g2(), pc.Inc())
}

func init() {
	get := Counter.Get
	inc := (*Counter).Inc
	c := Counter{n: 4}
	println(get(c), inc(&c), c.n, Num.Twice(5))
}
