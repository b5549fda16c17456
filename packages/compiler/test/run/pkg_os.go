package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println(len(os.Args) >= 1)
	if _, ok := os.LookupEnv("GORT_SURELY_UNSET_VARIABLE"); !ok {
		fmt.Println("unset")
	}
	os.Stdout.WriteString("stdout\n")
	os.Stderr.WriteString("stderr\n")
	n, err := os.Stdout.Write([]byte("bytes\n"))
	fmt.Println(n, err)
	defer fmt.Println("not printed: os.Exit runs no deferred calls")
	os.Exit(3)
}
