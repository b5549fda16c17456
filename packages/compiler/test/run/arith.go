package main

var vals_int8 = []int8{-128, -127, -1, 0, 1, 7, 127}
var vals_int16 = []int16{-32768, -1, 0, 3, 32767}
var vals_int32 = []int32{-2147483648, -5, 0, 1, 2147483647}
var vals_int64 = []int64{-9223372036854775808, -3, 0, 1, 9223372036854775807}
var vals_int = []int{-9223372036854775808, -7, 0, 2, 9223372036854775807}
var vals_uint8 = []uint8{0, 1, 128, 255}
var vals_uint16 = []uint16{0, 1, 40000, 65535}
var vals_uint32 = []uint32{0, 3, 2147483648, 4294967295}
var vals_uint64 = []uint64{0, 1, 9223372036854775808, 18446744073709551615}
var vals_uint = []uint{0, 5, 18446744073709551615}
var vals_uintptr = []uintptr{0, 7, 18446744073709551615}

func test_int8() {
	for _, a := range vals_int8 {
		for _, b := range vals_int8 {
			print(a+b, " ", a-b, " ", a*b, " ", a&b, " ", a|b, " ", a^b, " ", a&^b, " ")
			if b != 0 {
				print(a/b, " ", a%b, " ")
			}
			print(a < b, a <= b, a == b, " ")
			print(a<<(uint(b)&7), " ", a>>(uint(b)&7), " ", -a, " ", ^a, "\n")
		}
		print(float64(a), " ", float32(a), " ", int8(a), " ", uint16(a), " ", int64(a), " ", uint32(a), "\n")
		for s := uint(0); s < 70; s += 13 {
			print(a<<s, " ", a>>s, " ")
		}
		println()
	}
}

func test_int16() {
	for _, a := range vals_int16 {
		for _, b := range vals_int16 {
			print(a+b, " ", a-b, " ", a*b, " ", a&b, " ", a|b, " ", a^b, " ", a&^b, " ")
			if b != 0 {
				print(a/b, " ", a%b, " ")
			}
			print(a < b, a <= b, a == b, " ")
			print(a<<(uint(b)&7), " ", a>>(uint(b)&7), " ", -a, " ", ^a, "\n")
		}
		print(float64(a), " ", float32(a), " ", int8(a), " ", uint16(a), " ", int64(a), " ", uint32(a), "\n")
		for s := uint(0); s < 70; s += 13 {
			print(a<<s, " ", a>>s, " ")
		}
		println()
	}
}

func test_int32() {
	for _, a := range vals_int32 {
		for _, b := range vals_int32 {
			print(a+b, " ", a-b, " ", a*b, " ", a&b, " ", a|b, " ", a^b, " ", a&^b, " ")
			if b != 0 {
				print(a/b, " ", a%b, " ")
			}
			print(a < b, a <= b, a == b, " ")
			print(a<<(uint(b)&7), " ", a>>(uint(b)&7), " ", -a, " ", ^a, "\n")
		}
		print(float64(a), " ", float32(a), " ", int8(a), " ", uint16(a), " ", int64(a), " ", uint32(a), "\n")
		for s := uint(0); s < 70; s += 13 {
			print(a<<s, " ", a>>s, " ")
		}
		println()
	}
}

func test_int64() {
	for _, a := range vals_int64 {
		for _, b := range vals_int64 {
			print(a+b, " ", a-b, " ", a*b, " ", a&b, " ", a|b, " ", a^b, " ", a&^b, " ")
			if b != 0 {
				print(a/b, " ", a%b, " ")
			}
			print(a < b, a <= b, a == b, " ")
			print(a<<(uint(b)&7), " ", a>>(uint(b)&7), " ", -a, " ", ^a, "\n")
		}
		print(float64(a), " ", float32(a), " ", int8(a), " ", uint16(a), " ", int64(a), " ", uint32(a), "\n")
		for s := uint(0); s < 70; s += 13 {
			print(a<<s, " ", a>>s, " ")
		}
		println()
	}
}

func test_int() {
	for _, a := range vals_int {
		for _, b := range vals_int {
			print(a+b, " ", a-b, " ", a*b, " ", a&b, " ", a|b, " ", a^b, " ", a&^b, " ")
			if b != 0 {
				print(a/b, " ", a%b, " ")
			}
			print(a < b, a <= b, a == b, " ")
			print(a<<(uint(b)&7), " ", a>>(uint(b)&7), " ", -a, " ", ^a, "\n")
		}
		print(float64(a), " ", float32(a), " ", int8(a), " ", uint16(a), " ", int64(a), " ", uint32(a), "\n")
		for s := uint(0); s < 70; s += 13 {
			print(a<<s, " ", a>>s, " ")
		}
		println()
	}
}

