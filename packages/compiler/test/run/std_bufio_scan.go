package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/ioutil"
	"os"
	"path/filepath"
	"strings"
)

// oneByte returns data one byte per Read, with an empty read in between.
type oneByte struct {
	data  []byte
	empty bool
}

func (r *oneByte) Read(p []byte) (int, error) {
	r.empty = !r.empty
	if r.empty {
		return 0, nil
	}
	if len(r.data) == 0 {
		return 0, io.EOF
	}
	p[0] = r.data[0]
	r.data = r.data[1:]
	return 1, nil
}

// limitedWriter accepts n bytes, then fails.
type limitedWriter struct {
	buf bytes.Buffer
	n   int
}

func (w *limitedWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		k := w.n
		w.buf.Write(p[:k])
		w.n = 0
		return k, errors.New("disk full")
	}
	w.n -= len(p)
	return w.buf.Write(p)
}

func main() {
	dir, err := ioutil.TempDir("", "bufio")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.Remove(dir)
	name := filepath.Join(dir, "words.txt")
	defer os.Remove(name)

	// Write a file through a bufio.Writer.
	f, err := os.Create(name)
	if err != nil {
		fmt.Println(err)
		return
	}
	w := bufio.NewWriterSize(f, 64)
	for i := 1; i <= 20; i++ {
		fmt.Fprintf(w, "line %d: the quick brown fox\tjumps  over héllo wörld\r\n", i)
	}
	w.WriteString("last line without newline ✓")
	fmt.Println("buffered:", w.Buffered(), "available:", w.Available(), "size:", w.Size())
	fmt.Println(w.Flush(), f.Close())

	// Count lines, words and runes with a Scanner per split function.
	for _, sp := range []struct {
		name  string
		split bufio.SplitFunc
	}{{"lines", bufio.ScanLines}, {"words", bufio.ScanWords}, {"runes", bufio.ScanRunes}, {"bytes", bufio.ScanBytes}} {
		f, _ := os.Open(name)
		sc := bufio.NewScanner(f)
		sc.Split(sp.split)
		n, total, lastTok := 0, 0, ""
		for sc.Scan() {
			n++
			total += len(sc.Bytes())
			lastTok = sc.Text()
		}
		f.Close()
		fmt.Printf("%s: %d tokens, %d bytes, last %q, err %v\n", sp.name, n, total, lastTok, sc.Err())
	}

	// Long lines: the default limit and a custom Buffer.
	long := strings.Repeat("x", 700) + "\nshort\n"
	sc := bufio.NewScanner(strings.NewReader(long))
	sc.Buffer(nil, 512)
	for sc.Scan() {
		fmt.Println("token", len(sc.Text()))
	}
	fmt.Println("err:", sc.Err())
	sc = bufio.NewScanner(strings.NewReader(long))
	sc.Buffer(make([]byte, 100), 1<<20)
	for sc.Scan() {
		fmt.Println("token", len(sc.Text()))
	}
	fmt.Println("err:", sc.Err())
	func() {
		defer func() { fmt.Println("panic:", recover()) }()
		sc.Buffer(nil, 10)
	}()

	// A custom split: comma-separated values, stop at "STOP".
	sc = bufio.NewScanner(&oneByte{data: []byte("a,bb,,ccc,STOP,ignored")})
	sc.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		if i := bytes.IndexByte(data, ','); i >= 0 {
			if string(data[:i]) == "STOP" {
				return i + 1, []byte("stopped"), bufio.ErrFinalToken
			}
			return i + 1, data[:i], nil
		}
		if atEOF && len(data) > 0 {
			return len(data), data, nil
		}
		return 0, nil, nil
	})
	for sc.Scan() {
		fmt.Printf("%q ", sc.Text())
	}
	fmt.Println(sc.Err())
	sc = bufio.NewScanner(strings.NewReader("abc"))
	sc.Split(func(data []byte, atEOF bool) (int, []byte, error) { return 5, nil, nil })
	fmt.Println(sc.Scan(), sc.Err())
	sc = bufio.NewScanner(strings.NewReader("abc"))
	sc.Split(func(data []byte, atEOF bool) (int, []byte, error) { return -1, nil, nil })
	fmt.Println(sc.Scan(), sc.Err())
	sc = bufio.NewScanner(strings.NewReader("\xffa\xe2\x82"))
	sc.Split(bufio.ScanRunes)
	for sc.Scan() {
		fmt.Printf("%q ", sc.Text())
	}
	fmt.Println()

	// Reader.
	r := bufio.NewReaderSize(strings.NewReader("héllo, world\nsecond line\r\nthird"), 16)
	p, err := r.Peek(5)
	fmt.Printf("peek %q %v size %d buffered %d\n", p, err, r.Size(), r.Buffered())
	_, err = r.Peek(20)
	fmt.Println("peek 20:", err)
	c, size, _ := r.ReadRune()
	c2, size2, _ := r.ReadRune()
	fmt.Println(string(c), size, string(c2), size2, r.UnreadRune(), r.UnreadRune())
	s, err := r.ReadString(',')
	fmt.Printf("%q %v\n", s, err)
	b, _ := r.ReadByte()
	fmt.Println(b, r.UnreadByte(), r.UnreadByte())
	line, prefix, err := r.ReadLine()
	fmt.Printf("%q %v %v\n", line, prefix, err)
	line, prefix, err = r.ReadLine()
	fmt.Printf("%q %v %v\n", line, prefix, err)
	n, err := r.Discard(2)
	fmt.Println(n, err)
	rest, err := r.ReadBytes('\n')
	fmt.Printf("%q %v\n", rest, err)
	_, err = r.ReadByte()
	fmt.Println(err)

	r = bufio.NewReaderSize(strings.NewReader(strings.Repeat("0123456789", 5)+"\n"), 16)
	for {
		line, prefix, err := r.ReadLine()
		if err != nil {
			fmt.Println(err)
			break
		}
		fmt.Printf("%q %v\n", line, prefix)
	}
	r = bufio.NewReaderSize(strings.NewReader(strings.Repeat("ab", 20)), 16)
	sl, err := r.ReadSlice('z')
	fmt.Printf("%q %v\n", sl, err)
	str, err := r.ReadString('z')
	fmt.Printf("%q %v\n", str, err)
	r.Reset(strings.NewReader("reset data"))
	var sb strings.Builder
	m, err := r.WriteTo(&sb)
	fmt.Println(m, err, sb.String())
	buf := make([]byte, 4)
	r.Reset(&oneByte{data: []byte("xyz")})
	for {
		n, err := r.Read(buf)
		fmt.Print(n, " ", err, "; ")
		if err != nil {
			break
		}
	}
	fmt.Println()
	fmt.Println(bufio.NewReader(r) == r, bufio.NewReaderSize(r, 10000) == r)

	// Writer errors stick.
	lw := &limitedWriter{n: 10}
	bw := bufio.NewWriterSize(lw, 8)
	k, err := bw.WriteString("hello ")
	fmt.Println(k, err)
	k, err = bw.WriteString("world and more")
	fmt.Println(k, err, bw.Buffered())
	fmt.Println(bw.Flush(), bw.WriteByte('x'), lw.buf.String())
	rn, err := bw.WriteRune('é')
	fmt.Println(rn, err)
	bw.Reset(&lw.buf)
	bw.WriteRune('é')
	bw.WriteRune('世')
	bw.Write([]byte("!"))
	nf, err := bw.ReadFrom(strings.NewReader(" from reader"))
	fmt.Println(nf, err, bw.Flush(), lw.buf.String())
	ab := bw.AvailableBuffer()
	fmt.Println(len(ab), cap(ab))

	rw := bufio.NewReadWriter(bufio.NewReader(strings.NewReader("in\n")), bufio.NewWriter(os.Stdout))
	l, _ := rw.ReadString('\n')
	rw.WriteString("echo: " + l)
	rw.Flush()
}
