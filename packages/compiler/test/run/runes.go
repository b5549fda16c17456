package main

func count(s string) (n int) {
	for range s {
		n++
	}
	return
}

func main() {
	for i, r := range "aé€😀" {
		println(i, r)
	}
	bad := string([]byte{0x61, 0xff, 0xe2, 0x82, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0xf4, 0x90, 0x80, 0x80, 0xe0, 0x80, 0xaf, 0xf0, 0x9f, 0x98})
	for i, r := range bad {
		print(i, ":", r, " ")
	}
	println()
	println(count("héllo, 世界"), count(""))
	var k int
	var r rune
	for k, r = range "xy" {
	}
	println(k, r)
}

func init() {
	rs := []rune{65, 0xe9, 0x20ac, 0x1f600, -1, 0xd800, 0x110000, 0x7f, 0x7ff, 0xffff}
	out := ""
	for _, r := range rs {
		s := string(r)
		out += s
		print(len(s), " ")
	}
	println(out)
	var b byte = 'z'
	var big uint64 = 1 << 63
	println(string(b), string(rune(b)+1), len(string(big)))
}
