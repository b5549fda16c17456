package main

// Slice to array-pointer conversions: Go's length check and its panic.

func conv(s []int) (p *[3]int, err string) {
	defer func() {
		if r := recover(); r != nil {
			err = r.(error).Error()
		}
	}()
	return (*[3]int)(s), ""
}

func main() {
	s := []int{1, 2, 3, 4}
	p, e := conv(s)
	p[1] = 20
	println(p != nil, e, s[1], len(p))
	_, e = conv(s[:2])
	println(e)
	var n []byte
	println((*[0]byte)(n) == nil, (*[0]byte)(make([]byte, 0)) == nil)
	_ = (*[5]int)(s[1:])
}
