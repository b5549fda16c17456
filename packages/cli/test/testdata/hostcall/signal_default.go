// Without os/signal, SIGINT ends the program with its default action, as
// it ends a Go program (the shell sees 130).
package main

import (
	"fmt"
	"time"
)

func main() {
	fmt.Println("send SIGINT")
	time.Sleep(10 * time.Second)
	fmt.Println("not reached")
}
