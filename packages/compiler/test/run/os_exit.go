// os.Exit: output already written (fmt to stdout/stderr, print/println)
// appears; a bufio.Writer's unflushed bytes and deferred calls do not.
package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	print("printed ")
	println("line")
	fmt.Fprintln(os.Stderr, "to stderr")
	w := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(w, "lost in bufio")
	fmt.Print("stdout without newline")
	defer fmt.Println("deferred never runs")
	os.Exit(4)
}
