package main

func main() {
	s := "héllo, 世界\xff!"
	rs := []rune(s)
	println(len(rs))
	for i, r := range rs {
		print(i, ":", r, " ")
	}
	println()
	println(string(rs))
	rs[0] = 'H'
	rs = append(rs, 0x1F600, -1, 0xD800, 0x110000)
	println(string(rs), len(string(rs)))
	var empty []rune
	println(string(empty) == "", len([]rune("")), cap([]rune("")))
	println(len([]rune("abc")), cap([]rune("abc")), cap([]rune("abcdefghi")))
	t := string([]rune{0x4e16, 'x'})
	println(t, len(t))
	b := []byte("abc")
	println(len(b), cap(b), string(b))
	type R []rune
	println(string(R{'o', 'k'}))
}
