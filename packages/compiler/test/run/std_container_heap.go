package main

import (
	"container/heap"
	"container/list"
	"fmt"
	"math/rand"
	"sort"
	"strings"
)

type edge struct {
	to   string
	cost int
}

type item struct {
	node  string
	dist  int
	index int
}

// pq is a min-heap of items by distance (ties by name for a stable order).
type pq []*item

func (q pq) Len() int { return len(q) }
func (q pq) Less(i, j int) bool {
	if q[i].dist != q[j].dist {
		return q[i].dist < q[j].dist
	}
	return q[i].node < q[j].node
}
func (q pq) Swap(i, j int) {
	q[i], q[j] = q[j], q[i]
	q[i].index = i
	q[j].index = j
}
func (q *pq) Push(x any) {
	it := x.(*item)
	it.index = len(*q)
	*q = append(*q, it)
}
func (q *pq) Pop() any {
	old := *q
	n := len(old)
	it := old[n-1]
	old[n-1] = nil
	it.index = -1
	*q = old[:n-1]
	return it
}

func dijkstra(g map[string][]edge, src string) (map[string]int, map[string]string) {
	dist := map[string]int{src: 0}
	prev := map[string]string{}
	items := map[string]*item{}
	q := &pq{}
	it := &item{node: src}
	items[src] = it
	heap.Push(q, it)
	for q.Len() > 0 {
		u := heap.Pop(q).(*item)
		for _, e := range g[u.node] {
			nd := u.dist + e.cost
			if d, ok := dist[e.to]; !ok || nd < d {
				dist[e.to] = nd
				prev[e.to] = u.node
				if ex, ok := items[e.to]; ok && ex.index >= 0 {
					ex.dist = nd
					heap.Fix(q, ex.index)
				} else {
					ni := &item{node: e.to, dist: nd}
					items[e.to] = ni
					heap.Push(q, ni)
				}
			}
		}
	}
	return dist, prev
}

func path(prev map[string]string, to string) string {
	l := list.New()
	for n := to; n != ""; n = prev[n] {
		l.PushFront(n)
	}
	var parts []string
	for e := l.Front(); e != nil; e = e.Next() {
		parts = append(parts, e.Value.(string))
	}
	return strings.Join(parts, " -> ")
}

func main() {
	g := map[string][]edge{
		"A": {{"B", 7}, {"C", 9}, {"F", 14}},
		"B": {{"A", 7}, {"C", 10}, {"D", 15}},
		"C": {{"A", 9}, {"B", 10}, {"D", 11}, {"F", 2}},
		"D": {{"B", 15}, {"C", 11}, {"E", 6}},
		"E": {{"D", 6}, {"F", 9}},
		"F": {{"A", 14}, {"C", 2}, {"E", 9}},
	}
	dist, prev := dijkstra(g, "A")
	var nodes []string
	for n := range dist {
		nodes = append(nodes, n)
	}
	sort.Strings(nodes)
	for _, n := range nodes {
		fmt.Printf("%s: %2d via %s\n", n, dist[n], path(prev, n))
	}

	// A random grid graph, seeded: the same shortest distances as Go.
	r := rand.New(rand.NewSource(7))
	const w = 12
	grid := map[string][]edge{}
	name := func(x, y int) string { return fmt.Sprintf("%d,%d", x, y) }
	for x := 0; x < w; x++ {
		for y := 0; y < w; y++ {
			if x+1 < w {
				c := 1 + r.Intn(9)
				grid[name(x, y)] = append(grid[name(x, y)], edge{name(x+1, y), c})
				grid[name(x+1, y)] = append(grid[name(x+1, y)], edge{name(x, y), c})
			}
			if y+1 < w {
				c := 1 + r.Intn(9)
				grid[name(x, y)] = append(grid[name(x, y)], edge{name(x, y+1), c})
				grid[name(x, y+1)] = append(grid[name(x, y+1)], edge{name(x, y), c})
			}
		}
	}
	gd, gp := dijkstra(grid, "0,0")
	fmt.Println("corner:", gd[name(w-1, w-1)], "steps:", strings.Count(path(gp, name(w-1, w-1)), "->"))

	// heap as a priority queue of ints: heap sort.
	h := &intHeap{5, 2, 8, 1, 9, 3}
	heap.Init(h)
	heap.Push(h, 0)
	heap.Remove(h, 2)
	var out []int
	for h.Len() > 0 {
		out = append(out, heap.Pop(h).(int))
	}
	fmt.Println(out)
}

type intHeap []int

func (h intHeap) Len() int           { return len(h) }
func (h intHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h intHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *intHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *intHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
