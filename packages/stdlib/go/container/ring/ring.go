// gort standard library: package container/ring.

// Package ring implements circular lists.
package ring

// Ring is an element of a circular list. There is no beginning or end; a
// pointer to any element stands for the whole ring. The zero value is a
// one-element ring holding nil.
type Ring struct {
	next, prev *Ring
	Value      any
}

func (r *Ring) init() *Ring {
	r.next = r
	r.prev = r
	return r
}

// Next returns the next element.
func (r *Ring) Next() *Ring {
	if r.next == nil {
		return r.init()
	}
	return r.next
}

// Prev returns the previous element.
func (r *Ring) Prev() *Ring {
	if r.next == nil {
		return r.init()
	}
	return r.prev
}

// Move moves n elements forward (n > 0) or backward (n < 0), modulo the
// ring's length.
func (r *Ring) Move(n int) *Ring {
	if r.next == nil {
		return r.init()
	}
	for ; n < 0; n++ {
		r = r.prev
	}
	for ; n > 0; n-- {
		r = r.next
	}
	return r
}

// New creates a ring of n elements; nil for n <= 0.
func New(n int) *Ring {
	if n <= 0 {
		return nil
	}
	first := new(Ring)
	tail := first
	for i := 1; i < n; i++ {
		e := &Ring{prev: tail}
		tail.next = e
		tail = e
	}
	tail.next = first
	first.prev = tail
	return first
}

// Link connects r with s so that r.Next() becomes s, and returns the old
// r.Next(). When r and s are in the same ring, the elements between them
// are split off and returned as a ring; otherwise s's ring is spliced in
// after r.
func (r *Ring) Link(s *Ring) *Ring {
	n := r.Next()
	if s != nil {
		p := s.Prev()
		r.next = s
		s.prev = r
		n.prev = p
		p.next = n
	}
	return n
}

// Unlink removes n % r.Len() elements after r and returns them as a ring;
// nil when that count is 0.
func (r *Ring) Unlink(n int) *Ring {
	if n <= 0 {
		return nil
	}
	return r.Link(r.Move(n + 1))
}

// Len counts the elements in O(n); 0 for a nil ring.
func (r *Ring) Len() int {
	n := 0
	if r != nil {
		n = 1
		for p := r.Next(); p != r; p = p.next {
			n++
		}
	}
	return n
}

// Do calls f on each element's value in forward order; f must not change r.
func (r *Ring) Do(f func(any)) {
	if r != nil {
		f(r.Value)
		for p := r.Next(); p != r; p = p.next {
			f(p.Value)
		}
	}
}
