// mandelbrot: float loops, byte shifts and a uint32 FNV hash (the bench program's loop).
package main

func popcount8(b byte) int {
	n := 0
	for b != 0 {
		n += int(b & 1)
		b >>= 1
	}
	return n
}

func main() {
	n := 600
	hash := uint32(2166136261)
	inside := 0
	scale := 2.0 / float64(n)
	for y := 0; y < n; y++ {
		ci := float64(y)*scale - 1.0
		var acc byte
		nb := 0
		for x := 0; x < n; x++ {
			cr := float64(x)*scale - 1.5
			zr, zi, zr2, zi2 := 0.0, 0.0, 0.0, 0.0
			in := true
			for i := 0; i < 50; i++ {
				zi = 2*zr*zi + ci
				zr = zr2 - zi2 + cr
				zr2 = zr * zr
				zi2 = zi * zi
				if zr2+zi2 > 4.0 {
					in = false
					break
				}
			}
			acc <<= 1
			if in {
				acc |= 1
			}
			nb++
			if nb == 8 || x == n-1 {
				acc <<= uint(8 - nb)
				hash ^= uint32(acc)
				hash *= 16777619
				inside += popcount8(acc)
				acc, nb = 0, 0
			}
		}
	}
	println("checksum mandelbrot", hash, inside)
}
