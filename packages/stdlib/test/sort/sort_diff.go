//go:build ignore

// Differential test: gort's sort against Go's. Elements carry a key with many
// duplicates and their original position, so the order of equal elements
// after the unstable Sort and Slice is compared too, as is the exact number
// of Less and Swap calls.
package main

import (
	"fmt"
	"math"
	"math/rand"
	"os"
	"reflect"
	"sort"
	"strconv"

	os2 "gortstd/sort"
)

type elem struct{ key, id int }

type counted struct {
	x           []elem
	less, swaps int
}

func (c *counted) Len() int           { return len(c.x) }
func (c *counted) Less(i, j int) bool { c.less++; return c.x[i].key < c.x[j].key }
func (c *counted) Swap(i, j int)      { c.swaps++; c.x[i], c.x[j] = c.x[j], c.x[i] }

var fails int

func check(what string, got, want any) {
	if !reflect.DeepEqual(got, want) {
		fails++
		if fails < 10 {
			fmt.Printf("%s:\n got  %v\n want %v\n", what, got, want)
		}
	}
}

func gen(r *rand.Rand, n int) []elem {
	x := make([]elem, n)
	span := 1 + r.Intn(n+1)
	pattern := r.Intn(8)
	for i := range x {
		k := r.Intn(span)
		switch pattern {
		case 1:
			k = i / (1 + span%5)
		case 2:
			k = n - i/(1+span%3)
		case 3:
			k = i % (1 + span)
		case 4:
			k = 7
		case 5: // nearly sorted
			k = i
			if r.Intn(30) == 0 {
				k = r.Intn(n + 1)
			}
		case 6: // organ pipe
			k = i
			if i > n/2 {
				k = n - i
			}
		}
		x[i] = elem{k, i}
	}
	return x
}

func clone(x []elem) []elem { return append([]elem(nil), x...) }

func main() {
	n, _ := strconv.Atoi(os.Getenv("GORTSTD_N"))
	if n == 0 {
		n = 20000
	}
	r := rand.New(rand.NewSource(3))
	rounds := n / 20
	for round := 0; round < rounds; round++ {
		size := r.Intn(64)
		if round%10 == 0 {
			size = r.Intn(3000)
		}
		x := gen(r, size)
		a, b := &counted{x: clone(x)}, &counted{x: clone(x)}
		os2.Sort(a)
		sort.Sort(b)
		check(fmt.Sprint("Sort ", size), fmt.Sprint(a.x, a.less, a.swaps), fmt.Sprint(b.x, b.less, b.swaps))
		a, b = &counted{x: clone(x)}, &counted{x: clone(x)}
		os2.Stable(a)
		sort.Stable(b)
		check(fmt.Sprint("Stable ", size), fmt.Sprint(a.x, a.less, a.swaps), fmt.Sprint(b.x, b.less, b.swaps))
		a, b = &counted{x: clone(x)}, &counted{x: clone(x)}
		os2.Sort(os2.Reverse(a))
		sort.Sort(sort.Reverse(b))
		check("Reverse", a.x, b.x)
		check("IsSorted", os2.IsSorted(a), sort.IsSorted(b))
		c, d := clone(x), clone(x)
		lc, ld := 0, 0
		os2.Slice(c, func(i, j int) bool { lc++; return c[i].key < c[j].key })
		sort.Slice(d, func(i, j int) bool { ld++; return d[i].key < d[j].key })
		check("Slice", fmt.Sprint(c, lc), fmt.Sprint(d, ld))
		c, d = clone(x), clone(x)
		os2.SliceStable(c, func(i, j int) bool { return c[i].key < c[j].key })
		sort.SliceStable(d, func(i, j int) bool { return d[i].key < d[j].key })
		check("SliceStable", c, d)
		check("SliceIsSorted", os2.SliceIsSorted(x, func(i, j int) bool { return x[i].key < x[j].key }),
			sort.SliceIsSorted(x, func(i, j int) bool { return x[i].key < x[j].key }))

		ints := make([]int, size)
		fl := make([]float64, size)
		strs := make([]string, size)
		for i := range ints {
			ints[i] = x[i].key
			fl[i] = float64(x[i].key) / 3
			if r.Intn(10) == 0 {
				fl[i] = math.NaN()
			}
			strs[i] = strconv.Itoa(x[i].key)
		}
		i1, i2 := append([]int(nil), ints...), append([]int(nil), ints...)
		check("IntsAreSorted", os2.IntsAreSorted(i1), sort.IntsAreSorted(i2))
		os2.Ints(i1)
		sort.Ints(i2)
		check("Ints", i1, i2)
		f1, f2 := append([]float64(nil), fl...), append([]float64(nil), fl...)
		os2.Float64s(f1)
		sort.Float64s(f2)
		check("Float64s", fmt.Sprint(f1), fmt.Sprint(f2))
		check("Float64sAreSorted", os2.Float64sAreSorted(f1), sort.Float64sAreSorted(f2))
		s1, s2 := append([]string(nil), strs...), append([]string(nil), strs...)
		os2.Strings(s1)
		sort.Strings(s2)
		check("Strings", s1, s2)
		check("StringsAreSorted", os2.StringsAreSorted(strs), sort.StringsAreSorted(strs))
		for k := 0; k < 5; k++ {
			v := r.Intn(size+2) - 1
			check("SearchInts", os2.SearchInts(i1, v), sort.SearchInts(i2, v))
			check("IntSlice.Search", os2.IntSlice(i1).Search(v), sort.IntSlice(i2).Search(v))
			check("SearchFloat64s", os2.SearchFloat64s(f1, float64(v)/3), sort.SearchFloat64s(f2, float64(v)/3))
			check("SearchStrings", os2.SearchStrings(s1, strconv.Itoa(v)), sort.SearchStrings(s2, strconv.Itoa(v)))
			p1, q1 := os2.Find(len(i1), func(i int) int { return v - i1[i] })
			p2, q2 := sort.Find(len(i2), func(i int) int { return v - i2[i] })
			check("Find", [2]any{p1, q1}, [2]any{p2, q2})
			check("Search", os2.Search(size, func(i int) bool { return i*i >= v*v }), sort.Search(size, func(i int) bool { return i*i >= v*v }))
		}
	}
	// A chaotic Less (answers from a hash of the call number) drives the
	// algorithm down every path, including the heapsort fallback; both
	// implementations must make the same calls.
	for round := 0; round < rounds/4; round++ {
		size := r.Intn(400)
		x := gen(r, size)
		seed := r.Uint64()
		c, d := clone(x), clone(x)
		var lc, ld uint64
		chaos := func(calls *uint64) bool {
			*calls++
			h := (*calls + seed) * 0x9E3779B97F4A7C15
			return (h>>61)&3 != 0
		}
		os2.Slice(c, func(i, j int) bool { return chaos(&lc) })
		sort.Slice(d, func(i, j int) bool { return chaos(&ld) })
		check("chaos Slice", fmt.Sprint(c, lc), fmt.Sprint(d, ld))
	}
	catch := func(f func()) (s string) {
		defer func() { s = fmt.Sprint(recover()) }()
		f()
		return
	}
	check("Slice panic", catch(func() { os2.Slice(3, nil) }), catch(func() { sort.Slice(3, nil) }))
	if fails > 0 {
		fmt.Printf("FAIL sort: %d mismatches\n", fails)
		os.Exit(1)
	}
	fmt.Println("ok sort")
}
