// encoding/json round trips of nested structs with tags: omitempty, "-",
// ",string", embedded structs (promotion and conflicts), pointers, maps with
// int and TextMarshaler keys, Marshaler/Unmarshaler, RawMessage, Number,
// []byte as base64, interfaces, HTML escaping and float formatting.
package main

import (
	"encoding/json"
	"fmt"
	"strings"
)

type Level int

func (l Level) MarshalText() ([]byte, error) { return []byte(strings.Repeat("*", int(l))), nil }
func (l *Level) UnmarshalText(b []byte) error {
	*l = Level(len(b))
	return nil
}

type Money struct{ Cents int64 }

func (m Money) MarshalJSON() ([]byte, error) {
	return []byte(fmt.Sprintf(`"$%d.%02d"`, m.Cents/100, m.Cents%100)), nil
}
func (m *Money) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	var d, c int64
	fmt.Sscanf(s, "$%d.%d", &d, &c)
	m.Cents = d*100 + c
	return nil
}

type Audit struct {
	CreatedBy string `json:"created_by"`
	Version   int    `json:"version,omitempty"`
}

type Item struct {
	SKU   string  `json:"sku"`
	Qty   int     `json:"qty,string"`
	Price Money   `json:"price"`
	Note  *string `json:"note,omitempty"`
}

type Order struct {
	Audit
	ID        int64             `json:"id"`
	Customer  struct{ Name, Email string }
	Items     []Item            `json:"items"`
	Levels    map[Level]bool    `json:"levels"`
	ByID      map[int]string    `json:"by_id"`
	Extra     json.RawMessage   `json:"extra"`
	Weight    json.Number       `json:"weight"`
	Blob      []byte            `json:"blob"`
	Attrs     map[string]any    `json:"attrs,omitempty"`
	Skip      string            `json:"-"`
	Dash      string            `json:"-,"`
	Ratio     float32           `json:"ratio"`
	Empty     []int             `json:"empty"`
	Nil       []int             `json:"nil"`
	Iface     any               `json:"iface"`
	Tagged    bool              `json:",omitempty"`
	Ptrs      []*Audit          `json:"ptrs"`
	Arr       [3]uint8          `json:"arr"`
	Matrix    [][]float64       `json:"matrix"`
	unexport  int
}

func main() {
	note := "fragile <glass> & \"things\""
	o := Order{
		Audit:    Audit{CreatedBy: "ops"},
		ID:       1 << 53,
		Items:    []Item{{"A-1", 2, Money{1999}, &note}, {"B-2", 10, Money{5}, nil}},
		Levels:   map[Level]bool{3: true, 1: false},
		ByID:     map[int]string{10: "ten", -2: "minus two", 3: "three"},
		Extra:    json.RawMessage(`{"k": [true, null]}`),
		Weight:   "12.50",
		Blob:     []byte("\x00\xffgort"),
		Attrs:    map[string]any{"z": 1.5, "a": []any{"x", 2, nil}, "m": map[string]int{"q": 1}},
		Skip:     "never",
		Dash:     "dash",
		Ratio:    0.1,
		Empty:    []int{},
		Iface:    Item{SKU: "iface"},
		Ptrs:     []*Audit{{"p", 2}, nil},
		Arr:      [3]uint8{1, 2, 3},
		Matrix:   [][]float64{{1e21, 1e20, 1e-7, 0.000001}, {-0.5, 3}},
		unexport: 9,
	}
	o.Customer.Name = "Zoë"
	o.Customer.Email = "z@example.com"
	b, err := json.Marshal(o)
	fmt.Println(string(b), err)
	var back Order
	err = json.Unmarshal(b, &back)
	fmt.Println(err)
	fmt.Printf("%+v\n", back.Audit)
	fmt.Println(back.ID, back.Customer, back.Items[0].SKU, back.Items[0].Qty, back.Items[0].Price.Cents, *back.Items[0].Note, back.Items[1].Note == nil)
	fmt.Println(back.Levels, back.ByID, string(back.Extra), back.Weight, back.Blob, back.Skip == "", back.Dash)
	fmt.Println(back.Attrs, back.Ratio, back.Empty != nil, back.Nil == nil, back.Iface)
	fmt.Println(*back.Ptrs[0], back.Ptrs[1], back.Arr, back.Matrix)
	b2, _ := json.Marshal(back)
	fmt.Println(string(b2) == string(b))

	ind, _ := json.MarshalIndent(map[string]any{"list": []int{}, "obj": map[string]int{}, "n": nil, "s": []any{1, map[string]bool{"t": true}}}, "# ", "\t")
	fmt.Println(string(ind))

	// decoding into interfaces, existing values and pointers
	var anyv any
	json.Unmarshal([]byte(` [1, "two", {"three": [3.5e2, false]}, null] `), &anyv)
	fmt.Printf("%v %T\n", anyv, anyv.([]any)[0])
	existing := map[string]int{"keep": 1}
	json.Unmarshal([]byte(`{"new": 2, "keep": 3}`), &existing)
	fmt.Println(existing)
	var pp **Item
	json.Unmarshal([]byte(`{"sku": "deep", "qty": "7"}`), &pp)
	fmt.Println((**pp).SKU, (**pp).Qty)
	arr := [2]string{"x", "y"}
	json.Unmarshal([]byte(`["only"]`), &arr)
	fmt.Printf("%q\n", arr)
	sl := []int{9, 9, 9, 9}
	json.Unmarshal([]byte(`[1, 2]`), &sl)
	fmt.Println(sl, len(sl))
	var caseless struct{ UserName string }
	json.Unmarshal([]byte(`{"USERNAME": "folded", "unknown": 1}`), &caseless)
	fmt.Println(caseless.UserName)
	var esc string
	json.Unmarshal([]byte(`"\u00e9\ud83d\ude00\n\t\"\\\/\ud800x"`), &esc)
	fmt.Printf("%q\n", esc)
	s, _ := json.Marshal("é😀\u2028<>&\x01\x7f\xff")
	fmt.Println(string(s))
}
