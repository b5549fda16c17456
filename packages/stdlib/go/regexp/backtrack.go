// gort standard library: package regexp (bounded backtracker).
//
// For small programs on short inputs, a depth-first search with a visited
// bit per (instruction, position) — RE2's "bit state" backtracker, which
// Go also uses there — is much cheaper than the Pike VM: it keeps one
// capture array instead of one per thread. It explores alternatives in
// priority order and never visits a state twice, so it finds exactly the
// match the VM finds (leftmost-first; for leftmost-longest it keeps the
// longest end seen from the leftmost start), in time linear in
// len(prog) * len(input). The visited bits are not cleared between start
// positions: a state that failed from an earlier start fails again.

package regexp

import "regexp/syntax"

const (
	maxBacktrackProg   = 500        // instructions
	maxBacktrackVector = 256 * 1024 // visited bits
)

// job is a pending state: resume at pc and pos; arg marks the second
// visit of an Alt (try its other branch) or of a Save (restore the old
// position pos into the slot).
type job struct {
	pc  int
	pos int
	arg bool
}

type bitState struct {
	end      int   // len(input)
	cap      []int // the current path's captures
	matchcap []int // the best match's captures
	jobs     []job
	visited  []uint32 // bit pc*(end+1)+pos
}

// shouldVisit marks (pc, pos) visited and reports whether it was new.
func (b *bitState) shouldVisit(pc, pos int) bool {
	n := pc*(b.end+1) + pos
	if b.visited[n/32]&(1<<(uint(n)&31)) != 0 {
		return false
	}
	b.visited[n/32] |= 1 << (uint(n) & 31)
	return true
}

func (b *bitState) push(pc, pos int, arg bool) {
	// A second visit (arg) is queued even though the state was seen.
	if arg || b.shouldVisit(pc, pos) {
		b.jobs = append(b.jobs, job{pc, pos, arg})
	}
}

// useBacktrack reports whether the backtracker handles an input of n bytes.
func (re *Regexp) useBacktrack(n int) bool {
	np := len(re.prog.op)
	return np <= maxBacktrackProg && n < maxBacktrackVector/np
}

// tryBacktrack runs the search from pos at instruction pc.
func (re *Regexp) tryBacktrack(m *machine, b *bitState, pc, pos int) bool {
	p := re.prog
	longest := re.longest
	b.push(pc, pos, false)
	for len(b.jobs) > 0 {
		l := len(b.jobs) - 1
		pc, pos, arg := b.jobs[l].pc, b.jobs[l].pos, b.jobs[l].arg
		b.jobs = b.jobs[:l]
		first := true
		for {
			if !first && !b.shouldVisit(pc, pos) {
				break
			}
			first = false
			switch p.op[pc] {
			case iFail:
				goto next
			case iAlt:
				if arg {
					// The preferred branch is done: try the other one.
					arg = false
					pc = p.arg[pc]
					continue
				}
				b.push(pc, pos, true)
				pc = p.out[pc]
				continue
			case iRune1, iRune, iAny, iAnyNotNL:
				r, width := m.step(pos)
				if !p.matchRune(pc, r) {
					goto next
				}
				pos += width
				pc = p.out[pc]
				continue
			case iSave:
				slot := p.arg[pc]
				if arg {
					b.cap[slot] = pos // restore
					goto next
				}
				if slot < len(b.cap) {
					b.push(pc, b.cap[slot], true)
					b.cap[slot] = pos
				}
				pc = p.out[pc]
				continue
			case iEmpty:
				if syntax.EmptyOp(p.arg[pc])&^m.context(pos) != 0 {
					goto next
				}
				pc = p.out[pc]
				continue
			case iNop:
				pc = p.out[pc]
				continue
			case iMatch:
				if len(b.cap) == 0 {
					return true // any match will do
				}
				if len(b.cap) > 1 {
					b.cap[1] = pos
				}
				if old := b.matchcap[1]; old == -1 || longest && pos > 0 && pos > old {
					copy(b.matchcap, b.cap)
				}
				if !longest || pos == b.end {
					return true
				}
				goto next // look for a longer match
			}
		}
	next:
	}
	return longest && len(b.matchcap) > 1 && b.matchcap[1] >= 0
}

// backtrack finds the leftmost match at or after pos with the bounded
// backtracker; ncap capture positions are returned (nil: no match).
func (re *Regexp) backtrack(s string, pos int, ncap int, dst []int) []int {
	if re.cond == ^syntax.EmptyOp(0) {
		return nil
	}
	if re.cond&syntax.EmptyBeginText != 0 && pos != 0 {
		return nil // anchored at the start of the text
	}
	n := len(re.prog.op)
	end := len(s)
	b := &bitState{end: end,
		visited: make([]uint32, (n*(end+1)+31)/32),
		cap:     make([]int, ncap), matchcap: make([]int, ncap)}
	for i := range b.cap {
		b.cap[i] = -1
		b.matchcap[i] = -1
	}
	m := &machine{p: re.prog, input: s}
	if re.cond&syntax.EmptyBeginText != 0 {
		if len(b.cap) > 0 {
			b.cap[0] = pos
		}
		if !re.tryBacktrack(m, b, re.prog.start, pos) {
			return nil
		}
	} else {
		found := false
		// Try each start position in turn, rune by rune, including the
		// empty string at the end.
		for width := -1; pos <= end && width != 0; pos += width {
			if re.prog.first != nil {
				// Skip to a rune that can start a match.
				adv := re.prog.indexFirst(s[pos:])
				if adv < 0 {
					break
				}
				pos += adv
			}
			if len(b.cap) > 0 {
				b.cap[0] = pos
			}
			if re.tryBacktrack(m, b, re.prog.start, pos) {
				found = true
				break
			}
			_, width = m.step(pos)
		}
		if !found {
			return nil
		}
	}
	if dst == nil {
		dst = make([]int, 0, ncap)
	}
	return append(dst, b.matchcap...)
}
