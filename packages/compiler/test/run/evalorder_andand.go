// && / || chains in conditions, assignments and call arguments evaluate each operand once, in order.
package main

var n int

func a() bool { n++; println("a"); return true }
func b() bool { n++; println("b"); return true }
func c() bool { n++; println("c"); return true }
func g(x bool) int { return 1 }

func main() {
	if a() && b() && c() {
		println("yes", n)
	}
	x := a() && b() && c()
	println(x, n)
	_ = g(a() && b() && c()) + g(true)
	println(n)
}
