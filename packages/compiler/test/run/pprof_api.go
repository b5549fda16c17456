// runtime/pprof's API surface: profiles, labels, rates, and profile
// writing (the bytes themselves are checked by the CLI's runprof tests).
package main

import (
	"context"
	"fmt"
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"
)

type countWriter struct{ n int }

func (w *countWriter) Write(b []byte) (int, error) {
	w.n += len(b)
	return len(b), nil
}

func main() {
	fmt.Println("MemProfileRate", runtime.MemProfileRate)
	for _, p := range pprof.Profiles() {
		fmt.Println("profile", p.Name())
	}
	fmt.Println(pprof.Lookup("nope") == nil)

	// rates
	fmt.Println(runtime.SetMutexProfileFraction(-1))
	fmt.Println(runtime.SetMutexProfileFraction(5))
	fmt.Println(runtime.SetMutexProfileFraction(-1))
	runtime.SetMutexProfileFraction(0)
	runtime.SetBlockProfileRate(0)

	// CPU profile: start twice, stop twice
	var w countWriter
	fmt.Println(pprof.StartCPUProfile(&w))
	fmt.Println(pprof.StartCPUProfile(&w))
	pprof.StopCPUProfile()
	pprof.StopCPUProfile()
	fmt.Println(w.n > 0)

	// labels
	ctx := pprof.WithLabels(context.Background(), pprof.Labels("a", "1", "b", "2"))
	ctx = pprof.WithLabels(ctx, pprof.Labels("a", "3"))
	v, ok := pprof.Label(ctx, "a")
	fmt.Println(v, ok)
	_, ok = pprof.Label(ctx, "zz")
	fmt.Println(ok)
	var kv []string
	pprof.ForLabels(ctx, func(k, v string) bool {
		kv = append(kv, k+"="+v)
		return true
	})
	sort.Strings(kv)
	fmt.Println(kv)
	pprof.Do(context.Background(), pprof.Labels("worker", "x"), func(ctx context.Context) {
		v, _ := pprof.Label(ctx, "worker")
		fmt.Println("in Do:", v)
	})
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		pprof.Labels("odd")
	}()

	// goroutine profile: text form with labels of a goroutine started inside Do
	block := make(chan bool)
	started := make(chan bool)
	pprof.Do(context.Background(), pprof.Labels("role", "sleeper"), func(context.Context) {
		go func() {
			started <- true
			<-block
		}()
	})
	<-started
	var buf strings.Builder
	pprof.Lookup("goroutine").WriteTo(&buf, 1)
	text := buf.String()
	fmt.Println(strings.HasPrefix(text, "goroutine profile: total 2\n"))
	fmt.Println(strings.Contains(text, `# labels: {"role":"sleeper"}`))
	fmt.Println(strings.Contains(text, "main.main.func"))
	fmt.Println(pprof.Lookup("goroutine").Count())
	buf.Reset()
	pprof.Lookup("goroutine").WriteTo(&buf, 2)
	fmt.Println(strings.HasPrefix(buf.String(), "goroutine 1 [running]:\n"))
	fmt.Println(strings.Contains(buf.String(), "[chan receive]:\nmain.main.func"))
	close(block)

	// custom profiles
	p := pprof.NewProfile("gort.test")
	p.Add(1, 0)
	p.Add(2, 0)
	p.Remove(1)
	fmt.Println(p.Name(), p.Count())
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		pprof.NewProfile("gort.test")
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		p.Add(2, 0)
	}()
}
