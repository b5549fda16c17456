// gort standard library: package text/tabwriter.

// Package tabwriter is a write filter that lines up tab-terminated cells
// of consecutive lines into columns (elastic tabstops).
//
// How it works. Input is cut into cells: a cell ends at '\t' or '\v'
// (inside a line) or at '\n' / '\f' (ending the line too). Cells are kept
// as (byte count, display width) records over one text buffer until the
// text can be formatted: at Flush, at a '\f', or at a '\n' that ends a
// line holding a single cell (nothing later can change earlier columns
// then, because the last cell of a line never belongs to a column).
//
// A column is a maximal run of consecutive lines that all have a
// terminated cell at the same index; its width is the widest of those
// cells plus padding (at least minwidth). Lines with fewer cells split
// the run, so columns nest: layout proceeds column by column, each
// block of lines being laid out again for the next column index
// (layoutBlock below).
package tabwriter

import (
	"io"
	"unicode/utf8"
)

// Formatting flags (bits of the flags argument of Init / NewWriter).
const (
	// FilterHTML: HTML tags take no width, entities (&...;) one column.
	FilterHTML uint = 1 << iota
	// StripEscape: drop the Escape bytes around escaped segments.
	StripEscape
	// AlignRight: right-align cell text (ignored when padchar is '\t').
	AlignRight
	// DiscardEmptyColumns: columns made only of empty '\v'-terminated
	// cells get width 0.
	DiscardEmptyColumns
	// TabIndent: pad leading empty cells with tabs whatever padchar is.
	TabIndent
	// Debug: write '|' between the cells of a line.
	Debug
)

// Escape brackets a segment of text that is passed through uninterpreted
// (its tabs and newlines do not end cells); the segment counts as its
// text's width, without the two Escape bytes.
const Escape = '\xff'

// span is one cell: nbytes of text in Writer.text and its display width.
// tabEnded records that a '\t' (not a '\v') ended it.
type span struct {
	nbytes   int
	width    int
	tabEnded bool
}

// A Writer is a filter that aligns tab-separated columns of its input.
// The zero value must be set up with Init before use.
type Writer struct {
	out      io.Writer
	minwidth int
	tabwidth int
	padding  int
	pad      [8]byte // the padding byte, repeated for bulk writes
	flags    uint

	text     []byte   // text of all buffered cells, in order
	measured int      // text[:measured] has been added to cur.width
	cur      span     // the cell being collected
	closeCh  byte     // byte that ends the current escaped segment, 0 outside one
	lines    [][]span // buffered lines; the last is the one being collected
	colw     []int    // widths of the enclosing columns during layout
}

// writeFailure carries an output error from deep in the layout back to
// Write or Flush (only values of this type are turned into errors).
type writeFailure struct{ err error }

// Init sets up b (and returns it) to write to output with the given
// layout: minwidth is the least cell width including padding, tabwidth
// the width of a tab in the output, padding the extra width added to each
// cell, padchar the byte used to pad (with '\t', cells are padded with
// tabs and left-aligned), flags a combination of the constants above.
func (b *Writer) Init(output io.Writer, minwidth, tabwidth, padding int, padchar byte, flags uint) *Writer {
	if minwidth < 0 || tabwidth < 0 || padding < 0 {
		panic("negative minwidth, tabwidth, or padding")
	}
	b.out = output
	b.minwidth = minwidth
	b.tabwidth = tabwidth
	b.padding = padding
	for i := range b.pad {
		b.pad[i] = padchar
	}
	if padchar == '\t' {
		flags &^= AlignRight
	}
	b.flags = flags
	b.clear()
	return b
}

// NewWriter allocates a Writer and calls Init on it.
func NewWriter(output io.Writer, minwidth, tabwidth, padding int, padchar byte, flags uint) *Writer {
	return new(Writer).Init(output, minwidth, tabwidth, padding, padchar, flags)
}

