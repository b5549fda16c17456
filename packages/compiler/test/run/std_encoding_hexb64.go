package main

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"strings"
)

// chunky reads at most n bytes per call.
type chunky struct {
	r io.Reader
	n int
}

func (c chunky) Read(p []byte) (int, error) {
	if len(p) > c.n {
		p = p[:c.n]
	}
	return c.r.Read(p)
}

func main() {
	data := []byte("Go is an open source programming language.\x00\x01\xff\x7f~")
	h := hex.EncodeToString(data)
	fmt.Println(h, hex.EncodedLen(5), hex.DecodedLen(9))
	back, err := hex.DecodeString(strings.ToUpper(h))
	fmt.Println(bytes.Equal(back, data), err)
	for _, s := range []string{"abc", "zz", "0g", "12x", "1", "", "aBcD", "é1"} {
		b, err := hex.DecodeString(s)
		fmt.Printf("%q -> %x %v\n", s, b, err)
	}
	fmt.Print(hex.Dump(data))
	fmt.Printf("%q\n", hex.Dump(nil))
	d := hex.Dumper(os.Stdout)
	for i := 0; i < 40; i += 7 {
		d.Write([]byte(strings.Repeat(string(rune('A'+i)), 7)))
	}
	d.Close()
	_, err = d.Write([]byte("x"))
	fmt.Println(err)
	var sb strings.Builder
	e := hex.NewEncoder(&sb)
	e.Write([]byte("stream"))
	e.Write(make([]byte, 600))
	fmt.Println(len(sb.String()), sb.String()[:16])
	dec := hex.NewDecoder(chunky{strings.NewReader("48656c6c6f2c20776f726c6421"), 3})
	all, err := io.ReadAll(dec)
	fmt.Printf("%q %v\n", all, err)
	for _, s := range []string{"48656c6", "4865zz6c", "486"} {
		all, err = io.ReadAll(hex.NewDecoder(strings.NewReader(s)))
		fmt.Printf("%q %v\n", all, err)
	}

	encs := []struct {
		name string
		e    *base64.Encoding
	}{{"std", base64.StdEncoding}, {"url", base64.URLEncoding}, {"rawstd", base64.RawStdEncoding},
		{"rawurl", base64.RawURLEncoding}, {"strict", base64.StdEncoding.Strict()}, {"star", base64.StdEncoding.WithPadding('*')}}
	inputs := []string{"", "f", "fo", "foo", "foob", "fooba", "foobar", "\xfb\xff\xfe", "hello, wörld! 👋"}
	for _, enc := range encs {
		for _, in := range inputs {
			s := enc.e.EncodeToString([]byte(in))
			out, err := enc.e.DecodeString(s)
			fmt.Printf("%s %q -> %q (%d,%d) ok=%v %v\n", enc.name, in, s, enc.e.EncodedLen(len(in)), enc.e.DecodedLen(len(s)), string(out) == in, err)
		}
	}
	bad := []string{"Zm9v\nYmFy", "Zm9vYmF=", "Zm9vYmE==", "Zm9vYg=", "Zm9vYg==x", "Zm9vYg==\r\n", "Zm9v!mFy", "Z===", "Zm=9",
		"Zm9vYmFyZg", "Zm9vYmFyZmA=", "Zm9vYmFyZh==", "Zg=\n=", "Zm9vYmFyYmF6cXV4", "====", "Zm9vYmFy\n\n"}
	for _, enc := range encs[:5] {
		for _, s := range bad {
			out, err := enc.e.DecodeString(s)
			fmt.Printf("%s %q -> %q %v\n", enc.name, s, out, err)
		}
	}
	custom := base64.NewEncoding("ZYXWVUTSRQPONMLKJIHGFEDCBAzyxwvutsrqponmlkjihgfedcba9876543210+/")
	fmt.Println(custom.EncodeToString([]byte("custom alphabet")))
	for _, f := range []func(){
		func() { base64.NewEncoding("short") },
		func() { base64.StdEncoding.WithPadding('A') },
		func() { base64.StdEncoding.WithPadding('\n') },
	} {
		func() {
			defer func() { fmt.Println("panic:", recover()) }()
			f()
		}()
	}

	var buf bytes.Buffer
	w := base64.NewEncoder(base64.StdEncoding, &buf)
	for i := 0; i < 10; i++ {
		w.Write([]byte(strings.Repeat("x", i)))
	}
	w.Close()
	fmt.Println(buf.String())
	for _, enc := range encs[:4] {
		s := enc.e.EncodeToString(bytes.Repeat([]byte("0123456789"), 150))
		s = s[:100] + "\n" + s[100:700] + "\r\n" + s[700:]
		r := base64.NewDecoder(enc.e, chunky{strings.NewReader(s), 7})
		got, err := io.ReadAll(r)
		fmt.Println(enc.name, len(got), string(got[1490:]), err)
	}
	r := base64.NewDecoder(base64.StdEncoding, strings.NewReader("Zm9vYmFy!!!!"))
	got, err := io.ReadAll(r)
	fmt.Printf("%q %v\n", got, err)
	r = base64.NewDecoder(base64.StdEncoding, strings.NewReader("Zm9vYm"))
	got, err = io.ReadAll(r)
	fmt.Printf("%q %v\n", got, err)
}
