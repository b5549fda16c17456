package main

import (
	"fmt"
	"math"
	"os"
	"syscall"
)

type Body struct{ x, y, z, vx, vy, vz, mass float64 }

//go:noinline
func advance(bs []Body, dt float64) {
	for i := 0; i < len(bs); i++ {
		bi := &bs[i]
		for j := i + 1; j < len(bs); j++ {
			bj := &bs[j]
			dx := bi.x - bj.x
			dy := bi.y - bj.y
			dz := bi.z - bj.z
			d2 := dx*dx + dy*dy + dz*dz
			mag := dt / (d2 * math.Sqrt(d2))
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
	bs := make([]Body, 5)
	for i := range bs {
		f := float64(i)
		bs[i] = Body{f, f * 0.5, -f, 0.01 * f, 0, 0.02, 1 + f}
	}
	t := cpuNow()
	for s := 0; s < 1000000; s++ {
		advance(bs, 0.01)
	}
	fmt.Fprintf(os.Stderr, "%d ns\n", cpuNow()-t)
	sum := 0.0
	for i := range bs {
		sum += bs[i].x + bs[i].y + bs[i].z
	}
	fmt.Printf("%.9f\n", sum)
}

// cpuNow returns the process's user+system CPU time in ns (the machine is shared: wall time
// would measure the other tenants).
func cpuNow() int64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
}
