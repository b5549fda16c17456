// gort standard library: package regexp (the Pike VM).
//
// Every match runs the program as a set of threads advanced in lock step
// over the input, one rune at a time (Pike's NFA simulation, as in RE2 and
// Go's regexp/exec.go): a queue holds at most one thread per instruction,
// in priority order, so the first thread to reach an instruction wins and
// matching takes time linear in the input for a given program. Each thread
// carries its capture positions.
//
// Leftmost-first (the default): when a thread matches, lower-priority
// threads are dropped; the match ends when no thread is left. Leftmost-
// longest (Longest, POSIX): threads that started later than the current
// match are dropped, and a later match replaces the current one only if it
// is longer.

package regexp

import (
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"
)

const endOfText rune = -1

type thread struct {
	cap []int
}

type entry struct {
	pc int
	t  *thread
}

// queue is a sparse set of pcs with their threads, in insertion order.
type queue struct {
	sparse []int
	dense  []entry
}

func newQueue(n int) *queue {
	return &queue{sparse: make([]int, n), dense: make([]entry, 0, n)}
}

func (q *queue) contains(pc int) bool {
	j := q.sparse[pc]
	return j < len(q.dense) && q.dense[j].pc == pc
}

func (q *queue) add(pc int) int {
	j := len(q.dense)
	q.dense = q.dense[:j+1]
	q.dense[j] = entry{pc: pc}
	q.sparse[pc] = j
	return j
}

// machine holds the state of one search.
type machine struct {
	p        *prog
	longest  bool
	matched  bool
	matchcap []int
	ncap     int
	pool     []*thread
	q0, q1   *queue
	input    string
}

func (m *machine) alloc() *thread {
	if n := len(m.pool); n > 0 {
		t := m.pool[n-1]
		m.pool = m.pool[:n-1]
		return t
	}
	return &thread{cap: make([]int, m.ncap)}
}

// step decodes the rune at pos (endOfText at the end).
func (m *machine) step(pos int) (rune, int) {
	if pos < len(m.input) {
		c := m.input[pos]
		if c < utf8.RuneSelf {
			return rune(c), 1
		}
		return utf8.DecodeRuneInString(m.input[pos:])
	}
	return endOfText, 0
}

// context returns the assertions that hold at pos.
func (m *machine) context(pos int) syntax.EmptyOp {
	r1, r2 := endOfText, endOfText
	if pos > 0 && pos <= len(m.input) {
		r1, _ = utf8.DecodeLastRuneInString(m.input[:pos])
	}
	if pos < len(m.input) {
		r2, _ = utf8.DecodeRuneInString(m.input[pos:])
	}
	return syntax.EmptyOpContext(r1, r2)
}

// matchRune reports whether instruction pc accepts r.
func (p *prog) matchRune(pc int, r rune) bool {
	switch p.op[pc] {
	case iRune1:
		c := rune(p.arg[pc])
		if r == c {
			return true
		}
		if p.fold[pc] {
			for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
				if r == f {
					return true
				}
			}
		}
		return false
	case iRune:
		rs := p.runes[pc]
		// Binary search over the sorted [lo, hi] pairs.
		lo, hi := 0, len(rs)/2
		for lo < hi {
			mid := (lo + hi) / 2
			if r < rs[2*mid] {
				hi = mid
			} else if r > rs[2*mid+1] {
				lo = mid + 1
			} else {
				return true
			}
		}
		return false
	case iAny:
		return r != endOfText
	case iAnyNotNL:
		return r != endOfText && r != '\n'
	}
	return false
}

// indexFirst returns the offset in s of the first rune that can start a
// match (p.first), or -1.
func (p *prog) indexFirst(s string) int {
	if p.firstByte >= 0 {
		return strings.IndexByte(s, byte(p.firstByte))
	}
	rs := p.first
	for i := 0; i < len(s); {
		c, w := rune(s[i]), 1
		if c >= utf8.RuneSelf {
			c, w = utf8.DecodeRuneInString(s[i:])
		}
		lo, hi := 0, len(rs)/2
		for lo < hi {
			mid := (lo + hi) / 2
			if c < rs[2*mid] {
				hi = mid
			} else if c > rs[2*mid+1] {
				lo = mid + 1
			} else {
				return i
			}
		}
		i += w
	}
	return -1
}

// add follows pc's empty transitions at pos, adding a thread (with a copy
// of cap) for each rune-consuming or matching instruction reached; t is a
// spare thread to reuse, returned when unused.
func (m *machine) add(q *queue, pc, pos int, cap []int, cond syntax.EmptyOp, t *thread) *thread {
	if pc == 0 || q.contains(pc) {
		return t
	}
	j := q.add(pc)
	p := m.p
	switch p.op[pc] {
	case iFail:
	case iAlt:
		t = m.add(q, p.out[pc], pos, cap, cond, t)
		t = m.add(q, p.arg[pc], pos, cap, cond, t)
	case iEmpty:
		if syntax.EmptyOp(p.arg[pc])&^cond == 0 {
			t = m.add(q, p.out[pc], pos, cap, cond, t)
		}
	case iNop:
		t = m.add(q, p.out[pc], pos, cap, cond, t)
	case iSave:
		if slot := p.arg[pc]; slot < len(cap) {
			old := cap[slot]
			cap[slot] = pos
			m.add(q, p.out[pc], pos, cap, cond, nil)
			cap[slot] = old
		} else {
			t = m.add(q, p.out[pc], pos, cap, cond, t)
		}
	default: // iMatch and the rune instructions
		if t == nil {
			t = m.alloc()
		}
		copy(t.cap, cap)
		q.dense[j].t = t
		t = nil
	}
	return t
}