// clear drops all buffered text and starts one empty line.
func (b *Writer) clear() {
	b.text = b.text[:0]
	b.measured = 0
	b.cur = span{}
	b.closeCh = 0
	b.lines = b.lines[:0]
	b.colw = b.colw[:0]
	b.lines = append(b.lines, nil)
}

// emit writes p to the output; failures unwind to Write/Flush.
func (b *Writer) emit(p []byte) {
	n, err := b.out.Write(p)
	if err == nil && n != len(p) {
		err = io.ErrShortWrite
	}
	if err != nil {
		panic(writeFailure{err})
	}
}

var tabBytes = []byte("\t\t\t\t\t\t\t\t")

// emitRepeated writes count copies of chunk[0] (chunk holds 8 of them).
func (b *Writer) emitRepeated(chunk []byte, count int) {
	for count > len(chunk) {
		b.emit(chunk)
		count -= len(chunk)
	}
	b.emit(chunk[:count])
}

// emitPad fills a cell of width cellw holding textw columns of text.
// With tab padding the cell is first rounded up to a tab stop.
func (b *Writer) emitPad(textw, cellw int, tabs bool) {
	if !tabs && b.pad[0] != '\t' {
		b.emitRepeated(b.pad[:], cellw-textw)
		return
	}
	if b.tabwidth == 0 {
		return // tabs of width 0 cannot pad anything
	}
	stop := (cellw + b.tabwidth - 1) / b.tabwidth * b.tabwidth
	b.emitRepeated(tabBytes, (stop-textw+b.tabwidth-1)/b.tabwidth)
}

// emitLines writes lines [from, to), whose text starts at text[off:],
// using the column widths in b.colw; it returns the offset past them.
func (b *Writer) emitLines(off, from, to int) int {
	right := b.flags&AlignRight != 0
	for i := from; i < to; i++ {
		indent := b.flags&TabIndent != 0
		for j, c := range b.lines[i] {
			if j > 0 && b.flags&Debug != 0 {
				b.emit([]byte{'|'})
			}
			inColumn := j < len(b.colw)
			if c.nbytes == 0 {
				if inColumn {
					b.emitPad(c.width, b.colw[j], indent)
				}
				continue
			}
			indent = false
			if right && inColumn {
				b.emitPad(c.width, b.colw[j], false)
			}
			b.emit(b.text[off : off+c.nbytes])
			off += c.nbytes
			if !right && inColumn {
				b.emitPad(c.width, b.colw[j], false)
			}
		}
		// The last buffered line is unfinished: it gets no newline.
		if i+1 < len(b.lines) {
			b.emit([]byte{'\n'})
		}
	}
	return off
}

// layoutBlock writes lines [from, to) whose cells before column
// len(b.colw) are already sized: runs of lines having a terminated cell
// at that column form a column, sized here and laid out recursively;
// lines outside such runs are written as they are.
func (b *Writer) layoutBlock(off, from, to int) int {
	col := len(b.colw)
	pending := from // first line not yet written
	i := from
	for i < to {
		if len(b.lines[i])-1 <= col {
			i++
			continue
		}
		off = b.emitLines(off, pending, i)
		start := i
		width := b.minwidth
		empty := true
		for ; i < to && len(b.lines[i])-1 > col; i++ {
			c := b.lines[i][col]
			if w := c.width + b.padding; w > width {
				width = w
			}
			if c.width > 0 || c.tabEnded {
				empty = false
			}
		}
		if empty && b.flags&DiscardEmptyColumns != 0 {
			width = 0
		}
		b.colw = append(b.colw, width)
		off = b.layoutBlock(off, start, i)
		b.colw = b.colw[:col]
		pending = i
	}
	return b.emitLines(off, pending, to)
}

// addText appends p to the current cell's text.
func (b *Writer) addText(p []byte) {
	b.text = append(b.text, p...)
	b.cur.nbytes += len(p)
}

