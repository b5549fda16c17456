// encoding/json streams: Decoder (Decode over a reader that returns one
// byte at a time, More, Token, UseNumber, DisallowUnknownFields,
// InputOffset, Buffered), Encoder (SetIndent, SetEscapeHTML), and
// Compact / Indent / HTMLEscape / Valid.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
)

type oneByte struct{ r io.Reader }

func (o oneByte) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	return o.r.Read(p[:1])
}

type Event struct {
	Kind string  `json:"kind"`
	At   float64 `json:"at"`
}

func main() {
	const stream = `{"kind":"start","at":1}
	{"kind":"tick","at":2.5} 17 "str" [1,2]
	{"kind":"stop","at":1e3}`
	dec := json.NewDecoder(oneByte{strings.NewReader(stream)})
	for {
		var v any
		err := dec.Decode(&v)
		if err == io.EOF {
			fmt.Println("EOF at", dec.InputOffset())
			break
		}
		fmt.Printf("%v %T %v\n", v, v, err)
	}

	// Token walk over an array of objects, decoding elements in the middle
	dec = json.NewDecoder(strings.NewReader(`{"events": [{"kind":"a","at":1}, {"kind":"b","at":2}], "count": 2, "ok": true, "none": null}`))
	for {
		tok, err := dec.Token()
		if err != nil {
			fmt.Println("end:", err)
			break
		}
		fmt.Printf("%T %v more=%v\n", tok, tok, dec.More())
		if tok == "events" {
			dec.Token() // [
			for dec.More() {
				var e Event
				fmt.Println(dec.Decode(&e), e)
			}
			t, _ := dec.Token()
			fmt.Println("closed", t)
		}
	}

	dec = json.NewDecoder(strings.NewReader(`{"n": 12345678901234567890, "f": 1.0}`))
	dec.UseNumber()
	var m map[string]any
	fmt.Println(dec.Decode(&m), m)
	n := m["n"].(json.Number)
	_, ierr := n.Int64()
	f, _ := m["f"].(json.Number).Float64()
	fmt.Println(n.String(), ierr, f)

	dec = json.NewDecoder(strings.NewReader(`{"kind":"x","extra":1}`))
	dec.DisallowUnknownFields()
	var e Event
	fmt.Println(dec.Decode(&e), e)

	dec = json.NewDecoder(strings.NewReader(`{"kind":"x"} trailing`))
	fmt.Println(dec.Decode(&e))
	rest, _ := io.ReadAll(dec.Buffered())
	fmt.Printf("buffered %q\n", rest)
	fmt.Println(dec.Decode(&e))

	dec = json.NewDecoder(strings.NewReader(`{"kind": "cut`))
	fmt.Println(dec.Decode(&e))
	dec = json.NewDecoder(strings.NewReader(`[1, }`))
	var arr []int
	fmt.Println(dec.Decode(&arr))
	dec = json.NewDecoder(strings.NewReader(`[1 2]`))
	fmt.Println(dec.Token())
	fmt.Println(dec.Token())
	fmt.Println(dec.Token())

	enc := json.NewEncoder(os.Stdout)
	enc.Encode(map[string]any{"html": "<a href=\"x\">&</a>", "n": []int{1}})
	enc.SetEscapeHTML(false)
	enc.SetIndent(">", "  ")
	enc.Encode(map[string]any{"html": "<b>", "list": []Event{{"k", 1}}, "empty": map[string]int{}})
	enc.Encode("plain")

	var buf bytes.Buffer
	src := []byte(" { \"a\" : [ 1 , 2 , { } , [ ] ] , \"b\" : \"x y\" } \n")
	fmt.Println(json.Compact(&buf, src), buf.String())
	buf.Reset()
	fmt.Println(json.Indent(&buf, src, "", "\t"))
	fmt.Printf("%q\n", buf.String())
	buf.Reset()
	fmt.Println(json.Indent(&buf, []byte(`{"a":}`), "", " "), buf.Len())
	buf.Reset()
	json.HTMLEscape(&buf, []byte(`{"h":"<x>&\u2028"}`+"\u2029"))
	fmt.Println(buf.String())
	for _, s := range []string{`{}`, `[1,2,{"a":null}]`, ` "x" `, `{"a":1,}`, `nul`, ``, `1 2`} {
		fmt.Print(json.Valid([]byte(s)), " ")
	}
	fmt.Println()
}
