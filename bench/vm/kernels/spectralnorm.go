// spectralnorm: float64 loops over slices with a small function called per element.
package main

func elem(i, j int) float64 {
	s := i + j
	return 1.0 / float64(s*(s+1)/2+i+1)
}

func times(dst, src []float64) {
	for i := range dst {
		acc := 0.0
		for j, x := range src {
			acc += elem(i, j) * x
		}
		dst[i] = acc
	}
}

func timesT(dst, src []float64) {
	for i := range dst {
		acc := 0.0
		for j, x := range src {
			acc += elem(j, i) * x
		}
		dst[i] = acc
	}
}

func main() {
	n := 500
	u := make([]float64, n)
	v := make([]float64, n)
	tmp := make([]float64, n)
	for i := range u {
		u[i] = 1
	}
	for k := 0; k < 10; k++ {
		times(tmp, u)
		timesT(v, tmp)
		times(tmp, v)
		timesT(u, tmp)
	}
	var uv, vv float64
	for i := range v {
		uv += u[i] * v[i]
		vv += v[i] * v[i]
	}
	println("checksum spectralnorm", int64(uv/vv*1e12))
}
