// gort standard library: package testing

// Package testing runs the tests, benchmarks and examples of a package for `gort test`, with
// go test's command-line flags (-test.v, -test.run, -test.bench, -test.count, ...) and its
// output format. gort's own implementation (written for this project); the generated test
// main (compiler loader/testpkg.ts) calls MainStart and then Run or RunTestMain.
package testing

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
)

// ── flags ──

var (
	flagsInit    bool
	chattyFlag   *bool
	runFlag      *string
	benchFlag    *string
	benchTime    = durationOrCount{d: time.Second}
	benchMem     *bool
	countFlag    *uint
	shortFlag    *bool
	failFastFlag *bool
	listFlag     *string
	timeoutFlag  *time.Duration
	cpuListFlag  *string
	parallelFlag *int
)

// durationOrCount is -test.benchtime: a duration ("2s") or an iteration count ("100x").
type durationOrCount struct {
	d time.Duration
	n int
}

func (f *durationOrCount) String() string {
	if f.n > 0 {
		return fmt.Sprintf("%dx", f.n)
	}
	return f.d.String()
}

func (f *durationOrCount) Set(s string) error {
	if strings.HasSuffix(s, "x") {
		n, err := strconv.ParseInt(s[:len(s)-1], 10, 0)
		if err != nil || n <= 0 {
			return fmt.Errorf("invalid count")
		}
		*f = durationOrCount{n: int(n)}
		return nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return fmt.Errorf("invalid duration")
	}
	*f = durationOrCount{d: d}
	return nil
}

// Init registers the testing flags on flag.CommandLine. MainStart calls it; a TestMain that
// parses flags before m.Run sees them.
func Init() {
	if flagsInit {
		return
	}
	flagsInit = true
	chattyFlag = flag.Bool("test.v", false, "verbose: print additional output")
	runFlag = flag.String("test.run", "", "run only tests and examples matching `regexp`")
	benchFlag = flag.String("test.bench", "", "run only benchmarks matching `regexp`")
	flag.Var(&benchTime, "test.benchtime", "run each benchmark for duration `d`")
	benchMem = flag.Bool("test.benchmem", false, "print memory allocations for benchmarks")
	countFlag = flag.Uint("test.count", 1, "run tests and benchmarks `n` times")
	shortFlag = flag.Bool("test.short", false, "run smaller test suite to save time")
	failFastFlag = flag.Bool("test.failfast", false, "do not start new tests after the first test failure")
	listFlag = flag.String("test.list", "", "list tests, examples, and benchmarks matching `regexp` then exit")
	timeoutFlag = flag.Duration("test.timeout", 0, "panic test binary after duration `d` (default 0, timeout disabled)")
	cpuListFlag = flag.String("test.cpu", "", "comma-separated `list` of cpu counts to run each test with")
	parallelFlag = flag.Int("test.parallel", runtime.GOMAXPROCS(0), "run at most `n` tests in parallel")
}

// Short reports whether -test.short is set.
func Short() bool {
	if shortFlag == nil {
		panic("testing: Short called before Init")
	}
	return *shortFlag
}

// Verbose reports whether -test.v is set.
func Verbose() bool {
	if chattyFlag == nil {
		panic("testing: Verbose called before Init")
	}
	return *chattyFlag
}

// Testing reports whether the current code is being run in a test.
func Testing() bool { return flagsInit }

// CoverMode reports the coverage mode ("" : gort does not instrument coverage).
func CoverMode() string { return "" }

// ── name matching (-test.run, -test.bench) ──

// filter holds one regexp per level of a slash-separated pattern.
type filter []*regexp.Regexp

func compileFilter(flagName, pattern string) (filter, error) {
	if pattern == "" {
		return nil, nil
	}
	var f filter
	for _, part := range splitRegexp(pattern) {
		re, err := regexp.Compile(part)
		if err != nil {
			return nil, fmt.Errorf("testing: invalid regexp for element %d of %s (%q): %s", len(f), flagName, part, err)
		}
		f = append(f, re)
	}
	return f, nil
}

// splitRegexp splits a pattern at the slashes that are not inside brackets or parentheses.
func splitRegexp(s string) []string {
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[', '(':
			depth++
		case ']', ')':
			depth--
		case '\\':
			i++
		case '/':
			if depth == 0 {
				parts = append(parts, s[start:i])
				start = i + 1
			}
		}
	}
	return append(parts, s[start:])
}

