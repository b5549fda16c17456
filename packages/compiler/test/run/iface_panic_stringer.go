package main

type Color int

func (c Color) String() string {
	switch c {
	case 0:
		return "red"
	case 1:
		return "green"
	}
	return "blue"
}

type Plain struct{ a, b int }

func main() {
	var vals []interface{}
	vals = append(vals, Color(1), Plain{1, 2})
	for _, v := range vals {
		if s, ok := v.(interface{ String() string }); ok {
			println(s.String())
		}
	}
	panic(Color(1))
}
