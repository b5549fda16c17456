// gort standard library: package math/rand (normal, exponential and Zipf
// distributions).
//
// NormFloat64 and ExpFloat64 use Marsaglia & Tsang's ziggurat (J. Stat.
// Software 5(8), 2000) with the tables of zigtables.go; Zipf uses the
// rejection-inversion method of Hörmann & Derflinger ("Rejection-inversion to
// generate variates from monotone discrete distributions", 1996). Each
// consumes the underlying source exactly as Go 1.19 does, so seeded
// sequences agree.

package rand

import "math"

const (
	normR = 3.442619855899      // start of the normal ziggurat's tail
	expR  = 7.69711747013104972 // start of the exponential ziggurat's tail
)

// NormFloat64 returns a standard normally distributed float64 (mean 0,
// standard deviation 1).
func (r *Rand) NormFloat64() float64 {
	for {
		j := int32(r.Uint32())
		i := j & 0x7f
		x := float64(j) * float64(wn[i])
		mag := uint32(j)
		if j < 0 {
			mag = uint32(-j)
		}
		if mag < kn[i] {
			return x // inside the layer's rectangle
		}
		if i == 0 {
			// The base layer's tail beyond normR: Marsaglia's method.
			for {
				x = -math.Log(r.Float64()) * (1.0 / normR)
				y := -math.Log(r.Float64())
				if y+y >= x*x {
					break
				}
			}
			if j > 0 {
				return normR + x
			}
			return -normR - x
		}
		if fn[i]+float32(r.Float64())*(fn[i-1]-fn[i]) < float32(math.Exp(-.5*x*x)) {
			return x
		}
	}
}

// ExpFloat64 returns an exponentially distributed float64 with rate 1
// (mean 1), in (0, +MaxFloat64].
func (r *Rand) ExpFloat64() float64 {
	for {
		j := r.Uint32()
		i := j & 0xff
		x := float64(j) * float64(we[i])
		if j < ke[i] {
			return x
		}
		if i == 0 {
			return expR - math.Log(r.Float64())
		}
		if fe[i]+float32(r.Float64())*(fe[i-1]-fe[i]) < float32(math.Exp(-x)) {
			return x
		}
	}
}

// A Zipf generates Zipf distributed variates: P(k) proportional to
// (v+k)^(-s) for k in [0, imax].
type Zipf struct {
	r      *Rand
	imax   float64
	v      float64
	q      float64 // the exponent s
	s      float64 // acceptance shortcut width
	oneMq  float64 // 1 - q
	invOMq float64 // 1 / (1 - q)
	hImax  float64 // H(imax + 1/2)
	hSpan  float64 // H(1/2) - v^-q - H(imax + 1/2)
}

// hInt is the integral H(x) = (v+x)^(1-q) / (1-q) of the hat function.
func (z *Zipf) hInt(x float64) float64 {
	return math.Exp(z.oneMq*math.Log(z.v+x)) * z.invOMq
}

// hIntInv inverts hInt.
func (z *Zipf) hIntInv(x float64) float64 {
	return math.Exp(z.invOMq*math.Log(z.oneMq*x)) - z.v
}

// NewZipf returns a Zipf generator drawing from r, with s > 1 and v >= 1
// (nil otherwise).
func NewZipf(r *Rand, s float64, v float64, imax uint64) *Zipf {
	if s <= 1.0 || v < 1 {
		return nil
	}
	z := &Zipf{r: r, imax: float64(imax), v: v, q: s}
	z.oneMq = 1.0 - z.q
	z.invOMq = 1.0 / z.oneMq
	z.hImax = z.hInt(z.imax + 0.5)
	z.hSpan = z.hInt(0.5) - math.Exp(math.Log(z.v)*(-z.q)) - z.hImax
	z.s = 1 - z.hIntInv(z.hInt(1.5)-math.Exp(-z.q*math.Log(z.v+1.0)))
	return z
}

// Uint64 returns a value drawn from the Zipf distribution.
func (z *Zipf) Uint64() uint64 {
	if z == nil {
		panic("rand: nil Zipf")
	}
	var k float64
	for {
		u := z.hImax + z.r.Float64()*z.hSpan
		x := z.hIntInv(u)
		k = math.Floor(x + 0.5)
		if k-x <= z.s {
			break
		}
		if u >= z.hInt(k+0.5)-math.Exp(-math.Log(k+z.v)*z.q) {
			break
		}
	}
	return uint64(k)
}