// matches reports whether the name's elements match (ok), and whether only a prefix of the
// pattern's levels was reached (partial: subtests may match further).
func (f filter) matches(elems []string) (ok, partial bool) {
	for i, e := range elems {
		if i >= len(f) {
			return true, false
		}
		if !f[i].MatchString(e) {
			return false, false
		}
	}
	return true, len(elems) < len(f)
}

// matcher names subtests uniquely and filters them.
type matcher struct {
	mu       sync.Mutex
	filter   filter
	subNames map[string]int
}

func newMatcher(f filter) *matcher {
	return &matcher{filter: f, subNames: map[string]int{}}
}

func (m *matcher) fullName(c *common, subname string) (string, bool) {
	name := subname
	m.mu.Lock()
	defer m.mu.Unlock()
	if c != nil && c.level > 0 {
		name = m.unique(c.name, rewriteName(subname))
	}
	elems := strings.Split(name, "/")
	if m.filter == nil {
		return name, true
	}
	ok, _ := m.filter.matches(elems)
	return name, ok
}

func (m *matcher) unique(parent, sub string) string {
	base := parent + "/" + sub
	for {
		n := m.subNames[base]
		m.subNames[base] = n + 1
		if n == 0 && sub != "" {
			return base
		}
		name := fmt.Sprintf("%s#%02d", base, n)
		if m.subNames[name] == 0 {
			m.subNames[name] = 1
			return name
		}
	}
}

