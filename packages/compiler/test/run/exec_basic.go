// os/exec: Run/Output/CombinedOutput/Start/Wait, Stdin/Stdout/Stderr as
// readers and writers, pipes, Env and Dir, LookPath (ErrNotFound, ErrDot),
// ExitError and ProcessState, fork/exec and chdir errors, and a context
// deadline killing the child. PATH is set here: the test runs with an
// empty environment.
package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"
)

func main() {
	os.Setenv("PATH", "/usr/bin:/bin")

	c := exec.Command("/bin/echo", "hi")
	c.Dir = "/nonexistent"
	fmt.Println(c.Run())
	fmt.Println(exec.Command("/nonexistent/x").Run())
	fmt.Println(exec.Command("/tmp").Run())
	c = exec.Command("nosuchcmdxyz", "a")
	err := c.Run()
	fmt.Println(err, "|", c.String(), "|", errors.Is(err, exec.ErrNotFound))
	var none exec.Cmd
	fmt.Println(none.Run())

	c = exec.Command("sh", "-c", "kill -9 $$")
	err = c.Run()
	fmt.Println(err, c.ProcessState.ExitCode(), c.ProcessState.Exited())
	c = exec.Command("sh", "-c", "exit 3")
	err = c.Run()
	fmt.Println(err, c.ProcessState.ExitCode(), c.ProcessState.Exited(), c.ProcessState.Success())
	fmt.Println(c.Run())
	fmt.Println(c.Wait())

	out, err := exec.Command("sh", "-c", "echo out; echo err >&2; exit 1").Output()
	fmt.Printf("%q %v %q\n", out, err, err.(*exec.ExitError).Stderr)
	out, err = exec.Command("sh", "-c", "echo a; echo b >&2; echo c").CombinedOutput()
	fmt.Printf("%q %v\n", out, err)

	c = exec.Command("tr", "a-z", "A-Z")
	c.Stdin = strings.NewReader("hello\n")
	var buf bytes.Buffer
	c.Stdout = &buf
	fmt.Println(c.Run(), strings.TrimSpace(buf.String()))

	c = exec.Command("cat")
	in, _ := c.StdinPipe()
	o, _ := c.StdoutPipe()
	fmt.Println(c.Start())
	io.WriteString(in, "line1\nline2\n")
	in.Close()
	sc := bufio.NewScanner(o)
	for sc.Scan() {
		fmt.Println("got", sc.Text())
	}
	fmt.Println(c.Wait())

	c = exec.Command("sh", "-c", "echo $FOO $BAR; pwd")
	c.Env = []string{"FOO=1", "BAR=2", "FOO=3"}
	c.Dir = "/usr"
	out, err = c.Output()
	fmt.Printf("%q %v\n", out, err)

	c = exec.Command("sh", "-c", "echo to-stdout; echo to-stderr >&2")
	c.Stdout = os.Stdout
	c.Stderr = os.Stdout
	c.Start()
	fmt.Println("started")
	fmt.Println(c.Wait())

	p, err := exec.LookPath("sh")
	fmt.Println(p, err)

	d, _ := os.MkdirTemp("", "execbasic")
	defer os.RemoveAll(d)
	wd, _ := os.Getwd()
	defer os.Chdir(wd)
	os.WriteFile(d+"/prog", []byte("#!/bin/sh\necho prog $1\n"), 0755)
	os.Chdir(d)
	os.Setenv("PATH", ".:/usr/bin:/bin")
	p, err = exec.LookPath("prog")
	fmt.Println(p, err, errors.Is(err, exec.ErrDot))
	fmt.Println(exec.Command("prog", "x").Run())
	out, err = exec.Command("./prog", "y").Output()
	fmt.Printf("%q %v\n", out, err)

	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	c = exec.CommandContext(ctx, "sleep", "5")
	t0 := time.Now()
	err = c.Run()
	fmt.Println(err, time.Since(t0) < 3*time.Second)

	c = exec.Command("sh", "-c", "exit 7")
	c.Start()
	fmt.Println(c.Process.Pid > 0)
	err = c.Wait()
	var ee *exec.ExitError
	fmt.Println(errors.As(err, &ee), ee.ExitCode(), ee.String(), c.ProcessState.Pid() == c.Process.Pid)
	fmt.Println(c.Process.Kill())
	fmt.Println(exec.Command("echo", "a", "b").String())
	fmt.Println(os.Interrupt, os.Kill)
}
