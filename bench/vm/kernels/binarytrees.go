// binarytrees: allocation of small pointerful objects and recursive pointer chasing.
package main

type tree struct {
	l, r *tree
}

func grow(depth int) *tree {
	if depth == 0 {
		return &tree{}
	}
	return &tree{l: grow(depth - 1), r: grow(depth - 1)}
}

func (t *tree) nodes() int {
	if t.l == nil {
		return 1
	}
	return 1 + t.l.nodes() + t.r.nodes()
}

func main() {
	const minDepth = 4
	maxDepth := 12
	total := grow(maxDepth + 1).nodes()
	keep := grow(maxDepth)
	for d := minDepth; d <= maxDepth; d += 2 {
		iters := 1 << uint(maxDepth-d+minDepth)
		sum := 0
		for i := 0; i < iters; i++ {
			sum += grow(d).nodes()
		}
		total += sum
	}
	total += keep.nodes()
	println("checksum binarytrees", total)
}
