package main

import "math/bits"

func main() {
	vals := []uint64{0, 1, 2, 3, 0xff, 0x8000000000000000, 0xdeadbeefcafebabe, 1<<63 - 1, 12345678901234567}
	for _, v := range vals {
		println(bits.LeadingZeros64(v), bits.TrailingZeros64(v), bits.OnesCount64(v), bits.Len64(v))
		println(bits.RotateLeft64(v, 13), bits.RotateLeft64(v, -7), bits.Reverse64(v), bits.ReverseBytes64(v))
		println(bits.LeadingZeros32(uint32(v)), bits.TrailingZeros16(uint16(v)), bits.OnesCount8(uint8(v)), bits.Len(uint(v)))
		hi, lo := bits.Mul64(v, 0x123456789abcdef)
		s, c := bits.Add64(v, 0xffffffffffffffff, 1)
		d, b := bits.Sub64(v, 5, 1)
		println(hi, lo, s, c, d, b)
		if v > 1 {
			q, r := bits.Div64(1, v, v)
			println(q, r, bits.Rem64(3, v, v-1))
		}
		println(bits.Reverse32(uint32(v)), bits.ReverseBytes16(uint16(v)), bits.RotateLeft8(uint8(v), 3))
	}
	println(bits.UintSize)
}
