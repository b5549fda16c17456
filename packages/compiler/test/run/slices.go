package main

var table = [5]int{1, 2, 3, 4, 5}

func sum(s []int) int {
	t := 0
	for _, v := range s {
		t += v
	}
	return t
}

func reverse(a []int) {
	for i, j := 0, len(a)-1; i < j; i, j = i+1, j-1 {
		a[i], a[j] = a[j], a[i]
	}
}

func main() {
	s := make([]int, 3, 10)
	println(len(s), cap(s))
	s[0], s[1], s[2] = 10, 20, 30
	println(sum(s))
	t := s[1:5]
	println(len(t), cap(t), t[0], t[3])
	t[0] = 99
	println(s[1])
	println(sum(table[:]), len(table))
	arr := table
	arr[0] = 100
	println(table[0], arr[0])
	reverse(table[:])
	for i, v := range table {
		print(i, ":", v, " ")
	}
	println()
	lit := []int{5, 6, 7}
	println(len(lit), cap(lit), lit[2])
	var grid [3][4]int
	for i := 0; i < 3; i++ {
		for j := 0; j < 4; j++ {
			grid[i][j] = i * j
		}
	}
	println(grid[2][3], grid[1][2])
	bs := []byte{'a', 'b'}
	println(bs[0], bs[1])
	str := "héllo"
	println(len(str), str[1], str[0])
	empty := s[3:3]
	println(len(empty), cap(empty))
	var nilSlice []int
	println(nilSlice == nil, len(nilSlice), s == nil)
}
