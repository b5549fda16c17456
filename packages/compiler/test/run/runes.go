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
