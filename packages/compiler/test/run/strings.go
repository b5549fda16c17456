package main

func describe(s string) string {
	switch s {
	case "go":
		return "gopher"
	case "", " ":
		return "blank"
	}
	return "other:" + s
}

func join(parts []string, sep string) string {
	r := ""
	for i, p := range parts {
		if i > 0 {
			r += sep
		}
		r += p
	}
	return r
}

func main() {
	a := "hello"
	b := a + ", " + "world"
	println(b, len(b))
	println(a == "hello", a != "hello", a < "help", a > "hello", "" < a, "abc" <= "abc")
	println(describe("go"), describe(""), describe("rust"))
	println(join([]string{"a", "b", "c"}, "-"))
	println(b[7:], b[:5], b[3:8], len(b[5:5]))
	s := ""
	for i := 0; i < 5; i++ {
		s += "ab"
	}
	println(s, len(s))
	x := "héllo"
	println(x[1:3] == "é", x > "hz")
}

func upper(s string) string {
	b := []byte(s)
	for i := range b {
		if b[i] >= 'a' && b[i] <= 'z' {
			b[i] -= 'a' - 'A'
		}
	}
	return string(b)
}

func init() {
	w := "gopher"
	println(upper(w), w, len(upper("")), string([]byte{104, 105}))
}
