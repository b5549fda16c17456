// gort standard library: package testing

package testing

import (
	"fmt"
	"math"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
)

// B is the state of one benchmark, passed to Benchmark functions: the code under test runs
// b.N times.
type B struct {
	common
	importPath      string
	ctx             *benchContext
	N               int
	benchFunc       func(b *B)
	benchTime       durationOrCount
	bytes           int64
	showAllocResult bool
	timerOn         bool
	start           time.Time
	startAllocs     uint64
	startBytes      uint64
	netAllocs       uint64
	netBytes        uint64
	result          BenchmarkResult
	extra           map[string]float64
	missingBytes    bool
}

type benchContext struct {
	match  *matcher
	maxLen int
	extLen int
}

var benchLabels sync.Once

// BenchmarkResult is the outcome of one benchmark run.
type BenchmarkResult struct {
	N         int
	T         time.Duration
	Bytes     int64
	MemAllocs uint64
	MemBytes  uint64
	Extra     map[string]float64
}

// NsPerOp is the time per iteration in nanoseconds.
func (r BenchmarkResult) NsPerOp() int64 {
	if v, ok := r.Extra["ns/op"]; ok {
		return int64(v)
	}
	if r.N <= 0 {
		return 0
	}
	return r.T.Nanoseconds() / int64(r.N)
}

func (r BenchmarkResult) mbPerSec() float64 {
	if v, ok := r.Extra["MB/s"]; ok {
		return v
	}
	if r.Bytes <= 0 || r.T <= 0 || r.N <= 0 {
		return 0
	}
	return (float64(r.Bytes) * float64(r.N) / 1e6) / r.T.Seconds()
}

// AllocsPerOp is the number of allocations per iteration.
func (r BenchmarkResult) AllocsPerOp() int64 {
	if v, ok := r.Extra["allocs/op"]; ok {
		return int64(v)
	}
	if r.N <= 0 {
		return 0
	}
	return int64(r.MemAllocs) / int64(r.N)
}

// AllocedBytesPerOp is the number of bytes allocated per iteration.
func (r BenchmarkResult) AllocedBytesPerOp() int64 {
	if v, ok := r.Extra["B/op"]; ok {
		return int64(v)
	}
	if r.N <= 0 {
		return 0
	}
	return int64(r.MemBytes) / int64(r.N)
}

// String is the result line go test prints: iterations, then ns/op (and MB/s, extra metrics).
func (r BenchmarkResult) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%8d", r.N)
	ns, ok := r.Extra["ns/op"]
	if !ok && r.N > 0 {
		ns = float64(r.T.Nanoseconds()) / float64(r.N)
	}
	if ns != 0 {
		b.WriteByte('\t')
		writeMetric(&b, ns, "ns/op")
	}
	if mbs := r.mbPerSec(); mbs != 0 {
		fmt.Fprintf(&b, "\t%7.2f MB/s", mbs)
	}
	var keys []string
	for k := range r.Extra {
		if k != "ns/op" && k != "MB/s" && k != "B/op" && k != "allocs/op" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		b.WriteByte('\t')
		writeMetric(&b, r.Extra[k], k)
	}
	return b.String()
}

// MemString is the -benchmem part of the result line.
func (r BenchmarkResult) MemString() string {
	return fmt.Sprintf("%8d B/op\t%8d allocs/op", r.AllocedBytesPerOp(), r.AllocsPerOp())
}

// writeMetric aligns the decimal points: whole numbers in 10 places, small ones with four
// significant digits.
func writeMetric(b *strings.Builder, x float64, unit string) {
	y := math.Abs(x)
	var format string
	switch {
	case y == 0 || y >= 999.95:
		format = "%10.0f %s"
	case y >= 99.995:
		format = "%12.1f %s"
	case y >= 9.9995:
		format = "%13.2f %s"
	case y >= 0.99995:
		format = "%14.3f %s"
	case y >= 0.099995:
		format = "%15.4f %s"
	case y >= 0.0099995:
		format = "%16.5f %s"
	case y >= 0.00099995:
		format = "%17.6f %s"
	default:
		format = "%18.7f %s"
	}
	fmt.Fprintf(b, format, x, unit)
}

// StartTimer starts timing (benchmarks start with the timer on).
func (b *B) StartTimer() {
	if !b.timerOn {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		b.startAllocs = ms.Mallocs
		b.startBytes = ms.TotalAlloc
		b.start = time.Now()
		b.timerOn = true
	}
}

// StopTimer stops timing (setup that should not count).
func (b *B) StopTimer() {
	if b.timerOn {
		b.duration += time.Since(b.start)
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		b.netAllocs += ms.Mallocs - b.startAllocs
		b.netBytes += ms.TotalAlloc - b.startBytes
		b.timerOn = false
	}
}

