//go:build ignore

// Differential test: gort's math/bits against Go's.
package main

import (
	"fmt"
	"math/bits"
	"math/rand"
	"os"
	"strconv"

	ob "gortstd/math/bits"
)

var fails int

func check(what string, x any, got, want any) {
	if got != want {
		fails++
		if fails < 20 {
			fmt.Printf("%s(%v): got %v want %v\n", what, x, got, want)
		}
	}
}

func r64(r *rand.Rand) uint64 {
	v := r.Uint64()
	switch r.Intn(4) {
	case 0:
		v >>= uint(r.Intn(64))
	case 1:
		v <<= uint(r.Intn(64))
	}
	return v
}

type pair struct{ a, b uint64 }

func recovered(f func()) (msg string) {
	defer func() {
		if e := recover(); e != nil {
			msg = fmt.Sprint(e)
		}
	}()
	f()
	return ""
}

func main() {
	n, _ := strconv.Atoi(os.Getenv("GORTSTD_N"))
	if n == 0 {
		n = 20000
	}
	r := rand.New(rand.NewSource(2))
	check("UintSize", 0, ob.UintSize, bits.UintSize)
	for i := 0; i < n*5; i++ {
		x, y, z := r64(r), r64(r), r64(r)
		k := r.Intn(300) - 150
		check("LeadingZeros64", x, ob.LeadingZeros64(x), bits.LeadingZeros64(x))
		check("LeadingZeros32", x, ob.LeadingZeros32(uint32(x)), bits.LeadingZeros32(uint32(x)))
		check("LeadingZeros16", x, ob.LeadingZeros16(uint16(x)), bits.LeadingZeros16(uint16(x)))
		check("LeadingZeros8", x, ob.LeadingZeros8(uint8(x)), bits.LeadingZeros8(uint8(x)))
		check("LeadingZeros", x, ob.LeadingZeros(uint(x)), bits.LeadingZeros(uint(x)))
		check("TrailingZeros64", x, ob.TrailingZeros64(x), bits.TrailingZeros64(x))
		check("TrailingZeros32", x, ob.TrailingZeros32(uint32(x)), bits.TrailingZeros32(uint32(x)))
		check("TrailingZeros16", x, ob.TrailingZeros16(uint16(x)), bits.TrailingZeros16(uint16(x)))
		check("TrailingZeros8", x, ob.TrailingZeros8(uint8(x)), bits.TrailingZeros8(uint8(x)))
		check("TrailingZeros", x, ob.TrailingZeros(uint(x)), bits.TrailingZeros(uint(x)))
		check("OnesCount64", x, ob.OnesCount64(x), bits.OnesCount64(x))
		check("OnesCount32", x, ob.OnesCount32(uint32(x)), bits.OnesCount32(uint32(x)))
		check("OnesCount16", x, ob.OnesCount16(uint16(x)), bits.OnesCount16(uint16(x)))
		check("OnesCount8", x, ob.OnesCount8(uint8(x)), bits.OnesCount8(uint8(x)))
		check("OnesCount", x, ob.OnesCount(uint(x)), bits.OnesCount(uint(x)))
		check("Len64", x, ob.Len64(x), bits.Len64(x))
		check("Len32", x, ob.Len32(uint32(x)), bits.Len32(uint32(x)))
		check("Len16", x, ob.Len16(uint16(x)), bits.Len16(uint16(x)))
		check("Len8", x, ob.Len8(uint8(x)), bits.Len8(uint8(x)))
		check("Len", x, ob.Len(uint(x)), bits.Len(uint(x)))
		check("RotateLeft64", x, ob.RotateLeft64(x, k), bits.RotateLeft64(x, k))
		check("RotateLeft32", x, ob.RotateLeft32(uint32(x), k), bits.RotateLeft32(uint32(x), k))
		check("RotateLeft16", x, ob.RotateLeft16(uint16(x), k), bits.RotateLeft16(uint16(x), k))
		check("RotateLeft8", x, ob.RotateLeft8(uint8(x), k), bits.RotateLeft8(uint8(x), k))
		check("RotateLeft", x, ob.RotateLeft(uint(x), k), bits.RotateLeft(uint(x), k))
		check("Reverse64", x, ob.Reverse64(x), bits.Reverse64(x))
		check("Reverse32", x, ob.Reverse32(uint32(x)), bits.Reverse32(uint32(x)))
		check("Reverse16", x, ob.Reverse16(uint16(x)), bits.Reverse16(uint16(x)))
		check("Reverse8", x, ob.Reverse8(uint8(x)), bits.Reverse8(uint8(x)))
		check("Reverse", x, ob.Reverse(uint(x)), bits.Reverse(uint(x)))
		check("ReverseBytes64", x, ob.ReverseBytes64(x), bits.ReverseBytes64(x))
		check("ReverseBytes32", x, ob.ReverseBytes32(uint32(x)), bits.ReverseBytes32(uint32(x)))
		check("ReverseBytes16", x, ob.ReverseBytes16(uint16(x)), bits.ReverseBytes16(uint16(x)))
		check("ReverseBytes", x, ob.ReverseBytes(uint(x)), bits.ReverseBytes(uint(x)))
		c := z & 1
		s1, c1 := ob.Add64(x, y, c)
		s2, c2 := bits.Add64(x, y, c)
		check("Add64", pair{x, y}, pair{s1, c1}, pair{s2, c2})
		a1, a2 := ob.Add32(uint32(x), uint32(y), uint32(c))
		b1, b2 := bits.Add32(uint32(x), uint32(y), uint32(c))
		check("Add32", pair{x, y}, [2]uint32{a1, a2}, [2]uint32{b1, b2})
		s1, c1 = ob.Sub64(x, y, c)
		s2, c2 = bits.Sub64(x, y, c)
		check("Sub64", pair{x, y}, pair{s1, c1}, pair{s2, c2})
		a1, a2 = ob.Sub32(uint32(x), uint32(y), uint32(c))
		b1, b2 = bits.Sub32(uint32(x), uint32(y), uint32(c))
		check("Sub32", pair{x, y}, [2]uint32{a1, a2}, [2]uint32{b1, b2})
		s1, c1 = ob.Mul64(x, y)
		s2, c2 = bits.Mul64(x, y)
		check("Mul64", pair{x, y}, pair{s1, c1}, pair{s2, c2})
		a1, a2 = ob.Mul32(uint32(x), uint32(y))
		b1, b2 = bits.Mul32(uint32(x), uint32(y))
		check("Mul32", pair{x, y}, [2]uint32{a1, a2}, [2]uint32{b1, b2})
		if z != 0 {
			hi := x % z
			if r.Intn(2) == 0 {
				hi = x
			}
			var q1, r1, q2, r2 uint64
			m1 := recovered(func() { q1, r1 = ob.Div64(hi, y, z) })
			m2 := recovered(func() { q2, r2 = bits.Div64(hi, y, z) })
			check("Div64", [3]uint64{hi, y, z}, fmt.Sprint(q1, r1, m1), fmt.Sprint(q2, r2, m2))
			check("Rem64", [3]uint64{x, y, z}, ob.Rem64(x, y, z), bits.Rem64(x, y, z))
			z32 := uint32(z)
			if z32 != 0 {
				h32 := uint32(x) % z32
				var p1, p2, p3, p4 uint32
				m1 := recovered(func() { p1, p2 = ob.Div32(h32, uint32(y), z32) })
				m2 := recovered(func() { p3, p4 = bits.Div32(h32, uint32(y), z32) })
				check("Div32", 0, fmt.Sprint(p1, p2, m1), fmt.Sprint(p3, p4, m2))
				check("Rem32", 0, ob.Rem32(uint32(x), uint32(y), z32), bits.Rem32(uint32(x), uint32(y), z32))
			}
		}
	}
	check("Div64 by zero", 0, recovered(func() { ob.Div64(0, 1, 0) }), recovered(func() { bits.Div64(0, 1, 0) }))
	check("Div64 overflow", 0, recovered(func() { ob.Div64(5, 1, 3) }), recovered(func() { bits.Div64(5, 1, 3) }))
	if fails > 0 {
		fmt.Printf("FAIL math/bits: %d mismatches\n", fails)
		os.Exit(1)
	}
	fmt.Println("ok math/bits")
}
