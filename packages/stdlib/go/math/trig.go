// gort standard library: package math (Sin, Cos, Tan).
//
// The Cephes method (Moshier, sin.c and tan.c): reduce |x| by the octant
// j = int(x * 4/pi), rounded up to even so the remainder z lies in
// [-pi/4, pi/4], with pi/4 split in three parts for extended-precision
// subtraction; then a degree-13 odd (sine) or degree-14 even (cosine)
// polynomial, or Cephes' rational tangent. Arguments >= 2^29 are reduced
// with the Payne-Hanek method over the bits of 4/pi (pi4.go).

package math

import "math/bits"

const (
	pi4a = 7.85398125648498535156e-1  // 0x3fe921fb40000000, pi/4 split in three
	pi4b = 3.77489470793079817668e-8  // 0x3e64442d00000000
	pi4c = 2.69515142907905952645e-15 // 0x3ce8469898cc5170

	// reduceThreshold bounds the three-part reduction; beyond it the
	// cancellation loses too many bits and Payne-Hanek takes over.
	reduceThreshold = 1 << 29
)

var sinCoef = [...]float64{
	1.58962301576546568060e-10, // 0x3de5d8fd1fd19ccd
	-2.50507477628578072866e-8, // 0xbe5ae5e5a9291f5d
	2.75573136213857245213e-6,  // 0x3ec71de3567d48a1
	-1.98412698295895385996e-4, // 0xbf2a01a019bfdf03
	8.33333333332211858878e-3,  // 0x3f8111111110f7d0
	-1.66666666666666307295e-1, // 0xbfc5555555555548
}

var cosCoef = [...]float64{
	-1.13585365213876817300e-11, // 0xbda8fa49a0861a9b
	2.08757008419747316778e-9,   // 0x3e21ee9d7b4e3f05
	-2.75573141792967388112e-7,  // 0xbe927e4f7eac4bc6
	2.48015872888517045348e-5,   // 0x3efa01a019c844f5
	-1.38888888888730564116e-3,  // 0xbf56c16c16c14f91
	4.16666666666665929218e-2,   // 0x3fa555555555554b
}

// octant reduces x >= 0 to (j, z): x = j*pi/4 + z, j even-rounded, mod 8.
func octant(x float64) (j uint64, z float64) {
	if x >= reduceThreshold {
		return payneHanek(x)
	}
	j = uint64(x * (4 / Pi))
	y := float64(j)
	if j&1 == 1 { // map zeros to the origin
		j++
		y++
	}
	j &= 7
	z = ((x - y*pi4a) - y*pi4b) - y*pi4c
	return j, z
}

func sinPoly(z, zz float64) float64 {
	return z + z*zz*((((((sinCoef[0]*zz)+sinCoef[1])*zz+sinCoef[2])*zz+sinCoef[3])*zz+sinCoef[4])*zz+sinCoef[5])
}

func cosPoly(zz float64) float64 {
	return 1.0 - 0.5*zz + zz*zz*((((((cosCoef[0]*zz)+cosCoef[1])*zz+cosCoef[2])*zz+cosCoef[3])*zz+cosCoef[4])*zz+cosCoef[5])
}

// Cos returns the cosine of x (radians): NaN for ±Inf and NaN.
func Cos(x float64) float64 {
	if IsNaN(x) || IsInf(x, 0) {
		return NaN()
	}
	j, z := octant(Abs(x))
	neg := false
	if j > 3 {
		j -= 4
		neg = !neg
	}
	if j > 1 {
		neg = !neg
	}
	zz := z * z
	var y float64
	if j == 1 || j == 2 {
		y = sinPoly(z, zz)
	} else {
		y = cosPoly(zz)
	}
	if neg {
		y = -y
	}
	return y
}

// Sin returns the sine of x (radians): ±0 and NaN unchanged, NaN for ±Inf.
func Sin(x float64) float64 {
	if x == 0 || IsNaN(x) {
		return x
	}
	if IsInf(x, 0) {
		return NaN()
	}
	neg := false
	if x < 0 {
		x = -x
		neg = true
	}
	j, z := octant(x)
	if j > 3 {
		neg = !neg
		j -= 4
	}
	zz := z * z
	var y float64
	if j == 1 || j == 2 {
		y = cosPoly(zz)
	} else {
		y = sinPoly(z, zz)
	}
	if neg {
		y = -y
	}
	return y
}