// ResetTimer zeroes the elapsed time and allocation counts (and metrics reported so far).
func (b *B) ResetTimer() {
	if b.extra == nil {
		b.extra = map[string]float64{}
	}
	for k := range b.extra {
		delete(b.extra, k)
	}
	if b.timerOn {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		b.startAllocs = ms.Mallocs
		b.startBytes = ms.TotalAlloc
		b.start = time.Now()
	}
	b.duration = 0
	b.netAllocs = 0
	b.netBytes = 0
}

// SetBytes records the bytes processed per iteration (MB/s in the result).
func (b *B) SetBytes(n int64) { b.bytes = n }

// ReportAllocs turns on the allocation columns for this benchmark.
func (b *B) ReportAllocs() { b.showAllocResult = true }

// ReportMetric adds a custom metric per operation to the result line.
func (b *B) ReportMetric(n float64, unit string) {
	if unit == "" {
		panic("metric unit must not be empty")
	}
	if strings.IndexFunc(unit, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' }) != -1 {
		panic("metric unit must not contain whitespace")
	}
	if b.extra == nil {
		b.extra = map[string]float64{}
	}
	b.extra[unit] = n
}

// Elapsed is the measured time so far.
func (b *B) Elapsed() time.Duration {
	d := b.duration
	if b.timerOn {
		d += time.Since(b.start)
	}
	return d
}

// runN runs the benchmark function once with b.N = n.
func (b *B) runN(n int) {
	runtime.GC()
	b.N = n
	b.ResetTimer()
	b.StartTimer()
	b.benchFunc(b)
	b.StopTimer()
}

// run1 runs the benchmark once with N = 1 (it may turn out to have sub-benchmarks). Reports
// whether the benchmark should be measured.
func (b *B) run1() bool {
	if c := b.ctx; c != nil {
		if n := len(b.name) + c.extLen + 1; n > c.maxLen {
			c.maxLen = n + 8
		}
	}
	go func() {
		defer func() { b.signal <- true }()
		b.runN(1)
	}()
	<-b.signal
	if b.failed {
		fmt.Fprintf(b.w, "--- FAIL: %s\n%s", b.name, b.output)
		return false
	}
	b.mu.RLock()
	finished := b.finished
	b.mu.RUnlock()
	if b.hasSub || finished {
		tag := "BENCH"
		if b.skipped {
			tag = "SKIP"
		}
		if b.chatty != nil && (len(b.output) > 0 || finished) {
			b.trimOutput()
			fmt.Fprintf(b.w, "--- %s: %s\n%s", tag, b.name, b.output)
		}
		return false
	}
	return true
}

// trimOutput keeps at most 10 lines of output (benchmarks repeat their logs on every run).
func (b *B) trimOutput() {
	const maxLines = 10
	n := 0
	for i := 0; i < len(b.output); i++ {
		if b.output[i] == '\n' {
			n++
			if n == maxLines {
				b.output = append(b.output[:i+1], "\t... [output truncated]\n"...)
				return
			}
		}
	}
}

// launch grows b.N until the benchmark runs for -test.benchtime, then records the result.
func (b *B) launch() {
	defer func() { b.signal <- true }()
	if b.benchTime.n > 0 {
		if b.benchTime.n > 1 {
			b.runN(b.benchTime.n)
		}
	} else {
		goal := b.benchTime.d
		for n := int64(1); !b.failed && b.duration < goal && n < 1e9; {
			last := n
			prev := b.duration.Nanoseconds()
			if prev <= 0 {
				prev = 1
			}
			// multiply first: for fast benchmarks N and ns are close and dividing first loses it
			n = goal.Nanoseconds() * int64(b.N) / prev
			n += n / 5
			if n > 100*last {
				n = 100 * last
			}
			if n < last+1 {
				n = last + 1
			}
			if n > 1e9 {
				n = 1e9
			}
			b.runN(int(n))
		}
	}
	b.result = BenchmarkResult{b.N, b.duration, b.bytes, b.netAllocs, b.netBytes, b.extra}
}

func (b *B) doBench() BenchmarkResult {
	go b.launch()
	<-b.signal
	return b.result
}

func benchName(name string, procs int) string {
	if procs != 1 {
		return fmt.Sprintf("%s-%d", name, procs)
	}
	return name
}

func (b *B) printLabels() {
	benchLabels.Do(func() {
		fmt.Fprintf(b.w, "goos: %s\n", runtime.GOOS)
		fmt.Fprintf(b.w, "goarch: %s\n", runtime.GOARCH)
		if b.importPath != "" {
			fmt.Fprintf(b.w, "pkg: %s\n", b.importPath)
		}
		if cpu := cpuName(); cpu != "" {
			fmt.Fprintf(b.w, "cpu: %s\n", cpu)
		}
	})
}

