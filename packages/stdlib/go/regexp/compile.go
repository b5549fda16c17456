// gort standard library: package regexp (compilation to a Pike VM program).
//
// The syntax tree is first rewritten the way RE2 simplifies it (counted
// repetition expanded into copies, x{2,4} = xx(x(x)?)?, x{3,} = xxx+), then
// compiled Thompson-style into an instruction array:
//
//	iRune1   match rune arg (fold: or any rune case-equivalent to it)
//	iRune    match a rune in the [lo, hi] pairs of runes[pc]
//	iAny / iAnyNotNL   match any rune / any but '\n'
//	iAlt     try out first, then arg (thread priority = leftmost-first)
//	iSave    record the position in capture slot arg
//	iEmpty   zero-width assertion (arg: syntax.EmptyOp bits)
//	iNop / iMatch / iFail
//
// A star whose body can match the empty string compiles as (x+)?, as Go
// 1.19 does, so that the loop's priority order gives Go's submatches.

package regexp

import (
	"regexp/syntax"
	"unicode"
	"unicode/utf8"
)

const (
	iFail = iota
	iMatch
	iRune1
	iRune
	iAny
	iAnyNotNL
	iAlt
	iSave
	iEmpty
	iNop
)

// prog is a compiled regexp; instruction pc is (op[pc], out[pc], arg[pc],
// runes[pc], fold[pc]).
type prog struct {
	op    []uint8
	out   []int
	arg   []int
	runes [][]rune
	fold  []bool
	start int

	// first holds the sorted [lo, hi] pairs of every rune a match can
	// start with, when the start's closure reaches only rune instructions
	// (no assertion, no empty match); nil otherwise. firstByte is that
	// set's only member when it is one ASCII byte, else -1. The VM skips
	// input that cannot start a match (exec.go).
	first     []rune
	firstByte int
}

// hole is an unpatched successor: pc's out (arg when isArg).
type hole struct {
	pc    int
	isArg bool
}

type frag struct {
	start    int
	holes    []hole
	nullable bool
}

type compiler struct {
	p *prog
}

func (c *compiler) emit(op uint8) int {
	p := c.p
	p.op = append(p.op, op)
	p.out = append(p.out, 0)
	p.arg = append(p.arg, 0)
	p.runes = append(p.runes, nil)
	p.fold = append(p.fold, false)
	return len(p.op) - 1
}

func (c *compiler) patch(hs []hole, to int) {
	for _, h := range hs {
		if h.isArg {
			c.p.arg[h.pc] = to
		} else {
			c.p.out[h.pc] = to
		}
	}
}

func compileProg(re *syntax.Regexp) *prog {
	c := &compiler{p: &prog{}}
	c.emit(iFail) // pc 0: fail
	f := c.compile(simplify(re))
	m := c.emit(iMatch)
	c.patch(f.holes, m)
	c.p.start = f.start
	c.p.first = c.p.firstSet()
	c.p.firstByte = -1
	if len(c.p.first) == 2 && c.p.first[0] == c.p.first[1] && c.p.first[0] < utf8.RuneSelf {
		c.p.firstByte = int(c.p.first[0])
	}
	return c.p
}

// firstSet computes prog.first.
func (p *prog) firstSet() []rune {
	var set []rune
	seen := make([]bool, len(p.op))
	ok := true
	var visit func(pc int)
	visit = func(pc int) {
		if !ok || seen[pc] {
			return
		}
		seen[pc] = true
		switch p.op[pc] {
		case iFail:
		case iAlt:
			visit(p.out[pc])
			visit(p.arg[pc])
		case iNop, iSave:
			visit(p.out[pc])
		case iRune1:
			c := rune(p.arg[pc])
			set = append(set, c, c)
			if p.fold[pc] {
				for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
					set = append(set, f, f)
				}
			}
		case iRune:
			set = append(set, p.runes[pc]...)
		default: // iMatch, iEmpty, iAny, iAnyNotNL: no useful filter
			ok = false
		}
	}
	visit(p.start)
	if !ok || len(set) == 0 {
		return nil
	}
	return normRanges(set)
}

// normRanges sorts and merges [lo, hi] pairs.
func normRanges(r []rune) []rune {
	n := len(r) / 2
	for i := 1; i < n; i++ { // insertion sort by lo (sets are small)
		for j := i; j > 0 && r[2*j] < r[2*j-2]; j-- {
			r[2*j], r[2*j+1], r[2*j-2], r[2*j-1] = r[2*j-2], r[2*j-1], r[2*j], r[2*j+1]
		}
	}
	w := 0
	for i := 0; i < n; i++ {
		lo, hi := r[2*i], r[2*i+1]
		if w > 0 && lo <= r[w-1]+1 {
			if hi > r[w-1] {
				r[w-1] = hi
			}
			continue
		}
		r[w], r[w+1] = lo, hi
		w += 2
	}
	return r[:w]
}

func (c *compiler) nop() frag {
	pc := c.emit(iNop)
	return frag{pc, []hole{{pc, false}}, true}
}

