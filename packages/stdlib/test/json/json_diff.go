//go:build ignore

// Differential test: gort's encoding/json against Go's. Random values of
// tagged nested structs, maps (string, int and TextMarshaler keys), slices,
// pointers, interfaces, floats and strings are marshalled by both
// (Marshal, MarshalIndent, Encoder without HTML escaping) and the bytes and
// errors compared; random JSON texts (generated, then mutated to hit syntax
// errors) are unmarshalled by both into several targets and the results,
// error texts and error offsets compared; Valid, Compact and Indent too.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/rand"
	"os"
	"reflect"
	"strconv"
	"strings"

	obytes "gortstd/bytes"
	ojson "gortstd/encoding/json"
)

var fails int

func check(what string, got, want any) {
	g, w := fmt.Sprintf("%#v", got), fmt.Sprintf("%#v", want)
	if g != w {
		fails++
		if fails < 25 {
			fmt.Printf("%s:\n got  %s\n want %s\n", what, g, w)
		}
	}
}

func errStr(err error) string {
	if err == nil {
		return "<nil>"
	}
	// the mirror types print with an O prefix
	return strings.NewReplacer("OInner", "Inner", "OOuter", "Outer").Replace(err.Error())
}

type Key int

func (k Key) MarshalText() ([]byte, error) { return []byte("k" + strconv.Itoa(int(k))), nil }
func (k *Key) UnmarshalText(b []byte) error {
	if len(b) == 0 || b[0] != 'k' {
		return fmt.Errorf("bad key %q", b)
	}
	n, err := strconv.Atoi(string(b[1:]))
	*k = Key(n)
	return err
}

type Inner struct {
	A  int               `json:"a"`
	B  string            `json:"b,omitempty"`
	C  []float64         `json:"c"`
	D  map[string]*Inner `json:"d,omitempty"`
	E  any               `json:"e"`
	F  *int8             `json:"f,string"`
	G  uint16            `json:",string"`
	H  bool              `json:"h,omitempty"`
	I  [2]string         `json:"i"`
	J  []byte            `json:"j"`
	K  map[Key]int       `json:"k"`
	L  map[int64]string  `json:"l"`
	M  float32           `json:"m"`
	N  json.Number       `json:"n"`
	x  int
	Dash string `json:"-"`
}

type Embedded struct {
	A    int    `json:"a"`
	Deep string `json:"deep"`
}

type Outer struct {
	Embedded
	*Inner `json:"inner"`
	Name   string  `json:"name"`
	List   []Inner `json:"list"`
	P      **Inner `json:"p"`
	Any    []any   `json:"any"`
	Raw    json.RawMessage
}

type OInner struct {
	A  int                `json:"a"`
	B  string             `json:"b,omitempty"`
	C  []float64          `json:"c"`
	D  map[string]*OInner `json:"d,omitempty"`
	E  any                `json:"e"`
	F  *int8              `json:"f,string"`
	G  uint16             `json:",string"`
	H  bool               `json:"h,omitempty"`
	I  [2]string          `json:"i"`
	J  []byte             `json:"j"`
	K  map[Key]int        `json:"k"`
	L  map[int64]string   `json:"l"`
	M  float32            `json:"m"`
	N  ojson.Number       `json:"n"`
	x  int
	Dash string `json:"-"`
}

type OOuter struct {
	Embedded
	*OInner `json:"inner"`
	Name    string   `json:"name"`
	List    []OInner `json:"list"`
	P       **OInner `json:"p"`
	Any     []any    `json:"any"`
	Raw     ojson.RawMessage
}

var r *rand.Rand

var strs = []string{"", "a", "héllo", "<b>&</b>", "quote\"back\\slash", "\x00\x1f\x7f", "\u2028\u2029", "\xff\xfe", "tab\tnl\n", "😀", "日本語", "k1"}

func rstr() string {
	if r.Intn(3) == 0 {
		var b strings.Builder
		for i := r.Intn(8); i > 0; i-- {
			b.WriteString(strs[r.Intn(len(strs))])
		}
		return b.String()
	}
	return strs[r.Intn(len(strs))]
}

var floats = []float64{0, -0.0, 1, -1, 0.1, 1e20, 1e21, 1e-6, 1e-7, 123456789.125, math.MaxFloat64, math.SmallestNonzeroFloat64, 3.0000001, 1e308, -2.5e-300}

func rfloat() float64 {
	if r.Intn(2) == 0 {
		return floats[r.Intn(len(floats))]
	}
	return math.Float64frombits(r.Uint64() &^ (0x7ff << 52) | uint64(r.Intn(2046)+1)<<52)
}

func rfloat32() float32 {
	f := rfloat()
	if math.Abs(f) > math.MaxFloat32 {
		f = math.Mod(f, math.MaxFloat32)
	}
	return float32(f)
}

