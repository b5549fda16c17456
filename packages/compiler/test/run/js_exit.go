// syscall/js: JavaScript's process.exit ends the program with its status, as under Go's wasm
// port (output from GOOS=js GOARCH=wasm go build run by Go's wasm_exec_node.js).
package main

import (
	"fmt"
	"syscall/js"
)

func main() {
	fmt.Println("before")
	defer fmt.Println("deferred calls do not run")
	js.Global().Get("process").Call("exit", 3)
	fmt.Println("after")
}
