// runtime/metrics: the metric set (names, kinds, cumulative flags, descriptions), bucket
// layouts, KindBad for unknown names, value identities that hold whatever the machine.
package main

import (
	"fmt"
	"math"
	"runtime"
	"runtime/metrics"
)

var sink [][]byte

func main() {
	all := metrics.All()
	fmt.Println("metrics:", len(all))
	for _, d := range all {
		fmt.Printf("%s kind=%d cumulative=%v\n  %s\n", d.Name, d.Kind, d.Cumulative, d.Description)
	}

	samples := make([]metrics.Sample, len(all)+1)
	for i, d := range all {
		samples[i].Name = d.Name
	}
	samples[len(all)].Name = "/gc/gogc:percent" // newer Go only: KindBad in 1.19
	metrics.Read(samples)
	kinds := map[metrics.ValueKind]int{}
	for _, s := range samples {
		kinds[s.Value.Kind()]++
	}
	fmt.Println("bad:", kinds[metrics.KindBad], "uint64:", kinds[metrics.KindUint64], "hist:", kinds[metrics.KindFloat64Histogram])

	for _, s := range samples {
		if s.Value.Kind() != metrics.KindFloat64Histogram {
			continue
		}
		h := s.Value.Float64Histogram()
		fmt.Printf("%s: %d buckets, %d counts, first %v %v %v, last %v %v\n", s.Name, len(h.Buckets), len(h.Counts),
			h.Buckets[0], h.Buckets[1], h.Buckets[2], h.Buckets[len(h.Buckets)-2], h.Buckets[len(h.Buckets)-1])
		ok := true
		for i := 1; i < len(h.Buckets); i++ {
			if !(h.Buckets[i] > h.Buckets[i-1]) {
				ok = false
			}
		}
		fmt.Println("  increasing:", ok, "inf end:", math.IsInf(h.Buckets[len(h.Buckets)-1], 1))
	}
	time := samples[indexOf(all, "/sched/latencies:seconds")].Value.Float64Histogram()
	fmt.Println("time buckets 17..20:", time.Buckets[17], time.Buckets[18], time.Buckets[19], time.Buckets[20])
	fmt.Println("time bucket 33, 34:", time.Buckets[33], time.Buckets[34])

	// Value accessors panic on the wrong kind.
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		samples[0].Value.Float64()
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		samples[len(all)].Value.Uint64()
	}()

	// Forced cycles are counted; totals add up.
	for i := 0; i < 3; i++ {
		sink = append(sink, make([]byte, 100000))
		runtime.GC()
	}
	read := func(names ...string) []uint64 {
		s := make([]metrics.Sample, len(names))
		for i, n := range names {
			s[i].Name = n
		}
		metrics.Read(s)
		out := make([]uint64, len(names))
		for i := range s {
			out[i] = s[i].Value.Uint64()
		}
		return out
	}
	c := read("/gc/cycles/forced:gc-cycles", "/gc/cycles/automatic:gc-cycles", "/gc/cycles/total:gc-cycles")
	fmt.Println("forced:", c[0], "total = auto + forced:", c[2] == c[0]+c[1])
	g := read("/sched/goroutines:goroutines")
	fmt.Println("goroutines:", g[0])
	m := read("/memory/classes/total:bytes",
		"/memory/classes/heap/free:bytes", "/memory/classes/heap/objects:bytes", "/memory/classes/heap/released:bytes",
		"/memory/classes/heap/stacks:bytes", "/memory/classes/heap/unused:bytes", "/memory/classes/metadata/mcache/free:bytes",
		"/memory/classes/metadata/mcache/inuse:bytes", "/memory/classes/metadata/mspan/free:bytes",
		"/memory/classes/metadata/mspan/inuse:bytes", "/memory/classes/metadata/other:bytes", "/memory/classes/os-stacks:bytes",
		"/memory/classes/other:bytes", "/memory/classes/profiling/buckets:bytes")
	var sum uint64
	for _, v := range m[1:] {
		sum += v
	}
	fmt.Println("total = sum of classes:", m[0] == sum)

	// Pauses: a forced cycle stops the world twice.
	ps := []metrics.Sample{{Name: "/gc/pauses:seconds"}}
	metrics.Read(ps)
	var n uint64
	for _, x := range ps[0].Value.Float64Histogram().Counts {
		n += x
	}
	fmt.Println("pauses >= 2 per forced cycle:", n >= 2*c[0])

	// A histogram value is reused by the next Read.
	h1 := ps[0].Value.Float64Histogram()
	metrics.Read(ps)
	fmt.Println("reused:", h1 == ps[0].Value.Float64Histogram())

	// Heap counters against MemStats after a forced GC.
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	h := read("/gc/heap/allocs:objects", "/gc/heap/tiny/allocs:objects", "/gc/heap/frees:objects", "/gc/cycles/total:gc-cycles", "/gc/cycles/forced:gc-cycles", "/gc/heap/goal:bytes")
	fmt.Println("Mallocs <= allocs+tiny read after:", ms.Mallocs <= h[0]+h[1], "NumGC:", uint64(ms.NumGC) == h[3], "NumForcedGC:", uint64(ms.NumForcedGC) == h[4], "NextGC:", ms.NextGC == h[5])
}

func indexOf(all []metrics.Description, name string) int {
	for i, d := range all {
		if d.Name == name {
			return i
		}
	}
	return -1
}
