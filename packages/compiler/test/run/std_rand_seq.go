package main

import (
	"fmt"
	"math/rand"
)

type counter struct{ n int64 }

func (c *counter) Int63() int64    { c.n += 0x123456789; return c.n & (1<<63 - 1) }
func (c *counter) Seed(seed int64) { c.n = seed }

func main() {
	// Top-level functions: seeded with 1 by default in Go 1.19.
	fmt.Println(rand.Int(), rand.Intn(100), rand.Int63(), rand.Int31(), rand.Uint32(), rand.Uint64())
	fmt.Println(rand.Float64(), rand.Float32(), rand.Int63n(1e15), rand.Int31n(1000))
	fmt.Println(rand.Perm(10))

	rand.Seed(42)
	for i := 0; i < 5; i++ {
		fmt.Print(rand.Intn(1000), " ")
	}
	fmt.Println()

	r := rand.New(rand.NewSource(2022))
	fmt.Println(r.Int63(), r.Uint64(), r.Intn(1<<40), r.Int63n(7), r.Int31n(1<<20))
	words := []string{"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"}
	r.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
	fmt.Println(words)
	for i := 0; i < 4; i++ {
		fmt.Printf("%.12f %.12f\n", r.NormFloat64(), r.ExpFloat64())
	}
	sum := 0.0
	for i := 0; i < 2000; i++ {
		sum += r.NormFloat64()*2 + 10
	}
	fmt.Printf("mean %.9f\n", sum/2000)

	buf := make([]byte, 13)
	n, err := r.Read(buf)
	fmt.Println(n, err, buf)
	r.Read(buf[:3])
	fmt.Println(buf[:3])

	// Seeds are taken mod 2^31-1; 0 and negative seeds work.
	for _, s := range []int64{0, -1, 1 << 31, 1<<31 - 1, -9876543210} {
		fmt.Print(rand.New(rand.NewSource(s)).Int63(), " ")
	}
	fmt.Println()

	z := rand.NewZipf(rand.New(rand.NewSource(7)), 1.5, 2, 100)
	for i := 0; i < 10; i++ {
		fmt.Print(z.Uint64(), " ")
	}
	fmt.Println(rand.NewZipf(r, 1, 1, 10) == nil)

	// A Source that is not a Source64.
	c := rand.New(&counter{})
	fmt.Println(c.Uint64(), c.Intn(10), c.Float64())

	defer func() { fmt.Println("recovered:", recover()) }()
	rand.Intn(0)
}