// cpuName is the processor's name as /proc/cpuinfo gives it ("" elsewhere).
func cpuName() string {
	data, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return ""
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "model name") {
			if i := strings.IndexByte(line, ':'); i >= 0 {
				return strings.TrimSpace(line[i+1:])
			}
		}
	}
	return ""
}

// run measures the benchmark (with -test.count repetitions) and prints its result lines.
func (b *B) run() {
	b.printLabels()
	if b.ctx == nil {
		b.doBench()
		return
	}
	procs := runtime.GOMAXPROCS(-1)
	for j := uint(0); j < *countFlag; j++ {
		name := benchName(b.name, procs)
		if b.chatty == nil {
			fmt.Fprintf(b.w, "%-*s\t", b.ctx.maxLen, name)
		}
		if j > 0 {
			b = &B{
				common:    common{signal: make(chan bool), name: b.name, w: b.w, chatty: b.chatty, bench: true},
				benchFunc: b.benchFunc,
				benchTime: b.benchTime,
				ctx:       b.ctx,
			}
			b.run1()
		}
		r := b.doBench()
		if b.failed {
			fmt.Fprintf(b.w, "--- FAIL: %s\n%s", name, b.output)
			continue
		}
		line := r.String()
		if b.chatty != nil {
			fmt.Fprintf(b.w, "%-*s\t", b.ctx.maxLen, name)
		}
		if *benchMem || b.showAllocResult {
			line += "\t" + r.MemString()
		}
		fmt.Fprintln(b.w, line)
		if len(b.output) > 0 {
			b.trimOutput()
			fmt.Fprintf(b.w, "--- BENCH: %s\n%s", name, b.output)
		}
	}
}

// Run runs f as a sub-benchmark called name.
func (b *B) Run(name string, f func(b *B)) bool {
	b.hasSub = true
	full, ok := b.name, true
	if b.ctx != nil {
		full, ok = b.ctx.match.fullName(&b.common, name)
	}
	if !ok {
		return true
	}
	sub := &B{
		common: common{
			signal: make(chan bool),
			name:   full,
			parent: &b.common,
			level:  b.level + 1,
			w:      b.w,
			chatty: b.chatty,
			bench:  true,
			runner: b.runner,
		},
		importPath: b.importPath,
		benchFunc:  f,
		benchTime:  b.benchTime,
		ctx:        b.ctx,
	}
	if b.chatty != nil {
		sub.printLabels()
		fmt.Println(full)
	}
	if sub.run1() {
		sub.run()
	}
	b.add(sub.result)
	return !sub.failed
}

func (b *B) add(other BenchmarkResult) {
	r := &b.result
	r.N = 1
	r.T += time.Duration(other.NsPerOp())
	if other.Bytes == 0 {
		b.missingBytes = true
		r.Bytes = 0
	}
	if !b.missingBytes {
		r.Bytes += other.Bytes
	}
	r.MemAllocs += uint64(other.AllocsPerOp())
	r.MemBytes += uint64(other.AllocedBytesPerOp())
}

// runBenchmarks runs the benchmarks matching -test.bench.
func runBenchmarks(importPath string, benchmarks []InternalBenchmark, match *matcher, chatty *chattyPrinter) bool {
	procs := runtime.GOMAXPROCS(-1)
	ctx := &benchContext{match: match, extLen: len(benchName("", procs))}
	var bs []InternalBenchmark
	for _, bm := range benchmarks {
		if _, ok := match.fullName(nil, bm.Name); ok {
			bs = append(bs, bm)
			if l := len(benchName(bm.Name, procs)) + ctx.extLen + 1; l > ctx.maxLen {
				ctx.maxLen = l
			}
		}
	}
	main := &B{
		common:     common{name: "Main", w: os.Stdout, bench: true, signal: make(chan bool)},
		importPath: importPath,
		benchFunc: func(b *B) {
			for _, bm := range bs {
				b.Run(bm.Name, bm.F)
			}
		},
		benchTime: benchTime,
		ctx:       ctx,
	}
	if chatty != nil {
		main.chatty = chatty
	}
	main.runN(1)
	return !main.failed
}

// Benchmark runs one benchmark function outside go test (for tools), returning its result.
func Benchmark(f func(b *B)) BenchmarkResult {
	Init()
	b := &B{
		common:    common{signal: make(chan bool), w: discard{}},
		benchFunc: f,
		benchTime: benchTime,
	}
	if b.run1() {
		b.run()
	}
	return b.result
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
