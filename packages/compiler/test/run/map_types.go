package main

type P struct {
	x, y int
}

type S struct {
	name string
	n    int8
	f    float64
}

type Rec struct {
	tags  map[string]int
	count int
}

func sortInts(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j-1] > a[j]; j-- {
			a[j-1], a[j] = a[j], a[j-1]
		}
	}
}

func sortStrings(a []string) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j-1] > a[j]; j-- {
			a[j-1], a[j] = a[j], a[j-1]
		}
	}
}

func keysInt(m map[int]string) []int {
	var ks []int
	for k := range m {
		ks = append(ks, k)
	}
	sortInts(ks)
	return ks
}

func fill(m map[string]int, n int) {
	for i := 0; i < n; i++ {
		m[itoa(i)] = i
	}
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	s := ""
	neg := i < 0
	if neg {
		i = -i
	}
	for i > 0 {
		s = string(rune('0'+i%10)) + s
		i /= 10
	}
	if neg {
		s = "-" + s
	}
	return s
}

func main() {
	// small integer key types
	m8 := map[int8]int{}
	for i := -128; i < 128; i++ {
		m8[int8(i)] += i
	}
	println(len(m8), m8[-128], m8[127], m8[0])
	mu16 := map[uint16]uint16{}
	for i := 0; i < 70000; i += 7 {
		mu16[uint16(i)] = uint16(i * 3)
	}
	println(len(mu16), mu16[7], mu16[uint16(63000)])
	m32 := map[int32]bool{1: true, -1: false}
	println(m32[1], m32[-1], m32[2], len(m32))
	mb := map[bool]string{true: "yes", false: "no"}
	println(mb[1 < 2], mb[2 < 1])

	// floats: +0 and -0 are the same key; NaN is never found
	mf := map[float64]int{}
	zero := 0.0
	negz := -zero
	mf[zero] = 1
	mf[negz] += 10
	println(len(mf), mf[0])
	nan := zero / zero
	mf[nan] = 1
	mf[nan] = 2
	mf[nan]++
	_, ok := mf[nan]
	println(len(mf), ok, mf[nan])
	nans := 0
	total := 0
	for k, v := range mf {
		if k != k {
			nans++
			total += v
		}
	}
	println(nans, total)
	delete(mf, nan)
	println(len(mf))
	mc := map[complex64]int{complex(1, 2): 1}
	mc[complex(float32(zero), float32(negz))] = 2
	mc[complex(float32(negz), 0)] += 3
	mc[complex(float32(nan), 1)] = 4
	println(len(mc), mc[1+2i], mc[0], mc[complex(float32(nan), 1)])
	mc128 := map[complex128]int{complex(nan, 0): 1, 3i: 2}
	mc128[complex(negz, 3)]++
	println(len(mc128), mc128[3i])
	m32f := map[float32]string{1.5: "a", -2.25: "b"}
	var f32 float32 = 1.5
	println(m32f[f32], m32f[-2.25], len(m32f))

	// strings
	ms := map[string]int{}
	fill(ms, 2000)
	println(len(ms), ms["0"], ms["1999"], ms["2000"])
	for i := 0; i < 2000; i += 2 {
		delete(ms, itoa(i))
	}
	println(len(ms), ms["1"], ms["2"])
	sum := 0
	for _, v := range ms {
		sum += v
	}
	println(sum)
	b := []byte("hello")
	ms[string(b)] = 42
	b[0] = 'j'
	println(ms["hello"], ms["jello"])

	// struct and array keys
	mp := map[P]int{}
	for i := 0; i < 50; i++ {
		mp[P{i, i * i}] = i
	}
	println(len(mp), mp[P{7, 49}], mp[P{7, 48}])
	msk := map[S]int{{"a", 1, 0.5}: 1, {"a", 2, 0.5}: 2}
	msk[S{"a", 1, 0.5}] += 100
	println(msk[S{"a", 1, 0.5}], msk[S{"a", 2, 0.5}], len(msk))
	ma := map[[3]int]string{}
	ma[[3]int{1, 2, 3}] = "x"
	ma[[3]int{3, 2, 1}] = "y"
	println(ma[[3]int{1, 2, 3}], ma[[3]int{3, 2, 1}], len(ma))
	mas := map[[2]string]int{{"a", "b"}: 1}
	println(mas[[2]string{"a", "b"}], mas[[2]string{"ab", ""}])

	// pointer keys
	x, y := new(int), new(int)
	mptr := map[*int]int{x: 1, y: 2}
	println(mptr[x], mptr[y], mptr[nil], len(mptr))

	// struct values: copies
	mv := map[string]P{}
	mv["a"] = P{1, 2}
	p := mv["a"]
	p.x = 100
	println(mv["a"].x, p.x, mv["zz"].y)
	// map values in struct fields, nested maps, slices as values
	r := Rec{tags: map[string]int{}}
	r.tags["x"]++
	r.tags["x"]++
	r.count = len(r.tags)
	println(r.tags["x"], r.count)
	nested := map[string]map[int]string{}
	for i := 0; i < 3; i++ {
		inner := map[int]string{}
		for j := 0; j <= i; j++ {
			inner[j] = itoa(i * 10 + j)
		}
		nested[itoa(i)] = inner
	}
	for _, k := range []string{"0", "1", "2"} {
		ks := keysInt(nested[k])
		for _, j := range ks {
			print(k, ":", j, "=", nested[k][j], " ")
		}
	}
	println()
	msl := map[int][]int{}
	for i := 0; i < 10; i++ {
		msl[i%3] = append(msl[i%3], i)
	}
	println(len(msl[0]), len(msl[1]), len(msl[2]), msl[2][2])

	// comma-ok with assignment, var decl, ops
	var v int
	v, ok = mp[P{3, 9}]
	println(v, ok)
	var w, ok2 = ms["3"]
	println(w, ok2)
	ms["3"] *= 2
	ms["3"] -= 1
	ms["3"] <<= 2
	ms["3"] /= 5
	ms["3"] %= 7
	println(ms["3"])
	ms["new"] |= 6
	println(ms["new"])
	mstr := map[int]string{}
	mstr[1] += "ab"
	mstr[1] += "cd"
	println(mstr[1], len(mstr[1]))

	// nil map reads
	var nilm map[string]P
	println(len(nilm), nilm["x"].x, nilm == nil)
	_, ok = nilm["q"]
	println(ok)
	delete(nilm, "q")
	for range nilm {
		println("never")
	}
	// maps are references
	ref := map[int]int{}
	add := func(m map[int]int, k int) { m[k] = k * 2 }
	add(ref, 4)
	println(ref[4], len(ref))
	// global map
	gm["k"] = 5
	println(gm["k"], len(gm))
	// range forms
	small := map[int]string{1: "a", 2: "b", 3: "c"}
	n := 0
	for range small {
		n++
	}
	var kk int
	var vv string
	ksum := 0
	vlen := 0
	for kk, vv = range small {
		ksum += kk
		vlen += len(vv)
	}
	println(n, ksum, vlen)
	keys := []string{}
	for k := range map[string]bool{"z": true, "y": true, "x": false} {
		keys = append(keys, k)
	}
	sortStrings(keys)
	println(keys[0], keys[1], keys[2])
	// big values (stored indirectly)
	type Big struct {
		a [40]int
		s string
	}
	mbig := map[int]Big{}
	for i := 0; i < 20; i++ {
		var bg Big
		bg.a[39] = i
		bg.s = itoa(i)
		mbig[i] = bg
	}
	println(mbig[13].a[39], mbig[13].s, len(mbig))
	type BigK [20]int
	mbk := map[BigK]int{}
	for i := 0; i < 20; i++ {
		var k BigK
		k[19] = i
		mbk[k] = i * 3
	}
	var qk BigK
	qk[19] = 7
	println(mbk[qk], len(mbk))
	delete(mbk, qk)
	println(mbk[qk], len(mbk))
}

var gm = map[string]int{}