// Sincos returns Sin(x), Cos(x).
func Sincos(x float64) (sin, cos float64) {
	if x == 0 {
		return x, 1
	}
	if IsNaN(x) || IsInf(x, 0) {
		return NaN(), NaN()
	}
	sinNeg, cosNeg := false, false
	if x < 0 {
		x = -x
		sinNeg = true
	}
	j, z := octant(x)
	if j > 3 {
		j -= 4
		sinNeg, cosNeg = !sinNeg, !cosNeg
	}
	if j > 1 {
		cosNeg = !cosNeg
	}
	zz := z * z
	c := cosPoly(zz)
	s := sinPoly(z, zz)
	if j == 1 || j == 2 {
		s, c = c, s
	}
	if cosNeg {
		c = -c
	}
	if sinNeg {
		s = -s
	}
	return s, c
}

var tanP = [...]float64{
	-1.30936939181383777646e4, // 0xc0c992d8d24f3f38
	1.15351664838587416140e6,  // 0x413199eca5fc9ddd
	-1.79565251976484877988e7, // 0xc1711fead3299176
}

var tanQ = [...]float64{
	1.0,
	1.36812963470692954678e4,  // 0x40cab8a5eeb36572
	-1.32089234440210967447e6, // 0xc13427bc582abc96
	2.50083801823357915839e7,  // 0x4177d98fc2ead8ef
	-5.38695755929454629881e7, // 0xc189afe03cbe5a31
}

// Tan returns the tangent of x (radians): ±0 and NaN unchanged, NaN for
// ±Inf.
func Tan(x float64) float64 {
	if x == 0 || IsNaN(x) {
		return x
	}
	if IsInf(x, 0) {
		return NaN()
	}
	neg := false
	if x < 0 {
		x = -x
		neg = true
	}
	j, z := octant(x)
	zz := z * z
	y := z
	if zz > 1e-14 {
		y = z + z*(zz*(((tanP[0]*zz)+tanP[1])*zz+tanP[2])/((((zz+tanQ[1])*zz+tanQ[2])*zz+tanQ[3])*zz+tanQ[4]))
	}
	if j&2 == 2 {
		y = -1 / y
	}
	if neg {
		y = -y
	}
	return y
}

// payneHanek reduces a large x (>= pi/4) exactly: with x = m * 2^e, the
// product m * (4/pi) is needed only modulo 8 and to about 128 fraction
// bits, so three 64-bit words of 4/pi starting at the right bit suffice.
// It returns the octant j (made even, as above) and the remainder
// z = frac * pi/4.
func payneHanek(x float64) (j uint64, z float64) {
	const quarterPi = Pi / 4
	if x < quarterPi {
		return 0, x
	}
	b := Float64bits(x)
	e := int(b>>expShift&expMask) - bias - expShift
	m := b&fracMask | 1<<expShift
	// Window of 4/pi whose leading bit has weight 2^-(e+61)... chosen so
	// that m * window puts the integer part's low 3 bits at the top.
	word, shift := uint(e+61)/64, uint(e+61)%64
	w := func(i uint) uint64 {
		v := fourOverPi[word+i] << shift
		if shift != 0 {
			v |= fourOverPi[word+i+1] >> (64 - shift)
		}
		return v
	}
	w0, w1, w2 := w(0), w(1), w(2)
	h2, _ := bits.Mul64(w2, m)
	h1, l1 := bits.Mul64(w1, m)
	l0 := w0 * m
	lo, carry := bits.Add64(l1, h2, 0)
	hi, _ := bits.Add64(l0, h1, carry)
	j = hi >> 61
	// The remaining 125 bits are the fraction; turn them into a float.
	hi = hi<<3 | lo>>61
	lz := uint(bits.LeadingZeros64(hi))
	exp := uint64(bias - (lz + 1))
	hi = hi<<(lz+1) | lo>>(64-(lz+1))
	hi >>= 64 - expShift
	hi |= exp << expShift
	z = Float64frombits(hi)
	if j&1 == 1 {
		j++
		j &= 7
		z--
	}
	return j, z * quarterPi
}