// stepQueue runs the threads of runq over rune c at pos, adding the
// survivors to nextq at nextPos.
func (m *machine) stepQueue(runq, nextq *queue, pos, nextPos int, c rune, nextCond syntax.EmptyOp) {
	p := m.p
	for j := 0; j < len(runq.dense); j++ {
		d := &runq.dense[j]
		t := d.t
		if t == nil {
			continue
		}
		if m.longest && m.matched && len(t.cap) > 0 && m.matchcap[0] < t.cap[0] {
			m.pool = append(m.pool, t)
			continue
		}
		pc := d.pc
		ok := false
		if p.op[pc] == iMatch {
			if len(t.cap) > 0 && (!m.longest || !m.matched || m.matchcap[1] < pos) {
				t.cap[1] = pos
				copy(m.matchcap, t.cap)
			}
			if !m.longest {
				// Leftmost-first: lower-priority threads lose.
				for _, d2 := range runq.dense[j+1:] {
					if d2.t != nil {
						m.pool = append(m.pool, d2.t)
					}
				}
				runq.dense = runq.dense[:0]
			}
			m.matched = true
		} else {
			ok = p.matchRune(pc, c)
		}
		if ok {
			t = m.add(nextq, p.out[pc], nextPos, t.cap, nextCond, t)
		}
		if t != nil {
			m.pool = append(m.pool, t)
		}
	}
	runq.dense = runq.dense[:0]
}

// match searches m.input from pos; on success the capture positions are
// in m.matchcap.
func (m *machine) match(pos int, startCond syntax.EmptyOp) bool {
	if startCond == ^syntax.EmptyOp(0) {
		return false
	}
	m.matched = false
	for i := range m.matchcap {
		m.matchcap[i] = -1
	}
	runq, nextq := m.q0, m.q1
	r, width := m.step(pos)
	r1, width1 := endOfText, 0
	if r != endOfText {
		r1, width1 = m.step(pos + width)
	}
	var flag syntax.EmptyOp
	if pos == 0 {
		flag = syntax.EmptyOpContext(-1, r)
	} else {
		flag = m.context(pos)
	}
	for {
		if len(runq.dense) == 0 {
			if startCond&syntax.EmptyBeginText != 0 && pos != 0 {
				break // anchored at the start, and past it
			}
			if m.matched {
				break
			}
			if m.p.first != nil {
				// No thread alive: jump to the next rune that can start a
				// match (the start's closure has no assertions, so nothing
				// in between can).
				adv := m.p.indexFirst(m.input[pos:])
				if adv < 0 {
					break
				}
				if adv > 0 {
					pos += adv
					r, width = m.step(pos)
					r1, width1 = endOfText, 0
					if r != endOfText {
						r1, width1 = m.step(pos + width)
					}
				}
			}
		}
		if !m.matched && (pos == 0 || startCond&syntax.EmptyBeginText == 0) {
			if len(m.matchcap) > 0 {
				m.matchcap[0] = pos
			}
			m.add(runq, m.p.start, pos, m.matchcap, flag, nil)
		}
		flag = syntax.EmptyOpContext(r, r1)
		m.stepQueue(runq, nextq, pos, pos+width, r, flag)
		if width == 0 {
			break
		}
		if len(m.matchcap) == 0 && m.matched {
			break // any match will do
		}
		pos += width
		r, width = r1, width1
		if r != endOfText {
			r1, width1 = m.step(pos + width)
		}
		runq, nextq = nextq, runq
	}
	for _, d := range nextq.dense {
		if d.t != nil {
			m.pool = append(m.pool, d.t)
		}
	}
	nextq.dense = nextq.dense[:0]
	return m.matched
}

// doExecute finds the leftmost match in s at or after pos and returns its
// first ncap capture positions appended to dst (nil when there is none).
func (re *Regexp) doExecute(s string, pos int, ncap int, dst []int) []int {
	if re.useBacktrack(len(s)) {
		return re.backtrack(s, pos, ncap, dst)
	}
	n := len(re.prog.op)
	m := &machine{p: re.prog, longest: re.longest, ncap: ncap, input: s,
		matchcap: make([]int, ncap), q0: newQueue(n), q1: newQueue(n)}
	if !m.match(pos, re.cond) {
		return nil
	}
	if dst == nil {
		dst = make([]int, 0, ncap) // non-nil even when ncap == 0 (a match)
	}
	return append(dst, m.matchcap...)
}

func appendRune(b []byte, r rune) []byte {
	var tmp [utf8.UTFMax]byte
	n := utf8.EncodeRune(tmp[:], r)
	return append(b, tmp[:n]...)
}