func (c *compiler) cat(f1, f2 frag) frag {
	if f1.start == 0 || f2.start == 0 {
		return frag{0, nil, false} // fail
	}
	c.patch(f1.holes, f2.start)
	return frag{f1.start, f2.holes, f1.nullable && f2.nullable}
}

func (c *compiler) alt(f1, f2 frag) frag {
	if f1.start == 0 {
		return f2
	}
	if f2.start == 0 {
		return f1
	}
	pc := c.emit(iAlt)
	c.p.out[pc] = f1.start
	c.p.arg[pc] = f2.start
	hs := append(append([]hole(nil), f1.holes...), f2.holes...)
	return frag{pc, hs, f1.nullable || f2.nullable}
}

func (c *compiler) quest(f1 frag, nongreedy bool) frag {
	pc := c.emit(iAlt)
	var hs []hole
	if nongreedy {
		c.p.arg[pc] = f1.start
		hs = append(hs, hole{pc, false})
	} else {
		c.p.out[pc] = f1.start
		hs = append(hs, hole{pc, true})
	}
	hs = append(hs, f1.holes...)
	return frag{pc, hs, true}
}

// loop returns the fragment x* starting at an Alt that loops through f1.
func (c *compiler) loop(f1 frag, nongreedy bool) frag {
	pc := c.emit(iAlt)
	var hs []hole
	if nongreedy {
		c.p.arg[pc] = f1.start
		hs = []hole{{pc, false}}
	} else {
		c.p.out[pc] = f1.start
		hs = []hole{{pc, true}}
	}
	c.patch(f1.holes, pc)
	return frag{pc, hs, true}
}

func (c *compiler) star(f1 frag, nongreedy bool) frag {
	if f1.nullable {
		return c.quest(c.plus(f1, nongreedy), nongreedy)
	}
	return c.loop(f1, nongreedy)
}

func (c *compiler) plus(f1 frag, nongreedy bool) frag {
	l := c.loop(f1, nongreedy)
	return frag{f1.start, l.holes, f1.nullable}
}

func (c *compiler) empty(op syntax.EmptyOp) frag {
	pc := c.emit(iEmpty)
	c.p.arg[pc] = int(op)
	return frag{pc, []hole{{pc, false}}, true}
}

func (c *compiler) compile(re *syntax.Regexp) frag {
	switch re.Op {
	case syntax.OpNoMatch:
		return frag{0, nil, false}
	case syntax.OpEmptyMatch:
		return c.nop()
	case syntax.OpLiteral:
		var f frag
		for i, r := range re.Rune {
			pc := c.emit(iRune1)
			c.p.arg[pc] = int(r)
			c.p.fold[pc] = re.Flags&syntax.FoldCase != 0 && unicode.SimpleFold(r) != r
			g := frag{pc, []hole{{pc, false}}, false}
			if i == 0 {
				f = g
			} else {
				f = c.cat(f, g)
			}
		}
		if len(re.Rune) == 0 {
			return c.nop()
		}
		return f
	case syntax.OpCharClass:
		if len(re.Rune) == 0 {
			return frag{0, nil, false}
		}
		pc := c.emit(iRune)
		c.p.runes[pc] = re.Rune
		return frag{pc, []hole{{pc, false}}, false}
	case syntax.OpAnyCharNotNL:
		pc := c.emit(iAnyNotNL)
		return frag{pc, []hole{{pc, false}}, false}
	case syntax.OpAnyChar:
		pc := c.emit(iAny)
		return frag{pc, []hole{{pc, false}}, false}
	case syntax.OpBeginLine:
		return c.empty(syntax.EmptyBeginLine)
	case syntax.OpEndLine:
		return c.empty(syntax.EmptyEndLine)
	case syntax.OpBeginText:
		return c.empty(syntax.EmptyBeginText)
	case syntax.OpEndText:
		return c.empty(syntax.EmptyEndText)
	case syntax.OpWordBoundary:
		return c.empty(syntax.EmptyWordBoundary)
	case syntax.OpNoWordBoundary:
		return c.empty(syntax.EmptyNoWordBoundary)
	case syntax.OpCapture:
		open := c.emit(iSave)
		c.p.arg[open] = 2 * re.Cap
		f := c.cat(frag{open, []hole{{open, false}}, true}, c.compile(re.Sub[0]))
		close := c.emit(iSave)
		c.p.arg[close] = 2*re.Cap + 1
		return c.cat(f, frag{close, []hole{{close, false}}, true})
	case syntax.OpStar:
		return c.star(c.compile(re.Sub[0]), re.Flags&syntax.NonGreedy != 0)
	case syntax.OpPlus:
		return c.plus(c.compile(re.Sub[0]), re.Flags&syntax.NonGreedy != 0)
	case syntax.OpQuest:
		return c.quest(c.compile(re.Sub[0]), re.Flags&syntax.NonGreedy != 0)
	case syntax.OpConcat:
		if len(re.Sub) == 0 {
			return c.nop()
		}
		var f frag
		for i, sub := range re.Sub {
			if i == 0 {
				f = c.compile(sub)
			} else {
				f = c.cat(f, c.compile(sub))
			}
		}
		return f
	case syntax.OpAlternate:
		var f frag
		for i, sub := range re.Sub {
			if i == 0 {
				f = c.compile(sub)
			} else {
				f = c.alt(f, c.compile(sub))
			}
		}
		return f
	}
	panic("regexp: unhandled op " + re.Op.String())
}

