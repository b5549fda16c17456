// encoding/json errors with Go's messages: syntax errors (offsets), type
// mismatches with struct/field context, invalid Unmarshal arguments,
// unsupported types and values, Marshaler errors, ,string misuse.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
)

type Inner struct {
	N  int     `json:"n"`
	U8 uint8   `json:"u8"`
	F  float32 `json:"f"`
	B  bool
}

type Outer struct {
	Name  string           `json:"name"`
	In    Inner            `json:"inner"`
	List  []Inner          `json:"list"`
	ByKey map[string]Inner `json:"by_key"`
	Q     int              `json:"q,string"`
	M     map[int]bool     `json:"m"`
}

type bad struct{}

func (bad) MarshalJSON() ([]byte, error) { return []byte(`{"broken"`), nil }

type failing struct{}

func (failing) MarshalJSON() ([]byte, error) { return nil, errors.New("no way") }

type failText struct{}

func (failText) MarshalText() ([]byte, error) { return nil, errors.New("no text") }

func main() {
	inputs := []string{
		``, ` `, `{`, `{"a"`, `{"a":`, `{"a":1`, `{"a" 1}`, `{"a":1 "b":2}`, `{,}`, `[1,]`, `[1 2]`,
		`"abc`, "\"a\x01\"", `"\x"`, `"\u12g4"`, `tru`, `trux`, `nul`, `-`, `-a`, `01`, `1.`, `1.e3`, `1e`, `1e+`,
		`{"a":1}}`, `[]]`, `'single'`, `{"a":nan}`, "\xff", `{"name": "x", "inner": {"n": [}}`,
	}
	for _, in := range inputs {
		var v any
		err := json.Unmarshal([]byte(in), &v)
		var se *json.SyntaxError
		if errors.As(err, &se) {
			fmt.Printf("%-36q %v (offset %d)\n", in, err, se.Offset)
		} else {
			fmt.Printf("%-36q %v\n", in, err)
		}
	}
	typed := []string{
		`{"name": 5}`,
		`{"inner": {"n": "five"}}`,
		`{"inner": {"n": 1.5}}`,
		`{"inner": {"u8": 300}}`,
		`{"inner": {"u8": -1}}`,
		`{"inner": {"f": 1e39}}`,
		`{"inner": {"B": "yes"}}`,
		`{"list": [{"n": 1}, {"n": true}]}`,
		`{"by_key": {"k": {"n": []}}}`,
		`{"inner": [1]}`,
		`{"list": {}}`,
		`{"name": {"x": 1}, "inner": {"n": "first error wins"}}`,
		`{"q": 5}`,
		`{"q": "five"}`,
		`{"q": "12"}`,
		`{"m": {"x": true}}`,
		`{"m": {"99999999999999999999": true}}`,
		`[1, 2]`,
		`"str"`,
		`123`,
		`true`,
	}
	for _, in := range typed {
		var o Outer
		err := json.Unmarshal([]byte(in), &o)
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			fmt.Printf("%s\n  -> %v [value=%q type=%v offset=%d struct=%q field=%q]\n", in, err, te.Value, te.Type, te.Offset, te.Struct, te.Field)
		} else {
			fmt.Printf("%s\n  -> %v (q=%d)\n", in, err, o.Q)
		}
	}
	var n int
	fmt.Println(json.Unmarshal([]byte(`1`), nil))
	fmt.Println(json.Unmarshal([]byte(`1`), n))
	fmt.Println(json.Unmarshal([]byte(`1`), (*int)(nil)))
	fmt.Println(json.Unmarshal([]byte(`"x"`), &n))
	var ui uint
	fmt.Println(json.Unmarshal([]byte(`-5`), &ui))
	var bs []byte
	fmt.Println(json.Unmarshal([]byte(`"not base64!"`), &bs))
	var num json.Number
	fmt.Println(json.Unmarshal([]byte(`"12x"`), &num))

	for _, v := range []any{
		math.NaN(), math.Inf(-1), float32(math.Inf(1)), make(chan int), func() {}, complex(1, 2),
		map[bool]int{true: 1}, bad{}, failing{}, []any{1, failing{}}, failText{}, map[string]any{"a": failText{}},
		json.Number("1.2.3"),
	} {
		b, err := json.Marshal(v)
		fmt.Printf("%q %v\n", b, err)
		var me *json.MarshalerError
		if errors.As(err, &me) {
			fmt.Println("  MarshalerError for", me.Type, "unwraps to", errors.Unwrap(err))
		}
	}
}
