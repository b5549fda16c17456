package main

import (
	"fmt"
	"os"
	"strings"
)

func main() {
	d, err := os.MkdirTemp("", "gort-x-*-y")
	fmt.Println(err, strings.HasPrefix(d, os.TempDir()+"/gort-x-"), strings.HasSuffix(d, "-y"))
	os.MkdirAll(d+"/a/b", 0755)
	f, err := os.CreateTemp(d+"/a", "f*.txt")
	fmt.Println(err, strings.HasSuffix(f.Name(), ".txt"))
	f.WriteString("hi")
	f.Close()
	fmt.Println(os.RemoveAll(d))
	_, err = os.Open(d)
	fmt.Println(os.IsNotExist(err), os.RemoveAll(d+"/nope"))
	_, err = os.CreateTemp("", "a/b")
	fmt.Println(err)
}