func rany(depth int) any {
	switch r.Intn(9) {
	case 0:
		return nil
	case 1:
		return r.Intn(2) == 0
	case 2:
		return rfloat()
	case 3:
		return rstr()
	case 4:
		return r.Intn(1000) - 500
	case 5:
		if depth > 2 {
			return nil
		}
		n := r.Intn(4)
		s := make([]any, n)
		for i := range s {
			s[i] = rany(depth + 1)
		}
		return s
	case 6:
		if depth > 2 {
			return "deep"
		}
		m := map[string]any{}
		for i := r.Intn(4); i > 0; i-- {
			m[rstr()] = rany(depth + 1)
		}
		return m
	case 7:
		return uint8(r.Intn(256))
	}
	return rfloat32()
}

func rinner(depth int) *Inner {
	in := &Inner{A: r.Intn(100) - 50, B: rstr(), E: rany(0), G: uint16(r.Intn(70000)), H: r.Intn(2) == 0, I: [2]string{rstr(), rstr()}, M: rfloat32(), x: 3, Dash: "d"}
	if r.Intn(2) == 0 {
		in.C = []float64{rfloat(), rfloat()}
	} else if r.Intn(2) == 0 {
		in.C = []float64{}
	}
	if r.Intn(3) == 0 {
		v := int8(r.Intn(256) - 128)
		in.F = &v
	}
	if r.Intn(2) == 0 {
		in.J = []byte(rstr())
	}
	if r.Intn(2) == 0 {
		in.K = map[Key]int{Key(r.Intn(20)): 1, Key(r.Intn(20)): 2}
		in.L = map[int64]string{int64(r.Intn(40) - 20): rstr(), -1 << 63: "min"}
	}
	switch r.Intn(3) {
	case 0:
		in.N = "12.5e3"
	case 1:
		in.N = json.Number(strconv.Itoa(r.Intn(99)))
	}
	if depth < 2 && r.Intn(2) == 0 {
		in.D = map[string]*Inner{rstr(): rinner(depth + 1), "nil": nil}
	}
	return in
}

func router() Outer {
	o := Outer{Embedded: Embedded{A: r.Intn(10), Deep: rstr()}, Name: rstr(), Any: []any{rany(0), rany(0)}}
	if r.Intn(2) == 0 {
		o.Inner = rinner(0)
	}
	for i := r.Intn(3); i > 0; i-- {
		o.List = append(o.List, *rinner(1))
	}
	if r.Intn(2) == 0 {
		p := rinner(1)
		o.P = &p
	}
	if r.Intn(2) == 0 {
		o.Raw = json.RawMessage(`{"raw" : [1, "<x>"]}`)
	}
	return o
}

// mirror deep-copies a value built with Go's json types into the mirror
// types that use ours (same layout; RawMessage and Number convert).
func mirror(o Outer) OOuter {
	var m OOuter
	deepCopy(reflect.ValueOf(&m).Elem(), reflect.ValueOf(o))
	return m
}

func deepCopy(dst, src reflect.Value) {
	switch src.Kind() {
	case reflect.Struct:
		for i := 0; i < src.NumField(); i++ {
			if dst.Field(i).CanSet() {
				deepCopy(dst.Field(i), src.Field(i))
			}
		}
	case reflect.Pointer:
		if src.IsNil() {
			return
		}
		dst.Set(reflect.New(dst.Type().Elem()))
		deepCopy(dst.Elem(), src.Elem())
	case reflect.Slice:
		if src.IsNil() {
			return
		}
		dst.Set(reflect.MakeSlice(dst.Type(), src.Len(), src.Len()))
		for i := 0; i < src.Len(); i++ {
			deepCopy(dst.Index(i), src.Index(i))
		}
	case reflect.Array:
		for i := 0; i < src.Len(); i++ {
			deepCopy(dst.Index(i), src.Index(i))
		}
	case reflect.Map:
		if src.IsNil() {
			return
		}
		dst.Set(reflect.MakeMap(dst.Type()))
		it := src.MapRange()
		for it.Next() {
			v := reflect.New(dst.Type().Elem()).Elem()
			deepCopy(v, it.Value())
			dst.SetMapIndex(it.Key().Convert(dst.Type().Key()), v)
		}
	default:
		dst.Set(src.Convert(dst.Type()))
	}
}

// mutate damages a JSON text in a random way.
func mutate(b []byte) []byte {
	if len(b) == 0 {
		return b
	}
	b = append([]byte(nil), b...)
	switch r.Intn(5) {
	case 0:
		return b[:r.Intn(len(b))]
	case 1:
		const chars = "{}[],:\"\\ -+.eE0tfnx\x00"
		b[r.Intn(len(b))] = chars[r.Intn(len(chars))]
	case 2:
		i := r.Intn(len(b))
		return append(b[:i], b[i+1:]...)
	case 3:
		i := r.Intn(len(b) + 1)
		return append(b[:i], append([]byte(` 1`), b[i:]...)...)
	}
	return append(b, "]}x"[r.Intn(3)])
}

