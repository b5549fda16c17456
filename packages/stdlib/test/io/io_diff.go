//go:build ignore

// Differential test: gort's io against Go's. Each side reads through its
// own package's types (io.EOF values differ between them), from a chunked
// reader that returns random short reads, so results, errors (by text) and
// slice capacities are compared.
package main

import (
	"bytes"
	"fmt"
	"io"
	"math/rand"
	"os"
	"strconv"
	"strings"

	obytes "gortstd/bytes"
	oio "gortstd/io"
	ostrings "gortstd/strings"
)

var fails int

func check(what string, in any, got, want string) {
	if got != want {
		fails++
		if fails < 30 {
			fmt.Printf("%s(%v):\n got  %s\n want %s\n", what, in, got, want)
		}
	}
}

func e(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

// chunky returns at most a scripted number of bytes per Read, then eof.
type chunky struct {
	data  []byte
	sizes []int
	eof   error
	early bool // return eof together with the last data
}

func (c *chunky) Read(p []byte) (int, error) {
	if len(c.data) == 0 {
		return 0, c.eof
	}
	n := len(p)
	if len(c.sizes) > 0 {
		if c.sizes[0] < n {
			n = c.sizes[0]
		}
		c.sizes = c.sizes[1:]
	}
	if n > len(c.data) {
		n = len(c.data)
	}
	copy(p, c.data[:n])
	c.data = c.data[n:]
	if c.early && len(c.data) == 0 {
		return n, c.eof
	}
	return n, nil
}

type shortWriter struct {
	limit int
	buf   []byte
}

func (w *shortWriter) Write(p []byte) (int, error) {
	if len(p) > w.limit {
		w.buf = append(w.buf, p[:w.limit]...)
		return w.limit, nil
	}
	w.buf = append(w.buf, p...)
	return len(p), nil
}

func main() {
	n, _ := strconv.Atoi(os.Getenv("GORTSTD_N"))
	if n == 0 {
		n = 20000
	}
	r := rand.New(rand.NewSource(8))
	for i := 0; i < n/10; i++ {
		data := make([]byte, r.Intn(3000))
		r.Read(data)
		sizes := make([]int, 20)
		for j := range sizes {
			sizes[j] = r.Intn(700)
		}
		early := r.Intn(2) == 0
		ours := func() *chunky { return &chunky{data, sizes, oio.EOF, early} }
		gos := func() *chunky { return &chunky{data, sizes, io.EOF, early} }
		in := fmt.Sprint(len(data), early)

		b1, e1 := oio.ReadAll(ours())
		b2, e2 := io.ReadAll(gos())
		check("ReadAll", in, fmt.Sprint(len(b1), cap(b1), bytes.Equal(b1, data), e(e1)), fmt.Sprint(len(b2), cap(b2), bytes.Equal(b2, data), e(e2)))

		k := r.Intn(3500)
		min := r.Intn(k + 2)
		p1, p2 := make([]byte, k), make([]byte, k)
		n1, f1 := oio.ReadAtLeast(ours(), p1, min)
		n2, f2 := io.ReadAtLeast(gos(), p2, min)
		check("ReadAtLeast", [3]any{in, k, min}, fmt.Sprint(n1, e(f1), bytes.Equal(p1, p2)), fmt.Sprint(n2, e(f2), true))
		n1, f1 = oio.ReadFull(ours(), p1)
		n2, f2 = io.ReadFull(gos(), p2)
		check("ReadFull", [2]any{in, k}, fmt.Sprint(n1, e(f1), bytes.Equal(p1, p2)), fmt.Sprint(n2, e(f2), true))

		var w1, w2 bytes.Buffer
		c1, g1 := oio.Copy(&w1, ours())
		c2, g2 := io.Copy(&w2, gos())
		check("Copy", in, fmt.Sprint(c1, e(g1), w1.Len()), fmt.Sprint(c2, e(g2), w2.Len()))
		m := int64(r.Intn(3500))
		w1.Reset()
		w2.Reset()
		c1, g1 = oio.CopyN(&w1, ours(), m)
		c2, g2 = io.CopyN(&w2, gos(), m)
		check("CopyN", [2]any{in, m}, fmt.Sprint(c1, e(g1), w1.Len()), fmt.Sprint(c2, e(g2), w2.Len()))
		lim := r.Intn(300) + 1
		s1, s2 := &shortWriter{limit: lim}, &shortWriter{limit: lim}
		buf1, buf2 := make([]byte, 1+r.Intn(500)), make([]byte, 0)
		buf2 = make([]byte, len(buf1))
		c1, g1 = oio.CopyBuffer(s1, ours(), buf1)
		c2, g2 = io.CopyBuffer(s2, gos(), buf2)
		check("CopyBuffer short", [2]any{in, lim}, fmt.Sprint(c1, e(g1), len(s1.buf)), fmt.Sprint(c2, e(g2), len(s2.buf)))

		l1, l2 := oio.LimitReader(ours(), m), io.LimitReader(gos(), m)
		b1, e1 = oio.ReadAll(l1)
		b2, e2 = io.ReadAll(l2)
		check("LimitReader", [2]any{in, m}, fmt.Sprint(len(b1), e(e1)), fmt.Sprint(len(b2), e(e2)))

		var t1, t2 bytes.Buffer
		b1, e1 = oio.ReadAll(oio.TeeReader(ours(), &t1))
		b2, e2 = io.ReadAll(io.TeeReader(gos(), &t2))
		check("TeeReader", in, fmt.Sprint(len(b1), e(e1), t1.Len()), fmt.Sprint(len(b2), e(e2), t2.Len()))

		split := r.Intn(len(data) + 1)
		mr1 := oio.MultiReader(obytes.NewReader(data[:split]), ours(), ostrings.NewReader("tail"))
		mr2 := io.MultiReader(bytes.NewReader(data[:split]), gos(), strings.NewReader("tail"))
		b1, e1 = oio.ReadAll(mr1)
		b2, e2 = io.ReadAll(mr2)
		check("MultiReader", in, fmt.Sprint(len(b1), cap(b1), e(e1)), fmt.Sprint(len(b2), cap(b2), e(e2)))
		var m1a, m1b, m2a, m2b bytes.Buffer
		x1, y1 := oio.WriteString(oio.MultiWriter(&m1a, &m1b), "hello")
		x2, y2 := io.WriteString(io.MultiWriter(&m2a, &m2b), "hello")
		check("MultiWriter", in, fmt.Sprint(x1, e(y1), m1a.String(), m1b.String()), fmt.Sprint(x2, e(y2), m2a.String(), m2b.String()))
		sw1, sw2 := &shortWriter{limit: 2}, &shortWriter{limit: 2}
		x1, y1 = oio.MultiWriter(sw1).Write([]byte("hello"))
		x2, y2 = io.MultiWriter(sw2).Write([]byte("hello"))
		check("MultiWriter short", in, fmt.Sprint(x1, e(y1)), fmt.Sprint(x2, e(y2)))

		off, size := int64(r.Intn(len(data)+2)), int64(r.Intn(len(data)+2))
		sr1 := oio.NewSectionReader(obytes.NewReader(data), off, size)
		sr2 := io.NewSectionReader(bytes.NewReader(data), off, size)
		for step := 0; step < 6; step++ {
			switch r.Intn(3) {
			case 0:
				q1, q2 := make([]byte, r.Intn(100)), make([]byte, 0)
				q2 = make([]byte, len(q1))
				a1, d1 := sr1.Read(q1)
				a2, d2 := sr2.Read(q2)
				check("SectionReader.Read", [2]any{off, size}, fmt.Sprint(a1, e(d1), bytes.Equal(q1, q2)), fmt.Sprint(a2, e(d2), true))
			case 1:
				q1, q2 := make([]byte, r.Intn(100)), make([]byte, 0)
				q2 = make([]byte, len(q1))
				at := int64(r.Intn(int(size)+3)) - 1
				a1, d1 := sr1.ReadAt(q1, at)
				a2, d2 := sr2.ReadAt(q2, at)
				check("SectionReader.ReadAt", [3]any{off, size, at}, fmt.Sprint(a1, e(d1), bytes.Equal(q1, q2)), fmt.Sprint(a2, e(d2), true))
			case 2:
				o, wh := int64(r.Intn(200)-100), r.Intn(4)
				a1, d1 := sr1.Seek(o, wh)
				a2, d2 := sr2.Seek(o, wh)
				check("SectionReader.Seek", [4]any{off, size, o, wh}, fmt.Sprint(a1, e(d1)), fmt.Sprint(a2, e(d2)))
			}
		}
		check("SectionReader.Size", in, fmt.Sprint(sr1.Size()), fmt.Sprint(sr2.Size()))
		nc1 := oio.NopCloser(ostrings.NewReader("x"))
		nc2 := io.NopCloser(strings.NewReader("x"))
		_, wt1 := nc1.(oio.WriterTo)
		_, wt2 := nc2.(io.WriterTo)
		check("NopCloser WriterTo", in, fmt.Sprint(wt1, e(nc1.Close())), fmt.Sprint(wt2, e(nc2.Close())))
		d1, _ := oio.Discard.(oio.ReaderFrom).ReadFrom(ours())
		d2, _ := io.Discard.(io.ReaderFrom).ReadFrom(gos())
		check("Discard.ReadFrom", in, fmt.Sprint(d1), fmt.Sprint(d2))
	}
	pipeChecks(r)
	catch := func(f func()) (s string) {
		defer func() { s = fmt.Sprint(recover()) }()
		f()
		return
	}
	check("CopyBuffer empty", 0, catch(func() { oio.CopyBuffer(&bytes.Buffer{}, &chunky{eof: oio.EOF}, []byte{}) }),
		catch(func() { io.CopyBuffer(&bytes.Buffer{}, &chunky{eof: io.EOF}, []byte{}) }))
	for _, pair := range [][2]error{{oio.EOF, io.EOF}, {oio.ErrUnexpectedEOF, io.ErrUnexpectedEOF}, {oio.ErrShortWrite, io.ErrShortWrite},
		{oio.ErrShortBuffer, io.ErrShortBuffer}, {oio.ErrNoProgress, io.ErrNoProgress}, {oio.ErrClosedPipe, io.ErrClosedPipe}} {
		check("error text", 0, fmt.Sprintf("%v %#v", pair[0], pair[0])[:len(pair[0].Error())], pair[1].Error())
	}
	if fails > 0 {
		fmt.Printf("FAIL io: %d mismatches\n", fails)
		os.Exit(1)
	}
	fmt.Println("ok io")
}

// pipeChecks runs the same scripted conversation over our pipe and Go's:
// a writer goroutine writes chunks (and closes, maybe with an error) while
// the reader reads with random buffer sizes, maybe closing early.
func pipeChecks(r *rand.Rand) {
	for round := 0; round < 300; round++ {
		chunks := make([]string, r.Intn(5))
		for i := range chunks {
			chunks[i] = strings.Repeat("x", r.Intn(40))
		}
		closeErr := r.Intn(3)
		readerStop := r.Intn(6)
		sizes := make([]int, 12)
		for i := range sizes {
			sizes[i] = r.Intn(30)
		}
		run := func(newPipe func() (func([]byte) (int, error), func() error, func(error) error, func([]byte) (int, error), func() error, func(error) error), eof error) string {
			read, rclose, rcloseErr, write, wclose, wcloseErr := newPipe()
			_ = rclose
			done := make(chan string)
			go func() {
				log := ""
				for _, c := range chunks {
					n, err := write([]byte(c))
					log += fmt.Sprintf("w%d:%s ", n, e(err))
				}
				switch closeErr {
				case 0:
					log += fmt.Sprint("wc:", e(wclose()))
				case 1:
					log += fmt.Sprint("wc:", e(wcloseErr(fmt.Errorf("boom"))))
				default:
					log += fmt.Sprint("wc:", e(wcloseErr(nil)))
				}
				done <- log
			}()
			log := ""
			for i, sz := range sizes {
				if i == readerStop {
					log += fmt.Sprint("rc:", e(rcloseErr(nil)), " ")
					break
				}
				buf := make([]byte, sz)
				n, err := read(buf)
				log += fmt.Sprintf("r%d:%s ", n, e(err))
				if err == eof || (err != nil && closeErr == 1) {
					break
				}
				if err != nil {
					break
				}
			}
			if closeErr == 2 {
				rclose() // a second close changes nothing
			} else {
				rcloseErr(fmt.Errorf("reader gone"))
			}
			return log + "| " + <-done
		}
		ours := run(func() (func([]byte) (int, error), func() error, func(error) error, func([]byte) (int, error), func() error, func(error) error) {
			pr, pw := oio.Pipe()
			return pr.Read, pr.Close, pr.CloseWithError, pw.Write, pw.Close, pw.CloseWithError
		}, oio.EOF)
		gos := run(func() (func([]byte) (int, error), func() error, func(error) error, func([]byte) (int, error), func() error, func(error) error) {
			pr, pw := io.Pipe()
			return pr.Read, pr.Close, pr.CloseWithError, pw.Write, pw.Close, pw.CloseWithError
		}, io.EOF)
		check("Pipe", [3]any{chunks, closeErr, readerStop}, ours, gos)
	}
}