// measure adds the width of the text appended since the last call.
func (b *Writer) measure() {
	b.cur.width += utf8.RuneCount(b.text[b.measured:])
	b.measured = len(b.text)
}

// endCell closes the current cell and returns the cell count of its line.
func (b *Writer) endCell(tabEnded bool) int {
	b.cur.tabEnded = tabEnded
	last := len(b.lines) - 1
	b.lines[last] = append(b.lines[last], b.cur)
	b.cur = span{}
	return len(b.lines[last])
}

// openEscape starts an escaped segment (Escape), tag ('<') or entity ('&').
func (b *Writer) openEscape(ch byte) {
	switch ch {
	case Escape:
		b.closeCh = Escape
	case '<':
		b.closeCh = '>'
	case '&':
		b.closeCh = ';'
	}
}

// closeEscape ends the current segment, counting its width: escaped text
// by its runes (not the Escape bytes), a tag as nothing, an entity as 1.
func (b *Writer) closeEscape() {
	switch b.closeCh {
	case Escape:
		b.measure()
		if b.flags&StripEscape == 0 {
			b.cur.width -= 2
		}
	case '>':
	case ';':
		b.cur.width++
	}
	b.measured = len(b.text)
	b.closeCh = 0
}

// flushNow formats and writes everything buffered, then clears the buffer.
func (b *Writer) flushNow() {
	if b.cur.nbytes > 0 {
		if b.closeCh != 0 {
			b.closeEscape() // an unfinished segment ends here
		}
		b.endCell(false)
	}
	b.layoutBlock(0, 0, len(b.lines))
	b.clear()
}

// recoverWrite turns an output failure into *err; other panics become
// "tabwriter: panic during <op>". A failed Flush still clears the buffer.
func (b *Writer) recoverWrite(err *error, op string) {
	if r := recover(); r != nil {
		if op == "Flush" {
			b.clear()
		}
		if f, ok := r.(writeFailure); ok {
			*err = f.err
			return
		}
		panic("tabwriter: panic during " + op)
	}
}

// Flush writes all buffered text. Call it after the last Write so an
// unterminated last line is written too.
func (b *Writer) Flush() (err error) {
	defer b.recoverWrite(&err, "Flush")
	b.flushNow()
	return nil
}

// Write buffers buf, writing out formatted text whenever no later input
// can change it. It returns len(buf) and nil, or on an output error the
// number of bytes of buf consumed before it and that error.
func (b *Writer) Write(buf []byte) (n int, err error) {
	defer b.recoverWrite(&err, "Write")
	// buf[n:] is not yet added to the buffer (n is also the count of bytes
	// consumed, returned if the output fails).
	for i := 0; i < len(buf); i++ {
		ch := buf[i]
		if b.closeCh != 0 {
			if ch != b.closeCh {
				continue
			}
			end := i + 1
			if ch == Escape && b.flags&StripEscape != 0 {
				end = i // leave the closing Escape out
			}
			b.addText(buf[n:end])
			n = i + 1
			b.closeEscape()
			continue
		}
		switch ch {
		case '\t', '\v', '\n', '\f':
			b.addText(buf[n:i])
			b.measure()
			n = i + 1
			cells := b.endCell(ch == '\t')
			if ch == '\n' || ch == '\f' {
				b.lines = append(b.lines, nil)
				if ch == '\f' || cells == 1 {
					b.flushNow()
					if ch == '\f' && b.flags&Debug != 0 {
						b.emit([]byte("---\n"))
					}
				}
			}
		case Escape:
			b.addText(buf[n:i])
			b.measure()
			n = i
			if b.flags&StripEscape != 0 {
				n++ // leave the opening Escape out
			}
			b.openEscape(Escape)
		case '<', '&':
			if b.flags&FilterHTML != 0 {
				b.addText(buf[n:i])
				b.measure()
				n = i
				b.openEscape(ch)
			}
		}
	}
	b.addText(buf[n:])
	return len(buf), nil
}
