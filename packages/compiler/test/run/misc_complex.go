package main

type C struct {
	a complex128
	b complex64
}

func div(x, y complex128) complex128 { return x / y }

func mul64(x, y complex64) complex64 { return x * y }

func main() {
	var z complex128 = complex(1, 2)
	w := 3 - 4i
	println(z, w)
	println(z+w, z-w, z*w, z/w)
	println(-z, real(z), imag(w))
	var f complex64 = complex(float32(1.5), float32(-0.25))
	println(f, f*f, f/f, f+f, f-complex64(z))
	println(complex128(f), complex64(w))
	println(z == complex(1, 2), z != w, f == f)
	// division corner cases (C99 Annex G results)
	var zero complex128
	inf := real(1 / zero)
	println(div(1, 0), div(complex(inf, 0), 2), div(1, complex(inf, inf)))
	println(div(1e300+1e300i, 1e300+1e300i), div(1e-300, 1e-300i))
	nan := zero / zero
	println(nan == nan, real(nan) != real(nan))
	// complex64 multiplication is computed in float64 then narrowed
	a := complex64(complex(float32(16777215), float32(3)))
	println(mul64(a, a), a*complex(1e-3, 1e3))
	c := C{1 + 1i, 2 - 2i}
	d := c
	println(c == d, c.a, c.b)
	d.b += 1i
	println(c == d, d.b)
	arr := []complex128{1, 2i, -3}
	s := 0i
	for _, v := range arr {
		s += v * v
	}
	println(s, len(arr))
	p := &c.b
	*p *= 2
	println(c.b, real(*p))
	const k = 2 + 3i
	var x complex64 = k
	println(x, imag(k), k*k)
	var m [2]complex64
	m[1] = complex(real(x), 1)
	println(m[0], m[1])
}
