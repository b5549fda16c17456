// nbody: float64 struct fields through pointers into a slice of structs (no math.Sqrt without
// imports: the force law uses d2*(d2+1) instead, same memory and float pattern).
package main

type body struct {
	x, y, z, vx, vy, vz, mass float64
}

func advance(bs []body, dt float64) {
	for i := 0; i < len(bs); i++ {
		bi := &bs[i]
		for j := i + 1; j < len(bs); j++ {
			bj := &bs[j]
			dx := bi.x - bj.x
			dy := bi.y - bj.y
			dz := bi.z - bj.z
			d2 := dx*dx + dy*dy + dz*dz
			mag := dt / (d2 * (d2 + 1))
			mj := bj.mass * mag
			bi.vx -= dx * mj
			bi.vy -= dy * mj
			bi.vz -= dz * mj
			mi := bi.mass * mag
			bj.vx += dx * mi
			bj.vy += dy * mi
			bj.vz += dz * mi
		}
	}
	for i := 0; i < len(bs); i++ {
		b := &bs[i]
		b.x += dt * b.vx
		b.y += dt * b.vy
		b.z += dt * b.vz
	}
}

func main() {
	bs := make([]body, 5)
	for i := range bs {
		f := float64(i)
		bs[i] = body{f, f * 0.5, -f, 0.01 * f, 0, 0.02, 1 + f}
	}
	for s := 0; s < 300000; s++ {
		advance(bs, 0.01)
	}
	sum := 0.0
	for i := range bs {
		sum += bs[i].x + bs[i].y + bs[i].z
	}
	println("checksum nbody", int64(sum*1e9))
}
