// perf_strnatives: the byte-loop natives behind strings/bytes (internal/bytealg),
// strconv's quoting fast path and integer digits (internal/numdigits) print what Go prints.
package main

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
)

func main() {
	byteLoops()
	quoting()
	integers()
	fmtIntegers()
	parseFloats()
}

func byteLoops() {
	long := strings.Repeat("abcdefghij", 20) + "XYZ" + strings.Repeat("q", 70)
	ss := []string{"", "a", "hello, world", "Hello World ÄÖ ok", "ABCxyz", "no-letters 123", long, "héllo", "HÉLLO wOrld"}
	for _, s := range ss {
		fmt.Println(strings.IndexByte(s, 'o'), strings.IndexByte(s, 'q'), strings.LastIndexByte(s, 'o'), strings.Count(s, "o"), strings.Count(s, "l"))
		fmt.Println(strings.Index(s, "XYZ"), strings.Index(s, "wor"), strings.Index(s, "ld"), strings.Index(s, ""), strings.Index(s, "qqqq"), strings.Contains(s, "jab"), strings.LastIndex(s, "o"))
		fmt.Printf("%q %q\n", strings.ToUpper(s), strings.ToLower(s))
		b := []byte(s)
		fmt.Println(bytes.IndexByte(b, 'o'), bytes.IndexByte(b, 'q'), bytes.Count(b, []byte("o")), bytes.Index(b, []byte("XYZ")), string(bytes.ToUpper(b)))
		fmt.Println(strings.Split(s, "o"), strings.Fields(s), strings.Replace(s, "l", "L", 2), strings.EqualFold(s, strings.ToUpper(s)))
	}
	fmt.Println(strings.Index(long[5:], "jab"), strings.IndexByte(long[150:], 'q'), strings.Count(long[10:], "q"))
}

func quoting() {
	for _, s := range []string{"", "abc", "a\"b", "a\\b", "tab\there", "héllo\x00\x7f ü\u00a0\U0001F600", "'single'", "\xff\xfe ok", "end\n"} {
		fmt.Println(strconv.Quote(s), strconv.QuoteToASCII(s), strconv.QuoteToGraphic(s), strconv.QuoteRune('x'), strconv.QuoteRune('\''), fmt.Sprintf("%q %+q %#q", s, s, s))
	}
	for r := rune(0); r < 0x200; r++ {
		if strconv.IsPrint(r) {
			fmt.Print(r, " ")
		}
	}
	fmt.Println()
}

func integers() {
	vals := []int64{0, 1, -1, 9, 10, -10, 35, 36, 1 << 53, 1<<53 - 1, 1<<53 + 1, -(1 << 53), math.MaxInt64, math.MinInt64, math.MinInt64 + 1, 123456789, -987654321012}
	for _, v := range vals {
		for _, b := range []int{2, 8, 10, 16, 36} {
			fmt.Println(strconv.FormatInt(v, b), strconv.FormatUint(uint64(v), b), string(strconv.AppendInt([]byte("x"), v, b)), string(strconv.AppendUint(nil, uint64(v), b)))
		}
		fmt.Println(strconv.Itoa(int(v)), fmt.Sprint(v), fmt.Sprintf("%x %X %o %b %d", v, v, v, uint64(v), v))
	}
	defer func() { fmt.Println(recover()) }()
	strconv.FormatInt(5, 1)
}

type myInt int

func fmtIntegers() {
	vals := []int64{0, 1, -1, 7, -255, 255, 4096, math.MaxInt64, math.MinInt64, 1 << 53, -(1 << 40)}
	for _, v := range vals {
		fmt.Printf("%d|%5d|%-5d|%05d|%+d|% d|%x|%X|%#x|%#X|%o|%#o|%O|%b|%#b|%.3d|%8.3x|%08X|%c|%U|%v|%q\n", v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, rune(v&0x7f), v&0xffff, v, rune(v&0x7f))
		fmt.Printf("%d %x %X %v %d %v\n", uint64(v), uint64(v), uint32(v), int8(v), myInt(v), []int64{v, -v})
	}
	fmt.Printf("%s|%v|%t|%v|%.2f|%6.1e|%g|%v\n", "str", "v", true, false, 3.14159, 1234.5, 1e21, 2.5)
	fmt.Printf("%100d|%.80d|%#.70x\n", 42, -42, 42)
}

func parseFloats() {
	in := []string{"0", "-0", "1", "+1", "-1.5", ".5", "-.5", "5.", "1e5", "1E-5", "1e+5", "007", "0.1", "0.3", "2.675", "1.7976931348623157e308",
		"1.7976931348623159e308", "1e309", "-1e309", "4.9e-324", "2e-324", "1e-400", "123456789012345678901234567890", "9007199254740993",
		"0.000000000000000000000000000000000000000000001", "1_000.5", "0x1p-2", "inf", "-Inf", "NaN", "", "+", ".", "e5", "1e", "1e+", "1.2.3", " 1", "1 ",
		"2.2250738585072011e-308", "2.2250738585072012e-308", "0.500000000000000166533453693773481063544750213623046875", "12.345|6"}
	for _, s := range in {
		f, err := strconv.ParseFloat(s, 64)
		g, err32 := strconv.ParseFloat(s, 32)
		fmt.Printf("%q %v %x %v | %v %v\n", s, f, math.Float64bits(f), err, g, err32)
	}
	h := uint64(0)
	x := uint64(12345)
	for i := 0; i < 500; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		v := math.Float64frombits(x)
		if math.IsNaN(v) || math.IsInf(v, 0) {
			continue
		}
		for _, s := range []string{strconv.FormatFloat(v, 'g', -1, 64), strconv.FormatFloat(v, 'e', 20, 64), strconv.FormatFloat(v, 'g', 5, 64)} {
			f, err := strconv.ParseFloat(s, 64)
			h = h*31 + math.Float64bits(f)
			if i%50 == 0 {
				fmt.Println(s, f, err)
			}
			if err != nil || (s == strconv.FormatFloat(v, 'g', -1, 64) && f != v) {
				fmt.Println("MISMATCH", s, f, v, err)
			}
		}
	}
	fmt.Printf("parse hash %x\n", h)
}