// rewriteName makes a subtest name printable on one line: spaces become underscores,
// unprintable runes their escapes.
func rewriteName(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\v' || r == '\f' || r == '\r' || r == ' ' || r == 0x85 || r == 0xA0 || r == 0x1680 || (r >= 0x2000 && r <= 0x200a) || r == 0x2028 || r == 0x2029 || r == 0x202f || r == 0x205f || r == 0x3000:
			b.WriteByte('_')
		case !strconv.IsPrint(r):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ── common: what T and B share ──

// TB is the interface common to T and B.
type TB interface {
	Cleanup(func())
	Error(args ...any)
	Errorf(format string, args ...any)
	Fail()
	FailNow()
	Failed() bool
	Fatal(args ...any)
	Fatalf(format string, args ...any)
	Helper()
	Log(args ...any)
	Logf(format string, args ...any)
	Name() string
	Setenv(key, value string)
	Skip(args ...any)
	SkipNow()
	Skipf(format string, args ...any)
	Skipped() bool
	TempDir() string
	private()
}

var _ TB = (*T)(nil)
var _ TB = (*B)(nil)

type common struct {
	mu       sync.RWMutex
	output   []byte    // log lines and subtest reports not yet written
	w        io.Writer // where this test's reports go: the parent's output (indented) or stdout
	chatty   *chattyPrinter
	bench    bool
	name     string
	level    int
	parent   *common
	failed   bool
	skipped  bool
	finished bool
	done     bool
	hasSub   bool
	ran      bool // this test or one of its subtests ran
	helpers  map[string]bool // functions that called Helper
	cleanups []func()
	start    time.Time
	duration time.Duration
	sub      []*T
	barrier  chan bool // closed when parallel subtests may run
	signal   chan bool // the test function ended (true) or called FailNow upward (false)
	runner   string    // the tRunner frame's function name
	tempDir  string
	tempSeq  int
	envSaved []envValue
}

type envValue struct {
	key, value string
	had        bool
}

func (c *common) private() {}

// Name returns the test's full name (Parent/sub for subtests).
func (c *common) Name() string { return c.name }

// Fail marks the test as failed and goes on.
func (c *common) Fail() {
	if c.parent != nil {
		c.parent.Fail()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.done {
		panic("Fail in goroutine after " + c.name + " has completed")
	}
	c.failed = true
}

// Failed reports whether the test has failed.
func (c *common) Failed() bool {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.failed
}

// FailNow marks the test as failed and stops it (runtime.Goexit: deferred calls run).
func (c *common) FailNow() {
	c.Fail()
	c.mu.Lock()
	c.finished = true
	c.mu.Unlock()
	runtime.Goexit()
}

// Skipped reports whether the test was skipped.
func (c *common) Skipped() bool {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.skipped
}

// SkipNow marks the test as skipped and stops it.
func (c *common) SkipNow() {
	c.mu.Lock()
	c.skipped = true
	c.finished = true
	c.mu.Unlock()
	runtime.Goexit()
}

func (c *common) Log(args ...any)                 { c.log(fmt.Sprintln(args...)) }
func (c *common) Logf(format string, args ...any) { c.log(fmt.Sprintf(format, args...)) }
func (c *common) Error(args ...any) {
	c.log(fmt.Sprintln(args...))
	c.Fail()
}
func (c *common) Errorf(format string, args ...any) {
	c.log(fmt.Sprintf(format, args...))
	c.Fail()
}
func (c *common) Fatal(args ...any) {
	c.log(fmt.Sprintln(args...))
	c.FailNow()
}
func (c *common) Fatalf(format string, args ...any) {
	c.log(fmt.Sprintf(format, args...))
	c.FailNow()
}
func (c *common) Skip(args ...any) {
	c.log(fmt.Sprintln(args...))
	c.SkipNow()
}
func (c *common) Skipf(format string, args ...any) {
	c.log(fmt.Sprintf(format, args...))
	c.SkipNow()
}

// Helper marks the calling function as a test helper: log lines name its caller's line.
func (c *common) Helper() {
	var pc [1]uintptr
	if runtime.Callers(2, pc[:]) == 0 {
		return
	}
	f := runtime.FuncForPC(pc[0])
	if f == nil {
		return
	}
	c.mu.Lock()
	if c.helpers == nil {
		c.helpers = map[string]bool{}
	}
	c.helpers[f.Name()] = true
	c.mu.Unlock()
}

// Cleanup registers f to run when the test and its subtests end (last registered, first run).
func (c *common) Cleanup(f func()) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.cleanups = append(c.cleanups, f)
}

// TempDir returns a new directory for the test, removed when it ends.
func (c *common) TempDir() string {
	c.mu.Lock()
	if c.tempDir == "" {
		pattern := strings.Map(func(r rune) rune {
			if r == '/' || r == '\\' || r == ':' || r == '*' || r == '?' || r == '"' || r == '<' || r == '>' || r == '|' {
				return -1
			}
			return r
		}, c.name)
		if len(pattern) > 64 {
			pattern = pattern[:64]
		}
		dir, err := os.MkdirTemp("", pattern)
		if err != nil {
			c.mu.Unlock()
			c.Fatalf("TempDir: %v", err)
		}
		c.tempDir = dir
		c.mu.Unlock()
		c.Cleanup(func() {
			if err := os.RemoveAll(dir); err != nil {
				c.Errorf("TempDir RemoveAll cleanup: %v", err)
			}
		})
		c.mu.Lock()
	}
	c.tempSeq++
	dir := fmt.Sprintf("%s%c%03d", c.tempDir, os.PathSeparator, c.tempSeq)
	c.mu.Unlock()
	if err := os.Mkdir(dir, 0777); err != nil {
		c.Fatalf("TempDir: %v", err)
	}
	return dir
}

// Setenv sets an environment variable for the test's duration.
func (c *common) Setenv(key, value string) {
	prev, had := os.LookupEnv(key)
	if err := os.Setenv(key, value); err != nil {
		c.Fatalf("cannot set environment variable: %v", err)
	}
	c.Cleanup(func() {
		if had {
			os.Setenv(key, prev)
		} else {
			os.Unsetenv(key)
		}
	})
}

// log records a message with the file:line of its caller (skipping helpers).
func (c *common) log(s string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.done {
		for p := c.parent; p != nil; p = p.parent {
			p.mu.Lock()
			done := p.done
			p.mu.Unlock()
			if !done {
				p.output = append(p.output, p.decorate(s, 3)...)
				return
			}
		}
		panic("Log in goroutine after " + c.name + " has completed: " + s)
	}
	d := c.decorate(s, 3)
	if c.chatty != nil {
		if c.bench {
			fmt.Print(d)
		} else {
			c.chatty.Printf(c.name, "%s", d)
		}
		return
	}
	c.output = append(c.output, d...)
}

// decorate prefixes the message with "    file.go:line: " and indents continuation lines.
func (c *common) decorate(s string, skip int) string {
	file, line := c.caller(skip + 1)
	var b strings.Builder
	b.WriteString("    ")
	fmt.Fprintf(&b, "%s:%d: ", file, line)
	lines := strings.Split(s, "\n")
	if n := len(lines); n > 1 && lines[n-1] == "" {
		lines = lines[:n-1]
	}
	for i, l := range lines {
		if i > 0 {
			b.WriteString("\n        ")
		}
		b.WriteString(l)
	}
	b.WriteByte('\n')
	return b.String()
}

// caller finds the first frame above `skip` that is not a helper of this test (or of the
// tests above it), stopping at the test function.
func (c *common) caller(skip int) (string, int) {
	var pcs [50]uintptr
	n := runtime.Callers(skip+1, pcs[:])
	frames := runtime.CallersFrames(pcs[:n])
	var first, prev runtime.Frame
	for {
		f, more := frames.Next()
		if first.PC == 0 {
			first = f
		}
		if f.Function == c.runner && c.runner != "" {
			if prev.PC != 0 {
				return short(prev.File), prev.Line
			}
			break
		}
		if !c.isHelper(f.Function) {
			return short(f.File), f.Line
		}
		prev = f
		if !more {
			break
		}
	}
	if first.File == "" {
		return "???", 1
	}
	return short(first.File), first.Line
}

func (c *common) isHelper(fn string) bool {
	for p := c; p != nil; p = p.parent {
		if p.helpers[fn] {
			return true
		}
	}
	return false
}

func short(file string) string {
	if i := strings.LastIndex(file, "/"); i >= 0 {
		return file[i+1:]
	}
	return file
}

// flushToParent writes a report line (and this test's collected output) where it belongs.
func (c *common) flushToParent(name, format string, args ...any) {
	p := c.parent
	p.mu.Lock()
	defer p.mu.Unlock()
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.output) > 0 {
		format += "%s"
		args = append(args, c.output)
		c.output = c.output[:0]
	}
	if c.chatty != nil && p.w == io.Writer(c.chatty.w) {
		c.chatty.Updatef(name, format, args...)
	} else {
		fmt.Fprintf(p.w, format, args...)
	}
}

