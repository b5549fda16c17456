package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

func dump(name, in string, setup func(*csv.Reader)) {
	r := csv.NewReader(strings.NewReader(in))
	if setup != nil {
		setup(r)
	}
	fmt.Printf("== %s\n", name)
	for {
		rec, err := r.Read()
		if err == io.EOF {
			fmt.Println("EOF at offset", r.InputOffset())
			return
		}
		fmt.Printf("%q", rec)
		if len(rec) > 0 {
			l, c := r.FieldPos(len(rec) - 1)
			fmt.Printf(" last field at %d:%d", l, c)
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				fmt.Printf(" err: %v (line %d col %d, quote %v)", err, pe.Line, pe.Column, errors.Is(err, csv.ErrQuote))
			} else {
				fmt.Printf(" other err: %v", err)
			}
			fmt.Println()
			if !errors.Is(err, csv.ErrFieldCount) {
				return
			}
			continue
		}
		fmt.Println()
	}
}

func main() {
	dump("simple", "name,age,city\nAda,36,London\r\nAlan,41,\"Wilmslow, UK\"\n\n\"multi\nline\",\"say \"\"hi\"\"\",x\nlast,row,no newline", nil)
	dump("comments", "# header\na;b;c\n#skip\n d ; e ;f\n", func(r *csv.Reader) { r.Comma = ';'; r.Comment = '#'; r.TrimLeadingSpace = true })
	dump("bare quote", "a,b\"c,d\n", nil)
	dump("lazy", "a,b\"c,\"d\"e\",\"f\n", func(r *csv.Reader) { r.LazyQuotes = true })
	dump("extraneous", "x,\"abc\"def,y\n", nil)
	dump("unterminated", "x,\"abc\ndef\n", nil)
	dump("unterminated2", "1,2\n3,\"abc", nil)
	dump("fields", "a,b,c\nd,e\nf,g,h,i\nj,k,l\n", nil)
	dump("fixed", "a,b\nc,d,e\n", func(r *csv.Reader) { r.FieldsPerRecord = 3 })
	dump("any", "a\nb,c\n", func(r *csv.Reader) { r.FieldsPerRecord = -1 })
	dump("tabs", "α\tβ\t\"γ\tδ\"\n", func(r *csv.Reader) { r.Comma = '\t' })
	dump("unicode comma", "aé€bé€\"c\"\n", func(r *csv.Reader) { r.Comma = '€' })
	dump("bad delim", "a,b\n", func(r *csv.Reader) { r.Comma = '"' })
	dump("same delim", "a,b\n", func(r *csv.Reader) { r.Comment = ',' })
	dump("trim", "  \"a\",  b  ,   \n", func(r *csv.Reader) { r.TrimLeadingSpace = true })
	dump("crlf in quotes", "\"a\r\nb\",c\r\n", nil)
	dump("empty", "", nil)
	dump("quote after multiline", "\"a\nb\"x,c\n", nil)
	long := strings.Repeat("z", 5000)
	r := csv.NewReader(strings.NewReader(long + ",short\n" + "\"" + long + "\"\n"))
	r.FieldsPerRecord = -1
	all, err := r.ReadAll()
	fmt.Println(len(all), len(all[0][0]), all[0][1], len(all[1][0]), err)
	r = csv.NewReader(strings.NewReader("a,b\nc,d,e\n"))
	all, err = r.ReadAll()
	fmt.Println(all == nil, err)
	r = csv.NewReader(strings.NewReader("a,b\nc,d\n"))
	r.ReuseRecord = true
	r1, _ := r.Read()
	r2, _ := r.Read()
	fmt.Println(r1, r2, &r1[0] == &r2[0])

	w := csv.NewWriter(os.Stdout)
	w.Write([]string{"plain", "with,comma", "with \"quote\"", "", " lead", "multi\nline", `\.`, "cr\rhere"})
	w.Flush()
	w.Comma = '\t'
	w.UseCRLF = true
	w.WriteAll([][]string{{"a\tb", "c"}, {"line\nbreak", "x\r\ny"}})
	fmt.Println(w.Error())
	w.Comma = '\n'
	fmt.Println(w.Write([]string{"x"}))
	var sb strings.Builder
	w2 := csv.NewWriter(&sb)
	w2.Comma = '€'
	w2.Write([]string{"a€b", "c", "d\"e"})
	w2.Flush()
	fmt.Printf("%q\n", sb.String())
	pe := &csv.ParseError{StartLine: 1, Line: 2, Column: 3, Err: csv.ErrBareQuote}
	fmt.Println(pe, csv.ErrTrailingComma)
}
