// gort standard library: package hash/crc32.
//
// Table-driven CRC-32 over reflected (LSB-first) polynomials: one 256-entry
// table per polynomial, one table lookup per byte. Digests implement
// encoding.BinaryMarshaler with Go's layout ("crc\x01", checksum of the
// table, current CRC; big endian), so saved states are interchangeable.

package crc32

import (
	"errors"
	"hash"
	"sync"
)

// Size of a CRC-32 checksum in bytes.
const Size = 4

// Predefined polynomials (reversed notation).
const (
	IEEE       = 0xedb88320 // by far the most common
	Castagnoli = 0x82f63b78 // iSCSI; better error detection
	Koopman    = 0xeb31d82e
)

// Table is a 256-word table representing a polynomial.
type Table [256]uint32

// IEEETable is the table for the IEEE polynomial.
var IEEETable = simpleMakeTable(IEEE)

var (
	castagnoliOnce  sync.Once
	castagnoliTable *Table
)

func simpleMakeTable(poly uint32) *Table {
	t := new(Table)
	for i := range t {
		crc := uint32(i)
		for j := 0; j < 8; j++ {
			if crc&1 == 1 {
				crc = crc>>1 ^ poly
			} else {
				crc >>= 1
			}
		}
		t[i] = crc
	}
	return t
}

// MakeTable returns a Table for poly (the shared tables for IEEE and
// Castagnoli).
func MakeTable(poly uint32) *Table {
	switch poly {
	case IEEE:
		return IEEETable
	case Castagnoli:
		castagnoliOnce.Do(func() { castagnoliTable = simpleMakeTable(Castagnoli) })
		return castagnoliTable
	}
	return simpleMakeTable(poly)
}

type digest struct {
	crc uint32
	tab *Table
}

// New returns a hash.Hash32 computing the CRC-32 with tab.
func New(tab *Table) hash.Hash32 {
	return &digest{0, tab}
}

// NewIEEE returns a hash.Hash32 computing the IEEE CRC-32.
func NewIEEE() hash.Hash32 { return New(IEEETable) }

func (d *digest) Size() int      { return Size }
func (d *digest) BlockSize() int { return 1 }
func (d *digest) Reset()         { d.crc = 0 }

const (
	magic         = "crc\x01"
	marshaledSize = len(magic) + 4 + 4
)

func appendBE(b []byte, x uint32) []byte {
	return append(b, byte(x>>24), byte(x>>16), byte(x>>8), byte(x))
}

func readBE(b []byte) uint32 {
	return uint32(b[3]) | uint32(b[2])<<8 | uint32(b[1])<<16 | uint32(b[0])<<24
}

// tableSum identifies a table: the IEEE CRC of its words in big endian.
func tableSum(t *Table) uint32 {
	var b [1024]byte
	buf := b[:0]
	if t != nil {
		for _, x := range t {
			buf = appendBE(buf, x)
		}
	}
	return ChecksumIEEE(buf)
}

func (d *digest) MarshalBinary() ([]byte, error) {
	b := make([]byte, 0, marshaledSize)
	b = append(b, magic...)
	b = appendBE(b, tableSum(d.tab))
	return appendBE(b, d.crc), nil
}

func (d *digest) UnmarshalBinary(b []byte) error {
	if len(b) < len(magic) || string(b[:len(magic)]) != magic {
		return errors.New("hash/crc32: invalid hash state identifier")
	}
	if len(b) != marshaledSize {
		return errors.New("hash/crc32: invalid hash state size")
	}
	if tableSum(d.tab) != readBE(b[4:]) {
		return errors.New("hash/crc32: tables do not match")
	}
	d.crc = readBE(b[8:])
	return nil
}

// Update returns the CRC of p appended to data whose CRC is crc.
func Update(crc uint32, tab *Table, p []byte) uint32 {
	crc = ^crc
	for _, c := range p {
		crc = tab[byte(crc)^c] ^ crc>>8
	}
	return ^crc
}

func (d *digest) Write(p []byte) (n int, err error) {
	d.crc = Update(d.crc, d.tab, p)
	return len(p), nil
}

func (d *digest) Sum32() uint32 { return d.crc }

func (d *digest) Sum(in []byte) []byte {
	return appendBE(in, d.crc)
}

// Checksum returns the CRC-32 of data with tab.
func Checksum(data []byte, tab *Table) uint32 { return Update(0, tab, data) }

// ChecksumIEEE returns the IEEE CRC-32 of data.
func ChecksumIEEE(data []byte) uint32 { return Update(0, IEEETable, data) }