// runCleanups runs the registered cleanups, last first; a panicking one still lets the others run.
func (c *common) runCleanups() (panicked any) {
	for {
		c.mu.Lock()
		n := len(c.cleanups)
		if n == 0 {
			c.mu.Unlock()
			return panicked
		}
		f := c.cleanups[n-1]
		c.cleanups = c.cleanups[:n-1]
		c.mu.Unlock()
		func() {
			defer func() {
				if r := recover(); r != nil && panicked == nil {
					panicked = r
				}
			}()
			f()
		}()
	}
}

// indenter writes into a test's output with each line indented by four spaces.
type indenter struct{ c *common }

func (w indenter) Write(b []byte) (int, error) {
	n := len(b)
	for len(b) > 0 {
		end := strings.IndexByte(string(b), '\n')
		if end < 0 {
			end = len(b)
		} else {
			end++
		}
		w.c.output = append(w.c.output, "    "...)
		w.c.output = append(w.c.output, b[:end]...)
		b = b[end:]
	}
	return n, nil
}

// chattyPrinter writes -test.v output, announcing "=== CONT" when another test's output resumes.
type chattyPrinter struct {
	mu       sync.Mutex
	w        io.Writer
	lastName string
}

func (p *chattyPrinter) Updatef(name, format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.lastName = name
	fmt.Fprintf(p.w, format, args...)
}

func (p *chattyPrinter) Printf(name, format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.lastName == "" {
		p.lastName = name
	} else if p.lastName != name {
		fmt.Fprintf(p.w, "=== CONT  %s\n", name)
		p.lastName = name
	}
	fmt.Fprintf(p.w, format, args...)
}

func fmtDuration(d time.Duration) string {
	return fmt.Sprintf("%.2fs", d.Seconds())
}

// ── T: tests ──

// T is the state of one test, passed to Test functions.
type T struct {
	common
	ctx        *testContext
	isParallel bool
}

type testContext struct {
	match    *matcher
	failFast bool
	running  int
	mu       sync.Mutex
}

var anyFailed bool
var anyFailedMu sync.Mutex

func noteFailure() {
	anyFailedMu.Lock()
	anyFailed = true
	anyFailedMu.Unlock()
}

