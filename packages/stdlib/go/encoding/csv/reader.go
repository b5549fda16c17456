// gort standard library: package encoding/csv (RFC 4180 comma-separated
// values; Go 1.19 API and behaviour).
//
// The reader works line by line over a bufio.Reader: "\r\n" is read as
// "\n", empty lines and comment lines are skipped, a quoted field may span
// lines. Field bytes of a record are gathered in one buffer and cut into
// strings at the end (one allocation per record). Error positions are
// 1-based lines and byte columns, as Go 1.19 reports them.

package csv

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode"
	"unicode/utf8"
)

// A ParseError is returned for parsing errors.
type ParseError struct {
	StartLine int   // line where the record starts
	Line      int   // line where the error occurred
	Column    int   // column (1-based byte index) where the error occurred
	Err       error // the actual error
}

func (e *ParseError) Error() string {
	if e.Err == ErrFieldCount {
		return fmt.Sprintf("record on line %d: %v", e.Line, e.Err)
	}
	if e.StartLine != e.Line {
		return fmt.Sprintf("record on line %d; parse error on line %d, column %d: %v", e.StartLine, e.Line, e.Column, e.Err)
	}
	return fmt.Sprintf("parse error on line %d, column %d: %v", e.Line, e.Column, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// The errors a ParseError can carry.
var (
	ErrTrailingComma = errors.New("extra delimiter at end of line") // no longer used
	ErrBareQuote     = errors.New("bare \" in non-quoted-field")
	ErrQuote         = errors.New("extraneous or missing \" in quoted-field")
	ErrFieldCount    = errors.New("wrong number of fields")
)

var errInvalidDelim = errors.New("csv: invalid field or comment delimiter")

func validDelim(r rune) bool {
	return r != 0 && r != '"' && r != '\r' && r != '\n' && utf8.ValidRune(r) && r != utf8.RuneError
}

// A Reader reads records from a CSV-encoded file.
type Reader struct {
	// Comma is the field delimiter (',' from NewReader).
	Comma rune
	// Comment, if not 0, starts comment lines (at the very start of a line).
	Comment rune
	// FieldsPerRecord: > 0 requires that many fields, 0 sets it from the
	// first record, < 0 allows any number.
	FieldsPerRecord int
	// LazyQuotes accepts quotes in unquoted fields and unescaped quotes in
	// quoted fields.
	LazyQuotes bool
	// TrimLeadingSpace ignores leading white space in a field.
	TrimLeadingSpace bool
	// ReuseRecord lets Read reuse the previous record's slice.
	ReuseRecord bool
	// Deprecated: no longer used.
	TrailingComma bool

	r          *bufio.Reader
	line       int   // lines read so far
	offset     int64 // bytes read so far
	longLine   []byte
	fieldBytes []byte
	fieldEnds  []int // end of each field in fieldBytes
	fieldPos   []position
	last       []string
}

type position struct{ line, col int }

// NewReader returns a Reader reading from r.
func NewReader(r io.Reader) *Reader {
	return &Reader{Comma: ',', r: bufio.NewReader(r)}
}

// Read reads one record. A record with a ParseError is returned with the
// error; at the end of input it returns nil, io.EOF.
func (r *Reader) Read() (record []string, err error) {
	if r.ReuseRecord {
		record, err = r.readRecord(r.last)
		r.last = record
		return record, err
	}
	return r.readRecord(nil)
}

// FieldPos returns the line and column where field i of the record most
// recently returned by Read starts.
func (r *Reader) FieldPos(field int) (line, column int) {
	if field < 0 || field >= len(r.fieldPos) {
		panic("out of range index passed to FieldPos")
	}
	p := r.fieldPos[field]
	return p.line, p.col
}

// InputOffset returns the byte offset of the end of the most recently read
// row.
func (r *Reader) InputOffset() int64 { return r.offset }

// ReadAll reads the remaining records; it returns nil and the error on
// failure, and a nil error at end of input.
func (r *Reader) ReadAll() (records [][]string, err error) {
	for {
		rec, err := r.readRecord(nil)
		if err == io.EOF {
			return records, nil
		}
		if err != nil {
			return nil, err
		}
		records = append(records, rec)
	}
}

// readLine returns the next line with "\r\n" turned into "\n" (a final
// "\r" without newline is dropped); a non-empty last line comes without
// error.
func (r *Reader) readLine() ([]byte, error) {
	line, err := r.r.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		r.longLine = append(r.longLine[:0], line...)
		for err == bufio.ErrBufferFull {
			line, err = r.r.ReadSlice('\n')
			r.longLine = append(r.longLine, line...)
		}
		line = r.longLine
	}
	n := len(line)
	if n > 0 && err == io.EOF {
		err = nil
		if line[n-1] == '\r' {
			line = line[:n-1]
		}
	}
	r.line++
	r.offset += int64(n)
	if k := len(line); k >= 2 && line[k-2] == '\r' && line[k-1] == '\n' {
		line[k-2] = '\n'
		line = line[:k-1]
	}
	return line, err
}

// nlLen is 1 if b ends in a newline.
func nlLen(b []byte) int {
	if len(b) > 0 && b[len(b)-1] == '\n' {
		return 1
	}
	return 0
}

func firstRune(b []byte) rune {
	r, _ := utf8.DecodeRune(b)
	return r
}

func (r *Reader) endField(p position) {
	r.fieldEnds = append(r.fieldEnds, len(r.fieldBytes))
	r.fieldPos = append(r.fieldPos, p)
}

func (r *Reader) readRecord(dst []string) ([]string, error) {
	if r.Comma == r.Comment || !validDelim(r.Comma) || (r.Comment != 0 && !validDelim(r.Comment)) {
		return nil, errInvalidDelim
	}
	// The first line that is neither empty nor a comment.
	var line []byte
	var readErr error
	for readErr == nil {
		line, readErr = r.readLine()
		if r.Comment != 0 && firstRune(line) == r.Comment {
			line = nil
			continue
		}
		if readErr == nil && len(line) == nlLen(line) {
			line = nil
			continue
		}
		break
	}
	if readErr == io.EOF {
		return nil, readErr
	}

	var err error
	commaLen := utf8.RuneLen(r.Comma)
	startLine := r.line
	r.fieldBytes = r.fieldBytes[:0]
	r.fieldEnds = r.fieldEnds[:0]
	r.fieldPos = r.fieldPos[:0]
	pos := position{line: r.line, col: 1}
fields:
	for {
		if r.TrimLeadingSpace {
			i := bytes.IndexFunc(line, func(c rune) bool { return !unicode.IsSpace(c) })
			if i < 0 {
				i = len(line)
				pos.col -= nlLen(line)
			}
			line = line[i:]
			pos.col += i
		}
		if len(line) == 0 || line[0] != '"' {
			// An unquoted field runs to the next delimiter or the end of line.
			i := bytes.IndexRune(line, r.Comma)
			field := line
			if i >= 0 {
				field = field[:i]
			} else {
				field = field[:len(field)-nlLen(field)]
			}
			if !r.LazyQuotes {
				if j := bytes.IndexByte(field, '"'); j >= 0 {
					err = &ParseError{StartLine: startLine, Line: r.line, Column: pos.col + j, Err: ErrBareQuote}
					break fields
				}
			}
			r.fieldBytes = append(r.fieldBytes, field...)
			r.endField(pos)
			if i < 0 {
				break fields
			}
			line = line[i+commaLen:]
			pos.col += i + commaLen
			continue
		}
		// A quoted field: "" is a quote; it ends at a quote followed by
		// the delimiter or the end of the line, and may span lines.
		start := pos
		line = line[1:]
		pos.col++
		for {
			i := bytes.IndexByte(line, '"')
			switch {
			case i >= 0:
				r.fieldBytes = append(r.fieldBytes, line[:i]...)
				line = line[i+1:]
				pos.col += i + 1
				switch c := firstRune(line); {
				case c == '"':
					r.fieldBytes = append(r.fieldBytes, '"')
					line = line[1:]
					pos.col++
				case c == r.Comma:
					line = line[commaLen:]
					pos.col += commaLen
					r.endField(start)
					continue fields
				case nlLen(line) == len(line):
					r.endField(start)
					break fields
				case r.LazyQuotes:
					r.fieldBytes = append(r.fieldBytes, '"')
				default:
					err = &ParseError{StartLine: startLine, Line: r.line, Column: pos.col - 1, Err: ErrQuote}
					break fields
				}
			case len(line) > 0:
				// The field continues on the next line.
				r.fieldBytes = append(r.fieldBytes, line...)
				if readErr != nil {
					break fields
				}
				pos.col += len(line)
				line, readErr = r.readLine()
				if len(line) > 0 {
					pos.line++
					pos.col = 1
				}
				if readErr == io.EOF {
					readErr = nil
				}
			default:
				// End of input inside the quotes.
				if !r.LazyQuotes && readErr == nil {
					err = &ParseError{StartLine: startLine, Line: pos.line, Column: pos.col, Err: ErrQuote}
					break fields
				}
				r.endField(start)
				break fields
			}
		}
	}
	if err == nil {
		err = readErr
	}

	all := string(r.fieldBytes)
	if cap(dst) < len(r.fieldEnds) {
		dst = make([]string, len(r.fieldEnds))
	}
	dst = dst[:len(r.fieldEnds)]
	prev := 0
	for i, end := range r.fieldEnds {
		dst[i] = all[prev:end]
		prev = end
	}
	if r.FieldsPerRecord > 0 {
		if len(dst) != r.FieldsPerRecord && err == nil {
			err = &ParseError{StartLine: startLine, Line: startLine, Column: 1, Err: ErrFieldCount}
		}
	} else if r.FieldsPerRecord == 0 {
		r.FieldsPerRecord = len(dst)
	}
	return dst, err
}