// simplify rewrites counted repetitions into stars, pluses, quests and
// copies, and collapses x** to x* (non-capturing cases only change shape).
func simplify(re *syntax.Regexp) *syntax.Regexp {
	if re == nil {
		return nil
	}
	switch re.Op {
	case syntax.OpCapture, syntax.OpConcat, syntax.OpAlternate:
		var subs []*syntax.Regexp
		changed := false
		for i, sub := range re.Sub {
			nsub := simplify(sub)
			if nsub != sub && !changed {
				subs = append([]*syntax.Regexp(nil), re.Sub[:i]...)
				changed = true
			}
			if changed {
				subs = append(subs, nsub)
			}
		}
		if !changed {
			return re
		}
		nre := *re
		nre.Sub = subs
		return &nre
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest:
		return simplify1(re.Op, re.Flags, simplify(re.Sub[0]), re)
	case syntax.OpRepeat:
		if re.Min == 0 && re.Max == 0 {
			return &syntax.Regexp{Op: syntax.OpEmptyMatch}
		}
		sub := simplify(re.Sub[0])
		if re.Max == -1 {
			switch re.Min {
			case 0:
				return simplify1(syntax.OpStar, re.Flags, sub, nil)
			case 1:
				return simplify1(syntax.OpPlus, re.Flags, sub, nil)
			}
			nre := &syntax.Regexp{Op: syntax.OpConcat}
			for i := 0; i < re.Min-1; i++ {
				nre.Sub = append(nre.Sub, sub)
			}
			nre.Sub = append(nre.Sub, simplify1(syntax.OpPlus, re.Flags, sub, nil))
			return nre
		}
		if re.Min == 1 && re.Max == 1 {
			return sub
		}
		var prefix *syntax.Regexp
		if re.Min > 0 {
			prefix = &syntax.Regexp{Op: syntax.OpConcat}
			for i := 0; i < re.Min; i++ {
				prefix.Sub = append(prefix.Sub, sub)
			}
		}
		if re.Max > re.Min {
			suffix := simplify1(syntax.OpQuest, re.Flags, sub, nil)
			for i := re.Min + 1; i < re.Max; i++ {
				cat := &syntax.Regexp{Op: syntax.OpConcat, Sub: []*syntax.Regexp{sub, suffix}}
				suffix = simplify1(syntax.OpQuest, re.Flags, cat, nil)
			}
			if prefix == nil {
				return suffix
			}
			prefix.Sub = append(prefix.Sub, suffix)
		}
		if prefix != nil {
			return prefix
		}
		return &syntax.Regexp{Op: syntax.OpNoMatch}
	}
	return re
}

// simplify1 builds op(sub), returning sub itself for an empty match or
// when sub is already op with the same greediness (x** is x*).
func simplify1(op syntax.Op, flags syntax.Flags, sub, re *syntax.Regexp) *syntax.Regexp {
	if sub.Op == syntax.OpEmptyMatch {
		return sub
	}
	if op == sub.Op && flags&syntax.NonGreedy == sub.Flags&syntax.NonGreedy {
		return sub
	}
	if re != nil && re.Op == op && re.Flags&syntax.NonGreedy == flags&syntax.NonGreedy && sub == re.Sub[0] {
		return re
	}
	nre := &syntax.Regexp{Op: op, Flags: flags}
	nre.Sub = append(nre.Sub0[:0], sub)
	return nre
}

// skipNop follows Nop and Save instructions from pc.
func (p *prog) skipNop(pc int) int {
	for p.op[pc] == iNop || p.op[pc] == iSave {
		pc = p.out[pc]
	}
	return pc
}

// literalPrefix returns the literal string every match must start with and
// whether it is the whole match.
func (p *prog) literalPrefix() (string, bool) {
	pc := p.skipNop(p.start)
	if p.op[pc] != iRune1 {
		return "", p.op[pc] == iMatch
	}
	var buf []byte
	for p.op[pc] == iRune1 && !p.fold[pc] && rune(p.arg[pc]) != 0xfffd {
		buf = appendRune(buf, rune(p.arg[pc]))
		pc = p.skipNop(p.out[pc])
	}
	return string(buf), p.op[pc] == iMatch
}

// startCond returns the zero-width assertions every match begins with.
func (p *prog) startCond() syntax.EmptyOp {
	var flag syntax.EmptyOp
	pc := p.start
	for {
		switch p.op[pc] {
		case iEmpty:
			flag |= syntax.EmptyOp(p.arg[pc])
		case iFail:
			return ^syntax.EmptyOp(0)
		case iSave, iNop:
		default:
			return flag
		}
		pc = p.out[pc]
	}
}