func failFastStop() bool {
	if failFastFlag == nil || !*failFastFlag {
		return false
	}
	anyFailedMu.Lock()
	defer anyFailedMu.Unlock()
	return anyFailed
}

// Parallel lets the test run in parallel with the other parallel tests of its parent: it
// returns once the parent's test function has finished.
func (t *T) Parallel() {
	if t.isParallel {
		panic("testing: t.Parallel called multiple times")
	}
	if len(t.envSaved) > 0 {
		panic("testing: t.Parallel called after t.Setenv; cannot set environment variables in parallel tests")
	}
	t.isParallel = true
	if t.parent == nil {
		return
	}
	t.duration += time.Since(t.start)
	t.parent.sub = append(t.parent.sub, t)
	if t.chatty != nil {
		t.chatty.Updatef(t.name, "=== PAUSE %s\n", t.name)
	}
	t.signal <- true // the parent's Run returns
	<-t.parent.barrier
	if t.chatty != nil {
		t.chatty.Updatef(t.name, "=== CONT  %s\n", t.name)
	}
	t.start = time.Now()
}

// Setenv is not allowed in parallel tests.
func (t *T) Setenv(key, value string) {
	if t.isParallel {
		panic("testing: t.Setenv called after t.Parallel; cannot set environment variables in parallel tests")
	}
	t.envSaved = append(t.envSaved, envValue{key: key})
	t.common.Setenv(key, value)
}

// Run runs f as a subtest of t called name, in its own goroutine, and reports whether it
// succeeded (a parallel subtest: whether it has not failed yet).
func (t *T) Run(name string, f func(t *T)) bool {
	t.hasSub = true
	full, ok := t.ctx.match.fullName(&t.common, name)
	if !ok || failFastStop() {
		return true
	}
	for p := &t.common; p != nil; p = p.parent {
		p.ran = true
	}
	sub := &T{
		common: common{
			barrier: make(chan bool),
			signal:  make(chan bool, 1),
			name:    full,
			parent:  &t.common,
			level:   t.level + 1,
			chatty:  t.chatty,
			runner:  t.runner,
		},
		ctx: t.ctx,
	}
	sub.w = indenter{&sub.common}
	if sub.chatty != nil {
		sub.chatty.Updatef(sub.name, "=== RUN   %s\n", sub.name)
	}
	go tRunner(sub, f)
	if !<-sub.signal {
		// a parent test was stopped by FailNow in this subtest's chain
		runtime.Goexit()
	}
	return !sub.failed
}

// Deadline reports when the test binary will be stopped by -test.timeout.
func (t *T) Deadline() (deadline time.Time, ok bool) {
	if timeoutFlag == nil || *timeoutFlag <= 0 {
		return time.Time{}, false
	}
	return startTime.Add(*timeoutFlag), true
}

var startTime = time.Now()

// report writes the test's result line: always for a failure, with -test.v for the rest.
func (t *T) report() {
	if t.parent == nil {
		return
	}
	d := fmtDuration(t.duration)
	if t.Failed() {
		t.flushToParent(t.name, "--- %s: %s (%s)\n", "FAIL", t.name, d)
	} else if t.chatty != nil {
		if t.Skipped() {
			t.flushToParent(t.name, "--- %s: %s (%s)\n", "SKIP", t.name, d)
		} else {
			t.flushToParent(t.name, "--- %s: %s (%s)\n", "PASS", t.name, d)
		}
	}
}

