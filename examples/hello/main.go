// Command hello prints a greeting: the smallest program gort runs.
package main

import "fmt"

func main() {
	fmt.Println("Hello, world!")
}
