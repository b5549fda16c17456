//go:build ignore

// Differential test: gort's errors against Go's on wrapping chains, Is/As
// methods and the panics of As.
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	oe "gortstd/errors"
)

var fails int

func check(what string, got, want any) {
	if fmt.Sprint(got) != fmt.Sprint(want) {
		fails++
		fmt.Printf("%s: got %v want %v\n", what, got, want)
	}
}

type wrap struct {
	msg string
	err error
}

func (w wrap) Error() string { return w.msg + ": " + w.err.Error() }
func (w wrap) Unwrap() error { return w.err }

type isAll struct{}

func (isAll) Error() string        { return "isAll" }
func (isAll) Is(target error) bool { return true }

type asTarget struct{ n int }

func (a *asTarget) Error() string { return fmt.Sprint("asTarget ", a.n) }

type asser struct{}

func (asser) Error() string { return "asser" }
func (asser) As(t any) bool {
	if p, ok := t.(**asTarget); ok {
		*p = &asTarget{42}
		return true
	}
	return false
}

type uncomparable []int

func (u uncomparable) Error() string { return "uncomparable" }

func catch(f func()) (s string) {
	defer func() { s = fmt.Sprint(recover()) }()
	f()
	return
}

func main() {
	a, b := oe.New("x"), oe.New("x")
	check("distinct", a == b, false)
	check("text", a.Error(), "x")
	check("Unwrap nil", oe.Unwrap(a), nil)
	for _, mk := range []func(string) error{oe.New, errors.New} {
		base := mk("base")
		chain := wrap{"l2", wrap{"l1", base}}
		check("Is chain", oe.Is(chain, base), errors.Is(chain, base))
		check("Is other", oe.Is(chain, mk("base")), errors.Is(chain, mk("base")))
		check("Is nil,nil", oe.Is(nil, nil), errors.Is(nil, nil))
		check("Is x,nil", oe.Is(chain, nil), errors.Is(chain, nil))
		check("Is isAll", oe.Is(isAll{}, base), errors.Is(isAll{}, base))
		check("Is uncomparable", oe.Is(uncomparable{1}, uncomparable{1}), errors.Is(uncomparable{1}, uncomparable{1}))
		check("Is wrapped uncomparable target", oe.Is(wrap{"w", uncomparable{}}, uncomparable{}), errors.Is(wrap{"w", uncomparable{}}, uncomparable{}))
		check("Unwrap", oe.Unwrap(chain), errors.Unwrap(chain))
		var t1, t2 *asTarget
		c2 := wrap{"w", &asTarget{7}}
		check("As ptr", oe.As(c2, &t1), errors.As(c2, &t2))
		check("As ptr val", t1, t2)
		var w1, w2 wrap
		check("As struct", oe.As(c2, &w1), errors.As(c2, &w2))
		check("As struct val", w1, w2)
		t1, t2 = nil, nil
		check("As method", oe.As(wrap{"w", asser{}}, &t1), errors.As(wrap{"w", asser{}}, &t2))
		check("As method val", t1, t2)
		var i1, i2 interface{ Unwrap() error }
		check("As iface", oe.As(chain, &i1), errors.As(chain, &i2))
		check("As iface val", i1, i2)
		var pe1, pe2 *fs.PathError
		check("As miss", oe.As(chain, &pe1), errors.As(chain, &pe2))
		check("As nil err", oe.As(nil, &pe1), errors.As(nil, &pe2))
		check("As panic nil", catch(func() { oe.As(chain, nil) }), catch(func() { errors.As(chain, nil) }))
		check("As panic nonptr", catch(func() { oe.As(chain, 3) }), catch(func() { errors.As(chain, 3) }))
		check("As panic nilptr", catch(func() { oe.As(chain, (*error)(nil)) }), catch(func() { errors.As(chain, (*error)(nil)) }))
		var n int
		check("As panic elem", catch(func() { oe.As(chain, &n) }), catch(func() { errors.As(chain, &n) }))
	}
	if fails > 0 {
		fmt.Printf("FAIL errors: %d mismatches\n", fails)
		os.Exit(1)
	}
	fmt.Println("ok errors")
}