// tRunner runs one test function, then its parallel subtests, cleanups and report.
func tRunner(t *T, fn func(t *T)) {
	if t.runner == "" {
		var pc [1]uintptr
		runtime.Callers(1, pc[:])
		if f := runtime.FuncForPC(pc[0]); f != nil {
			t.runner = f.Name()
		}
	}
	t.start = time.Now()
	normal := false
	defer func() {
		if t.Failed() {
			noteFailure()
		}
		err := recover()
		if !normal && err == nil {
			t.mu.RLock()
			finished := t.finished
			t.mu.RUnlock()
			if !finished {
				err = errNilPanicOrGoexit
			}
		}
		if err != nil {
			// report the failure of this test and those above it, then panic as go test does
			t.Fail()
			t.duration += time.Since(t.start)
			for root := &t.common; root.parent != nil; root = root.parent {
				root.mu.Lock()
				root.duration += time.Since(root.start)
				d := root.duration
				root.mu.Unlock()
				root.flushToParent(root.name, "--- FAIL: %s (%s)\n", root.name, fmtDuration(d))
			}
			t.runCleanups()
			panic(err)
		}
		// parallel subtests run now that this test's function has ended
		if len(t.sub) > 0 {
			close(t.barrier)
			for _, s := range t.sub {
				<-s.signal
			}
		}
		t.duration += time.Since(t.start)
		if p := t.runCleanups(); p != nil {
			t.Fail()
			t.flushToParent(t.name, "--- FAIL: %s (%s)\n", t.name, fmtDuration(t.duration))
			panic(p)
		}
		t.report()
		t.mu.Lock()
		t.done = true
		t.mu.Unlock()
		if t.parent != nil && !t.isParallel {
			t.parent.mu.Lock()
			t.parent.mu.Unlock()
		}
		t.signal <- true
	}()
	defer func() {
		if len(t.sub) == 0 {
			t.runCleanupsEarly()
		}
	}()
	fn(t)
	t.mu.Lock()
	t.finished = true
	t.mu.Unlock()
	normal = true
}

// runCleanupsEarly is a no-op hook: cleanups run after parallel subtests (in tRunner's defer).
func (t *T) runCleanupsEarly() {}

var errNilPanicOrGoexit = errors.New("test executed panic(nil) or runtime.Goexit")

// ── the test binary's main ──

// InternalTest is a test named in the generated test main.
type InternalTest struct {
	Name string
	F    func(*T)
}

// InternalBenchmark is a benchmark named in the generated test main.
type InternalBenchmark struct {
	Name string
	F    func(b *B)
}

// InternalExample is an example with its expected output.
type InternalExample struct {
	Name      string
	F         func()
	Output    string
	Unordered bool
}

// M is what TestMain receives: m.Run runs the tests.
type M struct {
	importPath string
	tests      []InternalTest
	benchmarks []InternalBenchmark
	examples   []InternalExample
	exitCode   int
	ran        bool
}

// MainStart is called by the generated test main with the import path of the package under test.
func MainStart(importPath string, tests []InternalTest, benchmarks []InternalBenchmark, examples []InternalExample) *M {
	Init()
	return &M{importPath: importPath, tests: tests, benchmarks: benchmarks, examples: examples}
}

// RunTestMain calls the package's TestMain and returns the status for os.Exit: TestMain's own
// call of os.Exit ends the program first; if it returns, m.Run's result.
func (m *M) RunTestMain(testMain func(*M)) int {
	testMain(m)
	return m.exitCode
}

// Run parses the flags (when TestMain did not), runs the tests, examples and benchmarks, and
// returns the exit status: 0 for PASS, 1 for FAIL.
func (m *M) Run() (code int) {
	defer func() { code = m.exitCode }()
	m.ran = true
	if !flag.Parsed() {
		flag.Parse()
	}
	if *parallelFlag < 1 {
		fmt.Fprintln(os.Stderr, "testing: -parallel can only be given a positive integer")
		flag.Usage()
		m.exitCode = 2
		return
	}
	if *listFlag != "" {
		listTests(*listFlag, m.tests, m.benchmarks, m.examples)
		m.exitCode = 0
		return
	}
	runF, err := compileFilter("-test.run", *runFlag)
	if err == nil {
		var benchF filter
		if benchF, err = compileFilter("-test.bench", *benchFlag); err == nil {
			m.runAll(runF, benchF)
			return
		}
	}
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
	return
}

func (m *M) runAll(runF, benchF filter) {
	var chatty *chattyPrinter
	if *chattyFlag {
		chatty = &chattyPrinter{w: os.Stdout}
	}
	ok := true
	ran := false
	for i := uint(0); i < *countFlag; i++ {
		r, o := runTests(m.tests, newMatcher(runF), chatty)
		ran = ran || r
		ok = ok && o
		if !ok && *failFastFlag {
			break
		}
		r, o = runExamples(m.examples, newMatcher(runF), chatty)
		ran = ran || r
		ok = ok && o
		if !ok && *failFastFlag {
			break
		}
	}
	if !ran && benchF == nil {
		fmt.Fprintln(os.Stderr, "testing: warning: no tests to run")
	}
	if ok && benchF != nil {
		ok = runBenchmarks(m.importPath, m.benchmarks, newMatcher(benchF), chatty)
	}
	if !ok {
		fmt.Println("FAIL")
		m.exitCode = 1
		return
	}
	fmt.Println("PASS")
	m.exitCode = 0
}

