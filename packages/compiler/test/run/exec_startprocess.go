// os.StartProcess and Process.Wait: output to the given Files, exit status,
// a second Wait, fork/exec and chdir errors.
package main

import (
	"fmt"
	"os"
)

func main() {
	p, err := os.StartProcess("/bin/sh", []string{"sh", "-c", "echo hi from $0; exit 2"}, &os.ProcAttr{Files: []*os.File{nil, os.Stdout, os.Stderr}})
	st, werr := p.Wait() // the parent prints nothing until the child has exited
	fmt.Println(err)
	err = werr
	fmt.Println(st, err, st.ExitCode())
	_, err = p.Wait()
	fmt.Println(err)
	_, err = os.StartProcess("/nonexistent", []string{"x"}, &os.ProcAttr{})
	fmt.Println(err)
	_, err = os.StartProcess("/bin/sh", []string{"x"}, &os.ProcAttr{Dir: "/nonexistent"})
	fmt.Println(err)
	fmt.Println(os.IsTimeout(err))
}
