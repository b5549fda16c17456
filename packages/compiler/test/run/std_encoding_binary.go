package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"math"
)

type header struct {
	Magic   [4]byte
	Version uint16
	Flags   int16
	_       [2]byte
	Count   uint32
	Scale   float32
	Offset  float64
	Ok      bool
	Pt      struct{ X, Y int8 }
	C       complex64
}

func main() {
	b := make([]byte, 8)
	binary.LittleEndian.PutUint16(b, 0xbeef)
	binary.BigEndian.PutUint32(b[2:], 0xdeadbeef)
	fmt.Printf("% x %#x %#x\n", b, binary.BigEndian.Uint16(b), binary.LittleEndian.Uint32(b[2:]))
	binary.BigEndian.PutUint64(b, 0x0102030405060708)
	fmt.Printf("% x %#x %#x\n", b, binary.LittleEndian.Uint64(b), binary.BigEndian.Uint64(b))
	fmt.Println(binary.LittleEndian, binary.BigEndian)
	fmt.Printf("%v %#v %s\n", binary.BigEndian, binary.LittleEndian, binary.ByteOrder(binary.BigEndian))
	var ao binary.AppendByteOrder = binary.LittleEndian
	fmt.Printf("% x\n", ao.AppendUint64(ao.AppendUint32(ao.AppendUint16(nil, 1), 2), 3))
	fmt.Printf("% x\n", binary.BigEndian.AppendUint64(binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint16([]byte{9}, 1), 2), 3))

	h := header{Magic: [4]byte{'G', 'O', 'R', 'T'}, Version: 3, Flags: -2, Count: 1 << 20, Scale: 1.5,
		Offset: math.Pi, Ok: true, C: complex(1, -2)}
	h.Pt.X, h.Pt.Y = -1, 7
	for _, order := range []binary.ByteOrder{binary.LittleEndian, binary.BigEndian} {
		var buf bytes.Buffer
		err := binary.Write(&buf, order, &h)
		fmt.Printf("%v size=%d err=%v\n% x\n", order, binary.Size(h), err, buf.Bytes())
		var h2 header
		err = binary.Read(&buf, order, &h2)
		fmt.Printf("%+v %v\n", h2, err)
	}
	var buf bytes.Buffer
	binary.Write(&buf, binary.BigEndian, []int32{1, -1, 1 << 30})
	binary.Write(&buf, binary.BigEndian, uint16(0xabcd))
	binary.Write(&buf, binary.BigEndian, []float64{0.5, -2})
	binary.Write(&buf, binary.LittleEndian, true)
	binary.Write(&buf, binary.LittleEndian, [3]uint16{1, 2, 3})
	binary.Write(&buf, binary.LittleEndian, []bool{true, false})
	fmt.Printf("% x\n", buf.Bytes())
	ints := make([]int32, 3)
	var u16 uint16
	fl := make([]float64, 2)
	var ok bool
	var arr [3]uint16
	bs := make([]bool, 2)
	fmt.Println(binary.Read(&buf, binary.BigEndian, ints), binary.Read(&buf, binary.BigEndian, &u16),
		binary.Read(&buf, binary.BigEndian, fl), binary.Read(&buf, binary.LittleEndian, &ok),
		binary.Read(&buf, binary.LittleEndian, &arr), binary.Read(&buf, binary.LittleEndian, bs))
	fmt.Println(ints, u16, fl, ok, arr, bs)
	var x uint32
	fmt.Println(binary.Read(&buf, binary.LittleEndian, &x))
	fmt.Println(binary.Read(bytes.NewReader([]byte{1, 2}), binary.LittleEndian, &x))
	fmt.Println(binary.Read(bytes.NewReader([]byte{1, 2}), binary.LittleEndian, &h))
	fmt.Println(binary.Write(&buf, binary.LittleEndian, 5), binary.Write(&buf, binary.LittleEndian, "s"))
	fmt.Println(binary.Read(&buf, binary.LittleEndian, new(int)), binary.Read(&buf, binary.LittleEndian, x))
	fmt.Println(binary.Size(int64(1)), binary.Size([]uint16{1, 2, 3}), binary.Size(1), binary.Size(&h), binary.Size([]string{}))

	// Varints.
	vals := []int64{0, 1, -1, 63, -64, 64, 300, -300, math.MaxInt64, math.MinInt64, 1 << 35}
	var enc []byte
	for _, v := range vals {
		enc = binary.AppendVarint(enc, v)
	}
	fmt.Printf("% x\n", enc)
	r := bytes.NewReader(enc)
	for {
		v, err := binary.ReadVarint(r)
		if err != nil {
			fmt.Println(err)
			break
		}
		fmt.Print(v, " ")
	}
	uvals := []uint64{0, 127, 128, 255, 16384, math.MaxUint32, math.MaxUint64}
	tmp := make([]byte, binary.MaxVarintLen64)
	for _, u := range uvals {
		n := binary.PutUvarint(tmp, u)
		d, m := binary.Uvarint(tmp[:n])
		fmt.Printf("%d: % x -> %d %d; ", u, tmp[:n], d, m)
	}
	fmt.Println()
	pn := binary.PutVarint(tmp, -12345)
	vv, vn := binary.Varint(tmp[:pn])
	fmt.Println(pn, vv, vn)
	fmt.Println(binary.Uvarint([]byte{0x80, 0x80}))
	fmt.Println(binary.Uvarint([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02}))
	fmt.Println(binary.Uvarint([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}))
	fmt.Println(binary.Uvarint(nil))
	fmt.Println(binary.ReadUvarint(bytes.NewReader([]byte{0x80, 0x81})))
	fmt.Println(binary.ReadUvarint(bytes.NewReader(nil)))
	fmt.Println(binary.ReadUvarint(bytes.NewReader([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02})))
	fmt.Println(binary.ReadUvarint(bytes.NewReader(bytes.Repeat([]byte{0x80}, 11))))
	_ = io.EOF
}