func test_uint8() {
	for _, a := range vals_uint8 {
		for _, b := range vals_uint8 {
			print(a+b, " ", a-b, " ", a*b, " ", a&b, " ", a|b, " ", a^b, " ", a&^b, " ")
			if b != 0 {
				print(a/b, " ", a%b, " ")
			}
			print(a < b, a <= b, a == b, " ")
			print(a<<(uint(b)&7), " ", a>>(uint(b)&7), " ", -a, " ", ^a, "\n")
		}
		print(float64(a), " ", float32(a), " ", int8(a), " ", uint16(a), " ", int64(a), " ", uint32(a), "\n")
		for s := uint(0); s < 70; s += 13 {
			print(a<<s, " ", a>>s, " ")
		}
		println()
	}
}

func test_uint16() {
	for _, a := range vals_uint16 {
		for _, b := range vals_uint16 {
			print(a+b, " ", a-b, " ", a*b, " ", a&b, " ", a|b, " ", a^b, " ", a&^b, " ")
			if b != 0 {
				print(a/b, " ", a%b, " ")
			}
			print(a < b, a <= b, a == b, " ")
			print(a<<(uint(b)&7), " ", a>>(uint(b)&7), " ", -a, " ", ^a, "\n")
		}
		print(float64(a), " ", float32(a), " ", int8(a), " ", uint16(a), " ", int64(a), " ", uint32(a), "\n")
		for s := uint(0); s < 70; s += 13 {
			print(a<<s, " ", a>>s, " ")
		}
		println()
	}
}

func test_uint32() {
	for _, a := range vals_uint32 {
		for _, b := range vals_uint32 {
			print(a+b, " ", a-b, " ", a*b, " ", a&b, " ", a|b, " ", a^b, " ", a&^b, " ")
			if b != 0 {
				print(a/b, " ", a%b, " ")
			}
			print(a < b, a <= b, a == b, " ")
			print(a<<(uint(b)&7), " ", a>>(uint(b)&7), " ", -a, " ", ^a, "\n")
		}
		print(float64(a), " ", float32(a), " ", int8(a), " ", uint16(a), " ", int64(a), " ", uint32(a), "\n")
		for s := uint(0); s < 70; s += 13 {
			print(a<<s, " ", a>>s, " ")
		}
		println()
	}
}

func test_uint64() {
	for _, a := range vals_uint64 {
		for _, b := range vals_uint64 {
			print(a+b, " ", a-b, " ", a*b, " ", a&b, " ", a|b, " ", a^b, " ", a&^b, " ")
			if b != 0 {
				print(a/b, " ", a%b, " ")
			}
			print(a < b, a <= b, a == b, " ")
			print(a<<(uint(b)&7), " ", a>>(uint(b)&7), " ", -a, " ", ^a, "\n")
		}
		print(float64(a), " ", float32(a), " ", int8(a), " ", uint16(a), " ", int64(a), " ", uint32(a), "\n")
		for s := uint(0); s < 70; s += 13 {
			print(a<<s, " ", a>>s, " ")
		}
		println()
	}
}

func test_uint() {
	for _, a := range vals_uint {
		for _, b := range vals_uint {
			print(a+b, " ", a-b, " ", a*b, " ", a&b, " ", a|b, " ", a^b, " ", a&^b, " ")
			if b != 0 {
				print(a/b, " ", a%b, " ")
			}
			print(a < b, a <= b, a == b, " ")
			print(a<<(uint(b)&7), " ", a>>(uint(b)&7), " ", -a, " ", ^a, "\n")
		}
		print(float64(a), " ", float32(a), " ", int8(a), " ", uint16(a), " ", int64(a), " ", uint32(a), "\n")
		for s := uint(0); s < 70; s += 13 {
			print(a<<s, " ", a>>s, " ")
		}
		println()
	}
}

func test_uintptr() {
	for _, a := range vals_uintptr {
		for _, b := range vals_uintptr {
			print(a+b, " ", a-b, " ", a*b, " ", a&b, " ", a|b, " ", a^b, " ", a&^b, " ")
			if b != 0 {
				print(a/b, " ", a%b, " ")
			}
			print(a < b, a <= b, a == b, " ")
			print(a<<(uint(b)&7), " ", a>>(uint(b)&7), " ", -a, " ", ^a, "\n")
		}
		print(float64(a), " ", float32(a), " ", int8(a), " ", uint16(a), " ", int64(a), " ", uint32(a), "\n")
		for s := uint(0); s < 70; s += 13 {
			print(a<<s, " ", a>>s, " ")
		}
		println()
	}
}

var fvals = []float64{0, 1.5, -2.25, 1e300, -1e-300, 3.0000001, 9.5e18, -9.3e18, 4e9}

func testFloat() {
	for _, a := range fvals {
		for _, b := range fvals {
			println(a+b, a-b, a*b, a/b, a < b, a == b, a >= b)
			x, y := float32(a), float32(b)
			println(x+y, x-y, x*y, x/y, x < y)
		}
		println(int64(a), int32(a), uint8(a), float32(a), -a)
	}
}

func main() {
	test_int8()
	test_int16()
	test_int32()
	test_int64()
	test_int()
	test_uint8()
	test_uint16()
	test_uint32()
	test_uint64()
	test_uint()
	test_uintptr()
	testFloat()
}
