//go:build ignore

// Differential test: gort's container/list, container/heap and
// container/ring against Go's on random operation sequences; the heap's
// Less/Swap call sequence is compared too.
package main

import (
	"container/heap"
	"container/list"
	"container/ring"
	"fmt"
	"math/rand"
	"os"
	"strconv"

	oheap "gortstd/container/heap"
	olist "gortstd/container/list"
	oring "gortstd/container/ring"
)

var fails int

func check(what string, got, want any) {
	g, w := fmt.Sprint(got), fmt.Sprint(want)
	if g != w {
		fails++
		if fails < 20 {
			fmt.Printf("%s:\n got  %s\n want %s\n", what, g, w)
		}
	}
}

type item struct{ key, id int }

type hp struct {
	x   []item
	log []string
}

func (h *hp) Len() int { return len(h.x) }
func (h *hp) Less(i, j int) bool {
	h.log = append(h.log, fmt.Sprint("L", i, j))
	return h.x[i].key < h.x[j].key
}
func (h *hp) Swap(i, j int) {
	h.log = append(h.log, fmt.Sprint("S", i, j))
	h.x[i], h.x[j] = h.x[j], h.x[i]
}
func (h *hp) Push(v any) { h.x = append(h.x, v.(item)) }
func (h *hp) Pop() any {
	v := h.x[len(h.x)-1]
	h.x = h.x[:len(h.x)-1]
	return v
}

func olistVals(l *olist.List) []any {
	var out []any
	for e := l.Front(); e != nil; e = e.Next() {
		out = append(out, e.Value)
	}
	for e := l.Back(); e != nil; e = e.Prev() {
		out = append(out, e.Value)
	}
	return append(out, l.Len())
}

func listVals(l *list.List) []any {
	var out []any
	for e := l.Front(); e != nil; e = e.Next() {
		out = append(out, e.Value)
	}
	for e := l.Back(); e != nil; e = e.Prev() {
		out = append(out, e.Value)
	}
	return append(out, l.Len())
}

func main() {
	n, _ := strconv.Atoi(os.Getenv("GORTSTD_N"))
	if n == 0 {
		n = 20000
	}
	r := rand.New(rand.NewSource(5))
	for round := 0; round < n/100; round++ {
		// list
		var a, a2 olist.List
		b, b2 := list.New(), list.New()
		var ea []*olist.Element
		var eb []*list.Element
		for step := 0; step < 40; step++ {
			op := r.Intn(13)
			v := r.Intn(100)
			i, j := 0, 0
			if len(ea) > 0 {
				i, j = r.Intn(len(ea)), r.Intn(len(ea))
			}
			switch {
			case op == 0:
				ea = append(ea, a.PushFront(v))
				eb = append(eb, b.PushFront(v))
			case op == 1:
				ea = append(ea, a.PushBack(v))
				eb = append(eb, b.PushBack(v))
			case op == 2 && len(ea) > 0:
				check("Remove", a.Remove(ea[i]), b.Remove(eb[i]))
			case op == 3 && len(ea) > 0:
				x, y := a.InsertBefore(v, ea[i]), b.InsertBefore(v, eb[i])
				check("InsertBefore nil", x == nil, y == nil)
				if x != nil {
					ea, eb = append(ea, x), append(eb, y)
				}
			case op == 4 && len(ea) > 0:
				x, y := a.InsertAfter(v, ea[i]), b.InsertAfter(v, eb[i])
				check("InsertAfter nil", x == nil, y == nil)
				if x != nil {
					ea, eb = append(ea, x), append(eb, y)
				}
			case op == 5 && len(ea) > 0:
				a.MoveToFront(ea[i])
				b.MoveToFront(eb[i])
			case op == 6 && len(ea) > 0:
				a.MoveToBack(ea[i])
				b.MoveToBack(eb[i])
			case op == 7 && len(ea) > 0:
				a.MoveBefore(ea[i], ea[j])
				b.MoveBefore(eb[i], eb[j])
			case op == 8 && len(ea) > 0:
				a.MoveAfter(ea[i], ea[j])
				b.MoveAfter(eb[i], eb[j])
			case op == 9:
				a2.PushBack(v)
				b2.PushBack(v)
				a.PushBackList(&a2)
				b.PushBackList(b2)
			case op == 10:
				a.PushFrontList(&a)
				b.PushFrontList(b)
			case op == 11 && len(ea) > 0:
				x, y := ea[i].Next(), eb[i].Next()
				check("Next nil", x == nil, y == nil)
				if x != nil {
					check("Next", x.Value, y.Value)
				}
				x, y = ea[i].Prev(), eb[i].Prev()
				check("Prev nil", x == nil, y == nil)
			case op == 12 && r.Intn(5) == 0:
				a.Init()
				b.Init()
				ea, eb = nil, nil // stale elements would corrupt both lists alike
			}
			check("list", olistVals(&a), listVals(b))
		}
		// heap
		x := make([]item, r.Intn(30))
		for i := range x {
			x[i] = item{r.Intn(8), i}
		}
		ha, hb := &hp{x: append([]item(nil), x...)}, &hp{x: append([]item(nil), x...)}
		oheap.Init(ha)
		heap.Init(hb)
		for step := 0; step < 30; step++ {
			switch op := r.Intn(4); {
			case op == 0:
				it := item{r.Intn(8), 100 + step}
				oheap.Push(ha, it)
				heap.Push(hb, it)
			case op == 1 && ha.Len() > 0:
				check("Pop", oheap.Pop(ha), heap.Pop(hb))
			case op == 2 && ha.Len() > 0:
				i := r.Intn(ha.Len())
				check("Remove", oheap.Remove(ha, i), heap.Remove(hb, i))
			case op == 3 && ha.Len() > 0:
				i := r.Intn(ha.Len())
				k := r.Intn(8)
				ha.x[i].key, hb.x[i].key = k, k
				oheap.Fix(ha, i)
				heap.Fix(hb, i)
			}
		}
		check("heap", [2]any{ha.x, ha.log}, [2]any{hb.x, hb.log})
		// ring
		k := r.Intn(6)
		ra, rb := oring.New(k), ring.New(k)
		check("ring New nil", ra == nil, rb == nil)
		if ra == nil {
			ra, rb = new(oring.Ring), new(ring.Ring)
		}
		for i := 0; i < ra.Len(); i++ {
			ra.Value, rb.Value = i, i
			ra, rb = ra.Next(), rb.Next()
		}
		for step := 0; step < 10; step++ {
			m := r.Intn(9) - 4
			switch r.Intn(4) {
			case 0:
				ra, rb = ra.Move(m), rb.Move(m)
			case 1:
				ua, ub := ra.Unlink(m), rb.Unlink(m)
				check("Unlink", ua.Len(), ub.Len())
			case 2:
				sa, sb := oring.New(2), ring.New(2)
				sa.Value, sb.Value = step, step
				la, lb := ra.Link(sa), rb.Link(sb)
				check("Link", la.Value, lb.Value)
			case 3:
				ra, rb = ra.Prev(), rb.Prev()
			}
			var va, vb []any
			ra.Do(func(v any) { va = append(va, v) })
			rb.Do(func(v any) { vb = append(vb, v) })
			check("ring", [2]any{va, ra.Len()}, [2]any{vb, rb.Len()})
		}
	}
	var z oring.Ring
	var zb ring.Ring
	check("zero ring", [2]any{z.Len(), z.Next() == &z}, [2]any{zb.Len(), zb.Next() == &zb})
	if fails > 0 {
		fmt.Printf("FAIL container: %d mismatches\n", fails)
		os.Exit(1)
	}
	fmt.Println("ok container")
}
