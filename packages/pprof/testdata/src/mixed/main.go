// Command mixed writes mixed.pprof: a CPU profile of a program that spends
// its time in many standard-library functions (sorting, maps, formatting,
// regular expressions, JSON, compression), so the profile has more nodes
// than pprof shows and some are dropped as insignificant.
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"runtime/pprof"
	"sort"
	"strings"
	"time"
)

type record struct {
	Name  string
	Count int
	Tags  []string
}

var sink int

//go:noinline
func sortInts() {
	xs := make([]int, 20000)
	for i := range xs {
		xs[i] = (i * 7919) % 20011
	}
	sort.Ints(xs)
	sink += xs[0]
}

//go:noinline
func fillMap() {
	m := make(map[string]int)
	for i := 0; i < 20000; i++ {
		m[fmt.Sprintf("k%d", i)] += i
	}
	sink += len(m)
}

//go:noinline
func matchRegexp() {
	re := regexp.MustCompile(`(\w+)@(\w+)\.com`)
	s := strings.Repeat("mail bob@example.com and alice@test.com ", 200)
	sink += len(re.FindAllStringSubmatch(s, -1))
}

//go:noinline
func encodeJSON() {
	rs := make([]record, 500)
	for i := range rs {
		rs[i] = record{Name: fmt.Sprint("r", i), Count: i, Tags: []string{"a", "b"}}
	}
	b, _ := json.Marshal(rs)
	var back []record
	_ = json.Unmarshal(b, &back)
	sink += len(back)
}

//go:noinline
func compress() {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	for i := 0; i < 2000; i++ {
		fmt.Fprintf(w, "line %d of some compressible text\n", i)
	}
	w.Close()
	sink += buf.Len()
}

func main() {
	f, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		panic(err)
	}
	end := time.Now().Add(4 * time.Second)
	for time.Now().Before(end) {
		sortInts()
		fillMap()
		matchRegexp()
		encodeJSON()
		compress()
	}
	pprof.StopCPUProfile()
	f.Close()
}
