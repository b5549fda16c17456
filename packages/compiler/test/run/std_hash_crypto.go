package main

import (
	"bytes"
	"crypto"
	"crypto/md5"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding"
	"encoding/hex"
	"fmt"
	"hash"
	"hash/adler32"
	"hash/crc32"
	"hash/fnv"
	"hash/maphash"
	"io"
	"strings"
)

func main() {
	inputs := []string{"", "a", "abc", "message digest", "The quick brown fox jumps over the lazy dog",
		strings.Repeat("a", 55), strings.Repeat("b", 56), strings.Repeat("c", 63), strings.Repeat("d", 64),
		strings.Repeat("0123456789", 100), "héllo wörld ✓"}
	for _, s := range inputs {
		b := []byte(s)
		label := s
		if len(label) > 20 {
			label = label[:20] + "..."
		}
		fmt.Printf("%q\n  md5 %x\n  sha1 %x\n  sha224 %x\n  sha256 %x\n", label, md5.Sum(b), sha1.Sum(b), sha256.Sum224(b), sha256.Sum256(b))
		fmt.Printf("  crc32 %08x %08x %08x adler %08x\n", crc32.ChecksumIEEE(b), crc32.Checksum(b, crc32.MakeTable(crc32.Castagnoli)),
			crc32.Checksum(b, crc32.MakeTable(crc32.Koopman)), adler32.Checksum(b))
		var fnvs []string
		for _, h := range []hash.Hash{fnv.New32(), fnv.New32a(), fnv.New64(), fnv.New64a(), fnv.New128(), fnv.New128a()} {
			h.Write(b)
			fnvs = append(fnvs, hex.EncodeToString(h.Sum(nil)))
		}
		fmt.Println("  fnv", strings.Join(fnvs, " "))
	}

	// Streaming in odd chunks equals one-shot; Sum does not disturb the state.
	data := bytes.Repeat([]byte("streaming data 123 "), 60)
	for _, h := range []hash.Hash{md5.New(), sha1.New(), sha256.New(), sha256.New224(), crc32.NewIEEE(), adler32.New(), fnv.New64a()} {
		for i, step := 0, 1; i < len(data); i, step = i+step, step*2+1 {
			end := i + step
			if end > len(data) {
				end = len(data)
			}
			h.Write(data[i:end])
			h.Sum(nil)
		}
		fmt.Printf("%T size=%d block=%d %x\n", h, h.Size(), h.BlockSize(), h.Sum([]byte("prefix:")))
		h.Reset()
		io.WriteString(h, "x")
		fmt.Printf("  after reset %x\n", h.Sum(nil))
	}
	fmt.Println(crc32.Update(crc32.ChecksumIEEE([]byte("hello ")), crc32.IEEETable, []byte("world")) == crc32.ChecksumIEEE([]byte("hello world")))
	fmt.Println(crc32.MakeTable(crc32.IEEE) == crc32.IEEETable, crc32.MakeTable(crc32.Castagnoli) == crc32.MakeTable(crc32.Castagnoli))
	h32 := crc32.New(crc32.MakeTable(crc32.Castagnoli))
	h32.Write([]byte("state"))
	st, err := h32.(encoding.BinaryMarshaler).MarshalBinary()
	fmt.Printf("%x %v\n", st, err)
	h2 := crc32.New(crc32.MakeTable(crc32.Castagnoli))
	fmt.Println(h2.(encoding.BinaryUnmarshaler).UnmarshalBinary(st), h2.Sum32() == h32.Sum32())
	fmt.Println(crc32.NewIEEE().(encoding.BinaryUnmarshaler).UnmarshalBinary(st))
	fmt.Println(crc32.NewIEEE().(encoding.BinaryUnmarshaler).UnmarshalBinary([]byte("bad")))
	f := fnv.New128a()
	f.Write([]byte("fnv state"))
	fs, _ := f.(encoding.BinaryMarshaler).MarshalBinary()
	fmt.Printf("%x\n", fs)
	f2 := fnv.New128a()
	fmt.Println(f2.(encoding.BinaryUnmarshaler).UnmarshalBinary(fs), bytes.Equal(f.Sum(nil), f2.Sum(nil)))
	fmt.Println(fnv.New32().(encoding.BinaryUnmarshaler).UnmarshalBinary(fs))
	a := adler32.New()
	a.Write([]byte("adler"))
	as, _ := a.(encoding.BinaryMarshaler).MarshalBinary()
	fmt.Printf("%x\n", as)

	// maphash: values are random per seed, but consistent for one seed.
	seed := maphash.MakeSeed()
	var mh maphash.Hash
	mh.SetSeed(seed)
	long := strings.Repeat("maphash block boundary ", 20)
	for i := 0; i < len(long); i += 37 {
		end := i + 37
		if end > len(long) {
			end = len(long)
		}
		mh.WriteString(long[i:end])
	}
	v1 := mh.Sum64()
	fmt.Println(v1 == maphash.String(seed, long), v1 == maphash.Bytes(seed, []byte(long)), mh.Size(), mh.BlockSize())
	mh.Reset()
	for i := 0; i < len(long); i++ {
		mh.WriteByte(long[i])
	}
	fmt.Println(mh.Sum64() == v1, maphash.String(maphash.MakeSeed(), long) != v1, mh.Seed() == seed)
	var zero maphash.Hash
	zero.WriteString("abc")
	fmt.Println(zero.Sum64() == maphash.String(zero.Seed(), "abc"), maphash.String(seed, "") == maphash.Bytes(seed, nil))
	func() {
		defer func() { fmt.Println("panic:", recover()) }()
		mh.SetSeed(maphash.Seed{})
	}()

	// SHA-512 family and crypto.Hash.
	for _, in := range []string{"", "abc", strings.Repeat("x", 111), strings.Repeat("y", 112), strings.Repeat("z", 300)} {
		b := []byte(in)
		fmt.Printf("%x\n%x\n%x\n%x\n", sha512.Sum512(b), sha512.Sum384(b), sha512.Sum512_224(b), sha512.Sum512_256(b))
	}
	for _, h := range []crypto.Hash{crypto.MD5, crypto.SHA1, crypto.SHA224, crypto.SHA256, crypto.SHA384, crypto.SHA512, crypto.SHA512_256, crypto.SHA3_256, crypto.Hash(99)} {
		if h == 99 {
			fmt.Println(h, h.Available())
			continue
		}
		fmt.Print(h, " ", h.Size(), " ", h.Available())
		if h.Available() {
			hh := h.New()
			io.WriteString(hh, "crypto.Hash")
			fmt.Printf(" %x", hh.Sum(nil)[:8])
		}
		fmt.Println()
	}
	func() {
		defer func() { fmt.Println("panic:", recover()) }()
		crypto.SHA3_512.New()
	}()

	// crypto/rand.
	buf := make([]byte, 64)
	n, err := rand.Read(buf)
	buf2 := make([]byte, 64)
	rand.Reader.Read(buf2)
	fmt.Println(n, err, !bytes.Equal(buf, buf2), !bytes.Equal(buf, make([]byte, 64)))
	big := make([]byte, 25600)
	n, err = io.ReadFull(rand.Reader, big)
	counts := make([]int, 256)
	for _, c := range big {
		counts[c]++
	}
	lo, hi := len(big), 0
	for _, c := range counts {
		if c < lo {
			lo = c
		}
		if c > hi {
			hi = c
		}
	}
	fmt.Println(n, err, lo > 40, hi < 170)
}