func listTests(pattern string, tests []InternalTest, benchmarks []InternalBenchmark, examples []InternalExample) {
	re, err := regexp.Compile(pattern)
	if err != nil {
		fmt.Fprintf(os.Stderr, "testing: invalid regexp in -test.list (%q): %s\n", pattern, err)
		os.Exit(1)
	}
	for _, t := range tests {
		if re.MatchString(t.Name) {
			fmt.Println(t.Name)
		}
	}
	for _, b := range benchmarks {
		if re.MatchString(b.Name) {
			fmt.Println(b.Name)
		}
	}
	for _, e := range examples {
		if re.MatchString(e.Name) {
			fmt.Println(e.Name)
		}
	}
}

// runTests runs the top-level tests as subtests of a root T (as go test does).
func runTests(tests []InternalTest, match *matcher, chatty *chattyPrinter) (ran, ok bool) {
	ctx := &testContext{match: match}
	root := &T{
		common: common{
			signal:  make(chan bool, 1),
			barrier: make(chan bool),
			w:       os.Stdout,
			chatty:  chatty,
		},
		ctx: ctx,
	}
	go tRunner(root, func(t *T) {
		for _, test := range tests {
			if failFastStop() {
				break
			}
			t.Run(test.Name, test.F)
		}
	})
	<-root.signal
	return root.ran, !root.Failed()
}

// ── examples ──

func runExamples(examples []InternalExample, match *matcher, chatty *chattyPrinter) (ran, ok bool) {
	ok = true
	for _, e := range examples {
		if _, matched := match.fullName(nil, e.Name); !matched {
			continue
		}
		ran = true
		if !runExample(e, chatty) {
			ok = false
			noteFailure()
		}
	}
	return ran, ok
}

// runExample runs one example with os.Stdout sent to a temporary file, and compares what it
// printed with the expected output.
func runExample(e InternalExample, chatty *chattyPrinter) (ok bool) {
	if chatty != nil {
		chatty.Updatef(e.Name, "=== RUN   %s\n", e.Name)
	}
	f, err := os.CreateTemp("", "gort-example-")
	if err != nil {
		fmt.Fprintf(os.Stderr, "testing: %v\n", err)
		os.Exit(1)
	}
	stdout := os.Stdout
	os.Stdout = f
	start := time.Now()
	finished := false
	defer func() {
		d := time.Since(start)
		os.Stdout = stdout
		f.Close()
		outBytes, _ := os.ReadFile(f.Name())
		os.Remove(f.Name())
		got := strings.TrimSpace(string(outBytes))
		want := strings.TrimSpace(e.Output)
		if e.Unordered {
			got, want = sortLines(got), sortLines(want)
		}
		fail := ""
		if got != want {
			if e.Unordered {
				fail = fmt.Sprintf("got:\n%s\nwant (unordered):\n%s\n", got, want)
			} else {
				fail = fmt.Sprintf("got:\n%s\nwant:\n%s\n", got, want)
			}
		}
		err := recover()
		if !finished && err == nil {
			err = errNilPanicOrGoexit
		}
		if fail != "" || err != nil {
			fmt.Printf("--- FAIL: %s (%s)\n%s", e.Name, fmtDuration(d), fail)
			ok = false
		} else if chatty != nil {
			fmt.Printf("--- PASS: %s (%s)\n", e.Name, fmtDuration(d))
		}
		if err != nil {
			panic(err)
		}
	}()
	e.F()
	finished = true
	return true
}

func sortLines(s string) string {
	lines := strings.Split(s, "\n")
	for i := 1; i < len(lines); i++ {
		for j := i; j > 0 && lines[j] < lines[j-1]; j-- {
			lines[j], lines[j-1] = lines[j-1], lines[j]
		}
	}
	return strings.Join(lines, "\n")
}

// AllocsPerRun returns the average number of allocations of f over runs calls (after one warm-up).
func AllocsPerRun(runs int, f func()) (avg float64) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	f()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	before := ms.Mallocs
	for i := 0; i < runs; i++ {
		f()
	}
	runtime.ReadMemStats(&ms)
	return float64((ms.Mallocs - before) / uint64(runs))
}
