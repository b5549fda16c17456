// os/exec without freezing the program: a ticker goroutine keeps running
// while children run (sleep 0.3), output streams through StdoutPipe as the
// child writes it, a child is killed with Process.Signal/Kill while it
// runs, StdinPipe feeds a child interactively, and a large transfer goes
// both ways through pipes.
package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
)

func main() {
	os.Setenv("PATH", "/usr/bin:/bin")

	// 1. ticks while a child sleeps
	var ticks int64
	stop := make(chan bool)
	go func() {
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				atomic.AddInt64(&ticks, 1)
			case <-stop:
				return
			}
		}
	}()
	t0 := time.Now()
	err := exec.Command("sleep", "0.3").Run()
	el := time.Since(t0)
	n := atomic.LoadInt64(&ticks)
	fmt.Println("sleep:", err, el >= 300*time.Millisecond, "ticks while the child ran >= 5:", n >= 5)
	if n < 5 {
		fmt.Println("ticks:", n, "elapsed:", el)
	}

	// 2. two children at once: the waits overlap
	t0 = time.Now()
	a := exec.Command("sleep", "0.3")
	b := exec.Command("sleep", "0.3")
	a.Start()
	b.Start()
	a.Wait()
	b.Wait()
	fmt.Println("two sleeps overlapped:", time.Since(t0) < 550*time.Millisecond)

	// 3. streaming: each line arrives before the child ends
	c := exec.Command("sh", "-c", "echo one; sleep 0.1; echo two; sleep 0.1; echo three")
	out, _ := c.StdoutPipe()
	c.Start()
	sc := bufio.NewScanner(out)
	var lines []string
	for sc.Scan() {
		lines = append(lines, sc.Text())
		if c.ProcessState == nil && len(lines) == 1 {
			fmt.Println("first line before exit:", sc.Text())
		}
	}
	fmt.Println(lines, c.Wait())
	if len(lines) != 3 {
		fmt.Println("lines:", len(lines))
	}

	// 4. Signal and Kill while it runs
	c = exec.Command("sleep", "5")
	c.Start()
	time.Sleep(50 * time.Millisecond)
	fmt.Println("signal:", c.Process.Signal(syscall.SIGTERM))
	err = c.Wait()
	fmt.Println(err, c.ProcessState.ExitCode(), c.ProcessState.Success(), c.ProcessState.String())
	c = exec.Command("sleep", "5")
	c.Start()
	fmt.Println("kill:", c.Process.Kill())
	fmt.Println(c.Wait(), c.Process.Kill())

	// 5. interactive stdin pipe: a line in, a line out, repeatedly
	c = exec.Command("sh", "-c", "while read x; do echo got $x; done")
	in, _ := c.StdinPipe()
	o, _ := c.StdoutPipe()
	c.Start()
	r := bufio.NewReader(o)
	for _, w := range []string{"a", "b", "c"} {
		fmt.Fprintln(in, w)
		l, _ := r.ReadString('\n')
		fmt.Print(l)
	}
	in.Close()
	fmt.Println(c.Wait())

	// 6. a megabyte through cat, from a reader that is not a known type
	big := bytes.Repeat([]byte("0123456789abcdef"), 1<<16)
	c = exec.Command("cat")
	c.Stdin = io.MultiReader(bytes.NewReader(big[:1000]), bytes.NewReader(big[1000:]))
	var sink bytes.Buffer
	c.Stdout = &sink
	err = c.Run()
	fmt.Println(err, sink.Len(), sha256.Sum256(sink.Bytes()) == sha256.Sum256(big))

	// 7. stdout and stderr to separate buffers, and combined
	var so, se strings.Builder
	c = exec.Command("sh", "-c", "echo out; echo err >&2; echo out2")
	c.Stdout, c.Stderr = &so, &se
	fmt.Printf("%v %q %q\n", c.Run(), so.String(), se.String())
	comb, err := exec.Command("sh", "-c", "echo 1; echo 2 >&2; echo 3; echo 4 >&2").CombinedOutput()
	fmt.Printf("%q %v\n", comb, err)

	// 8. a child that exits without reading its input: no error
	c = exec.Command("true")
	c.Stdin = io.MultiReader(bytes.NewReader(big))
	fmt.Println("true:", c.Run())
	close(stop)
}