func main() {
	n := 3000
	if s := os.Getenv("GORTSTD_N"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	seed := int64(1)
	if s := os.Getenv("GORTSTD_SEED"); s != "" {
		seed, _ = strconv.ParseInt(s, 10, 64)
	}
	r = rand.New(rand.NewSource(seed))
	for i := 0; i < n; i++ {
		o := router()
		m := mirror(o)
		want, werr := json.Marshal(o)
		got, gerr := ojson.Marshal(m)
		check("Marshal", string(got), string(want))
		check("Marshal err", errStr(gerr), errStr(werr))
		wi, _ := json.MarshalIndent(o.Any, "> ", "\t")
		gi, _ := ojson.MarshalIndent(m.Any, "> ", "\t")
		check("MarshalIndent", string(gi), string(wi))
		var wb, gb bytes.Buffer
		we := json.NewEncoder(&wb)
		we.SetEscapeHTML(false)
		we.Encode(o.Any)
		ge := ojson.NewEncoder(&gb)
		ge.SetEscapeHTML(false)
		ge.Encode(m.Any)
		check("Encoder", gb.String(), wb.String())

		// decode the text (intact or damaged) into several targets
		text := want
		if r.Intn(2) == 0 {
			text = mutate(text)
		}
		var wo Outer
		var goo OOuter
		werr = json.Unmarshal(text, &wo)
		gerr = ojson.Unmarshal(text, &goo)
		check("Unmarshal err "+string(text), errStr(gerr), errStr(werr))
		if werr == nil && gerr == nil {
			wb2, _ := json.Marshal(wo)
			gb2, _ := ojson.Marshal(goo)
			check("Unmarshal result", string(gb2), string(wb2))
		}
		var wa, ga any
		werr = json.Unmarshal(text, &wa)
		gerr = ojson.Unmarshal(text, &ga)
		check("Unmarshal any err", errStr(gerr), errStr(werr))
		check("Unmarshal any", ga, wa)
		if se, ok := werr.(*json.SyntaxError); ok {
			if ose, ok := gerr.(*ojson.SyntaxError); ok {
				check("SyntaxError offset "+string(text), ose.Offset, se.Offset)
			} else {
				check("SyntaxError type", fmt.Sprintf("%T", gerr), "*json.SyntaxError")
			}
		}
		// type-mismatched targets
		var wl []map[string]int
		var gl []map[string]int
		werr = json.Unmarshal(text, &wl)
		gerr = ojson.Unmarshal(text, &gl)
		check("Unmarshal mismatch err", errStr(gerr), errStr(werr))
		check("Unmarshal mismatch", gl, wl)
		var wi2 struct{ Inner *Inner `json:"inner"`; List []struct{ A string `json:"a"` } `json:"list"` }
		var gi2 struct{ Inner *OInner `json:"inner"`; List []struct{ A string `json:"a"` } `json:"list"` }
		werr = json.Unmarshal(text, &wi2)
		gerr = ojson.Unmarshal(text, &gi2)
		check("Unmarshal partial err", errStr(gerr), errStr(werr))
		check("Valid", ojson.Valid(text), json.Valid(text))
		var wc bytes.Buffer
		var gc obytes.Buffer
		werr = json.Compact(&wc, text)
		gerr = ojson.Compact(&gc, text)
		check("Compact", gc.String()+errStr(gerr), wc.String()+errStr(werr))
		wc.Reset()
		gc.Reset()
		werr = json.Indent(&wc, text, "", "  ")
		gerr = ojson.Indent(&gc, text, "", "  ")
		check("Indent", gc.String()+errStr(gerr), wc.String()+errStr(werr))
		var hw bytes.Buffer
		var hg obytes.Buffer
		json.HTMLEscape(&hw, text)
		ojson.HTMLEscape(&hg, text)
		check("HTMLEscape", hg.String(), hw.String())
	}
	for _, v := range []any{math.NaN(), math.Inf(1), float32(math.Inf(-1)), []any{1, math.NaN()}, map[string]any{"x": make(chan int)}} {
		_, werr := json.Marshal(v)
		_, gerr := ojson.Marshal(v)
		check("unsupported", errStr(gerr), errStr(werr))
	}
	// the Token API over random texts
	for i := 0; i < n/10; i++ {
		b, _ := json.Marshal(rany(0))
		if r.Intn(2) == 0 {
			b = mutate(b)
		}
		wd := json.NewDecoder(bytes.NewReader(b))
		gd := ojson.NewDecoder(obytes.NewReader(b)) // our io.EOF
		for k := 0; k < 50; k++ {
			wt, werr := wd.Token()
			gt, gerr := gd.Token()
			check("Token "+string(b), fmt.Sprintf("%T %v %v", gt, gt, gerr), fmt.Sprintf("%T %v %v", wt, wt, werr))
			if werr != nil || gerr != nil {
				break
			}
		}
	}
	_ = reflect.TypeOf
	if fails > 0 {
		fmt.Printf("json: %d mismatches\n", fails)
		os.Exit(1)
	}
	fmt.Println("json: ok")
}
