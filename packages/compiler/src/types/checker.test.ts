/**
 * Table tests for the type checker: bad programs with the exact diagnostics
 * gc 1.19 prints (verified with `go build -gcflags=-e`), valid programs that
 * must check clean, and Info contents.
 */
import { describe, expect, it } from "vitest";
import { formatDiagnostic, sortDiagnostics } from "../diag.js";
import type * as ast from "../syntax/ast.js";
import { parseFile } from "../syntax/parser.js";
import { FileSet } from "../syntax/position.js";
import { checkFiles, type Importer } from "./checker.js";
import { Info } from "./info.js";
import { Package } from "./object.js";
import { typeString } from "./typestring.js";

/** An importer serving packages checked from the given sources. */
function sourceImporter(fset: FileSet, sources: Record<string, string>): Importer {
  const cache = new Map<string, Package>();
  const imp: Importer = {
    importPackage(path: string) {
      const c = cache.get(path);
      if (c !== undefined) return c;
      const src = sources[path];
      if (src === undefined) return { error: `package ${path} is not in std` };
      const r = parseFile(fset, path + ".go", src);
      const { pkg, errors } = checkFiles({ fset, importer: imp }, path, [r.file]);
      if (errors.length > 0) return { error: errors[0].msg };
      cache.set(path, pkg);
      return pkg;
    },
  };
  return imp;
}

function check(src: string, opts: { deps?: Record<string, string>; info?: Info; goVersion?: string } = {}): string[] {
  const fset = new FileSet();
  const r = parseFile(fset, "a.go", src);
  expect(r.errors.map((e) => formatDiagnostic(fset, e))).toEqual([]);
  const importer = sourceImporter(fset, { os: "package os\n", fmt: "package fmt\n", ...(opts.deps ?? {}) });
  const { errors } = checkFiles({ fset, importer, goVersion: opts.goVersion ?? "go1.19" }, "p", [r.file as ast.File], opts.info);
  return sortDiagnostics(fset, errors).map((d) => formatDiagnostic(fset, d));
}

describe("diagnostics match gc 1.19", () => {
  const cases: [string, string, string[]][] = [
    [
      "unused imports, init loop, overflow, unused vars, missing return",
      `package main

import "os"
import f "fmt"

var x = y
var y = x

type T struct{ a int }

func (T) m() {}

func g() int {
	a := 1
	var b byte = 300
	const c byte = 256
	var s string = 1
	var t T
	t.b = 2
	_ = t.m
	undefinedFn()
	return "x"
}
func h() int {
	if true { return 1 }
}
func main() {
	z := 3
	var i interface{ m() } = 3
	_ = i
	for {
		break L
	}
}
`,
      [
        `a.go:3:8: imported and not used: "os"`,
        `a.go:4:8: imported and not used: "fmt" as f`,
        "a.go:6:5: initialization loop for x\n\ta.go:6:5: x refers to\n\ta.go:7:5: y refers to\n\ta.go:6:5: x",
        "a.go:14:2: a declared but not used",
        "a.go:15:15: cannot use 300 (untyped int constant) as byte value in variable declaration (overflows)",
        "a.go:16:17: cannot use 256 (untyped int constant) as byte value in constant declaration (overflows)",
        "a.go:17:17: cannot use 1 (untyped int constant) as string value in variable declaration",
        "a.go:19:4: t.b undefined (type T has no field or method b)",
        "a.go:21:2: undefined: undefinedFn",
        `a.go:22:9: cannot use "x" (untyped string constant) as int value in return statement`,
        "a.go:26:1: missing return",
        "a.go:28:2: z declared but not used",
        "a.go:29:27: cannot use 3 (constant of type int) as type interface{m()} in variable declaration:\n\tint does not implement interface{m()} (missing m method)",
        "a.go:32:9: break label not defined: L",
      ],
    ],
    [
      "operators and mismatched types",
      `package p

func f(i int, s string, b bool) {
	_ = i + s
	_ = !i
	_ = b + b
	_ = i << s
	_ = s[1.5]
	var f float64 = 1 << 2.5
	_ = f
}
`,
      [
        "a.go:4:6: invalid operation: i + s (mismatched types int and string)",
        "a.go:5:7: invalid operation: operator ! not defined on i (variable of type int)",
        "a.go:6:6: invalid operation: operator + not defined on b (variable of type bool)",
        "a.go:7:11: invalid operation: shift count s (variable of type string) must be integer",
        "a.go:8:8: 1.5 (untyped float constant) truncated to int",
        "a.go:9:23: 2.5 (untyped float constant) truncated to uint",
      ],
    ],
    [
      "assignment mismatch, calls",
      `package p

func two() (int, int) { return 1, 2 }
func one(int) {}

func f() {
	a, b, c := two()
	one(1, 2)
	one()
	var x int = two()
	_, _, _, _ = a, b, c, x
}
`,
      [
        "a.go:7:13: assignment mismatch: 3 variables but two returns 2 values",
        "a.go:8:9: too many arguments in call to one\n\thave (number, number)\n\twant (int)",
        "a.go:9:2: not enough arguments in call to one\n\thave ()\n\twant (int)",
        "a.go:10:14: multiple-value two() (value of type (int, int)) in single-value context",
      ],
    ],
    [
      "redeclarations and labels",
      `package p

var v int
var v string

func f() {
L:
	for {
	}
	goto M
}
`,
      [
        "a.go:4:5: v redeclared in this block\n\ta.go:3:5: other declaration of v",
        "a.go:7:1: label L defined and not used",
        "a.go:10:7: label M not defined",
      ],
    ],
    [
      "invalid recursive type",
      `package p

type T struct{ t T }
type A B
type B A
`,
      [
        "a.go:3:6: invalid recursive type T\n\ta.go:3:6: T refers to\n\ta.go:3:6: T",
        "a.go:4:6: invalid recursive type A\n\ta.go:4:6: A refers to\n\ta.go:5:6: B refers to\n\ta.go:4:6: A",
      ],
    ],
    [
      "generics: constraint not satisfied, cannot infer",
      `package p

type Number interface{ ~int | ~float64 }

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Zero[T any]() T { var z T; return z }

func f() {
	_ = Sum("a", "b")
	_ = Zero()
}
`,
      [
        "a.go:16:9: string does not implement Number (string missing in ~int | ~float64)",
        "a.go:17:10: cannot infer T (a.go:13:11)",
      ],
    ],
    [
      "methods, interfaces, switches, channels",
      `package p

type T struct{}

func (T) M() {}
func (T) M() {}
func (int) N() {}

type I interface{ M(); m() }

var _ I = T{}
var _ I = &T{}

func f(x interface{}) {
	switch x.(type) {
	case int, int:
	}
	switch 1 {
	case 1, 1:
	}
	var c chan<- int
	<-c
	c <- "s"
	_ = x.(T).M
}
`,
      [
        "a.go:6:10: T.M redeclared in this block\n\ta.go:5:10: other declaration of M",
        "a.go:7:7: cannot define new methods on non-local type int",
        "a.go:11:11: cannot use T{} (value of type T) as type I in variable declaration:\n\tT does not implement I (missing m method)\n\t\thave M()\n\t\twant m()",
        "a.go:12:11: cannot use &T{} (value of type *T) as type I in variable declaration:\n\t*T does not implement I (missing m method)\n\t\thave M()\n\t\twant m()",
        "a.go:16:12: duplicate case int in type switch\n\ta.go:16:7: previous case",
        "a.go:19:10: duplicate case 1 (constant of type int) in expression switch\n\ta.go:19:7: previous case",
        "a.go:22:4: invalid operation: cannot receive from send-only channel c (variable of type chan<- int)",
        "a.go:23:7: cannot use \"s\" (untyped string constant) as int value in send"
      ],
    ],
    [
      "constants, overflow, builtins",
      `package p

import "unsafe"

const (
	a = iota * 100
	b
	c uint8 = iota * 100
	d
)

var s []int
var m map[[]int]int

func f() {
	var i int = 1.5
	var u uint = -1
	_ = 1 << 64
	var f32 float32 = 1e100
	_ = unsafe.Sizeof(s) + 1.5
	_ = len(5)
	_ = cap(map[int]int{})
	_ = make([]int)
	_ = new(5)
	copy(s, "abc")
	_, _, _ = i, u, f32
	_ = m
}
`,
      [
        "a.go:9:2: cannot use iota * 100 (untyped int constant 300) as uint8 value in constant declaration (overflows)",
        "a.go:13:11: invalid map key type []int",
        "a.go:16:14: cannot use 1.5 (untyped float constant) as int value in variable declaration (truncated)",
        "a.go:17:15: cannot use -1 (untyped int constant) as uint value in variable declaration (overflows)",
        "a.go:18:6: cannot use 1 << 64 (untyped int constant 18446744073709551616) as int value in assignment to _ identifier (overflows)",
        "a.go:19:20: cannot use 1e100 (untyped float constant 1e+100) as float32 value in variable declaration (overflows)",
        "a.go:20:25: 1.5 (untyped float constant) truncated to uintptr",
        "a.go:21:10: invalid argument: 5 (untyped int constant) for len",
        "a.go:22:10: invalid argument: map[int]int{} (value of type map[int]int) for cap",
        "a.go:23:6: invalid operation: make([]int) expects 2 or 3 arguments; found 1",
        "a.go:24:10: 5 is not a type",
        "a.go:25:7: invalid argument: arguments to copy s (variable of type []int) and \"abc\" (untyped string constant) have different element types int and byte"
      ],
    ],
    [
      "generics: instantiation errors",
      `package p

type G[T any] struct{ v T }

func (g G[T]) Get() T { return g.v }

func F[T comparable](a, b T) bool { return a == b }

type N[T interface{ ~int }] []T

func h() {
	var g G
	_ = F([]int{}, []int{})
	var n N[string]
	_ = F[int, int]
	_ = g
	_ = n
	var x G[int]
	x.Set(1)
}
`,
      [
        "a.go:12:8: cannot use generic type G[T any] without instantiation",
        "a.go:13:7: []int does not implement comparable",
        "a.go:14:10: string does not implement interface{~int} (string missing in ~int)",
        "a.go:15:13: got 2 type arguments but want 1",
        "a.go:19:4: x.Set undefined (type G[int] has no field or method Set)"
      ],
    ],
  ];
  for (const [name, src, want] of cases) {
    it(name, () => {
      expect(check(src)).toEqual(want);
    });
  }
});

describe("errorLimit", () => {
  it("stops after N errors in discovery order, as gc's 10-error cutoff", () => {
    const fset = new FileSet();
    const src = `package p

func f() {
	a := 1
	b := 2
	var x int = "a"
	var y int = "b"
}
`;
    const r = parseFile(fset, "a.go", src);
    const { errors } = checkFiles({ fset, importer: sourceImporter(fset, {}), errorLimit: 3 }, "p", [r.file]);
    // the two assignment errors are found first, then the unused variables in source order
    expect(sortDiagnostics(fset, errors).map((d) => formatDiagnostic(fset, d))).toEqual([
      "a.go:4:2: a declared but not used",
      `a.go:6:14: cannot use "a" (untyped string constant) as int value in variable declaration`,
      `a.go:7:14: cannot use "b" (untyped string constant) as int value in variable declaration`,
    ]);
  });
});

describe("valid programs check clean", () => {
  const progs: [string, string][] = [
    [
      "generics, embedding, method values and expressions",
      `package p

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(x T) { s.items = append(s.items, x) }
func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	x := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return x, true
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

type Ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~float32 | ~float64 | ~string
}

func Max[T Ordered](a, b T) T {
	if a > b {
		return a
	}
	return b
}

type Base struct{ n int }

func (b Base) N() int   { return b.n }
func (b *Base) Inc()    { b.n++ }

type Derived struct {
	Base
	name string
}

func use() {
	var s Stack[int]
	s.Push(1)
	v, ok := s.Pop()
	_, _ = v, ok
	strs := Map([]int{1, 2}, func(i int) string { return string(rune('a' + i)) })
	_ = strs
	_ = float64(Max(1, 2)) + Max[float64](1.5, 2)
	_ = Max("a", "b")
	d := &Derived{}
	d.Inc()
	f := d.N
	g := (*Derived).Inc
	h := Base.N
	g(d)
	_ = f() + h(d.Base)
}
`,
    ],
    [
      "closures, labeled loops, type switches, select, defer/recover",
      `package p

type Shape interface{ Area() float64 }
type Sq struct{ s float64 }

func (q Sq) Area() float64 { return q.s * q.s }

func classify(x interface{}) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case int, int64:
		return "int"
	case Shape:
		_ = v.Area()
		return "shape"
	case func() int:
		return "func"
	default:
		_ = v
		return "other"
	}
}

func loops(m [][]int, ch chan int, done <-chan struct{}) (n int) {
	defer func() {
		if r := recover(); r != nil {
			n = -1
		}
	}()
outer:
	for i := range m {
		for j, v := range m[i] {
			if v < 0 {
				continue outer
			}
			if j > 10 {
				break outer
			}
			n += v
		}
	}
	counter := func() func() int {
		c := 0
		return func() int { c++; return c }
	}()
	_ = counter()
	for {
		select {
		case v, ok := <-ch:
			if !ok {
				return
			}
			n += v
		case ch <- 1:
		case <-done:
			return n
		}
	}
}
`,
    ],
    [
      "iota, constants, conversions, unsafe",
      `package p

import "unsafe"

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

const (
	_  = iota
	KB = 1 << (10 * iota)
	MB
	GB
)

const big = 1 << 100
const small = big >> 98
const f32 float32 = 1e38
const s = "héllo"
const n = len(s)

type T struct {
	a byte
	b int64
	c [3]uint16
}

var arr [unsafe.Sizeof(T{})]byte
var off = unsafe.Offsetof(T{}.c)
var al = unsafe.Alignof(int64(0))

func conv() {
	var x uint8 = 255
	var y = int(x) + small
	var r = rune(y)
	str := string(r) + string([]byte{65}) + string([]rune{0x263a})
	bs := []byte(str)
	var fl = float64(y) / 3
	var c = complex(fl, 2)
	var p = unsafe.Pointer(&x)
	var u = uintptr(p)
	_, _, _, _ = bs, c, u, arr
	_ = Monday + Tuesday
	var w Weekday = 3
	_ = w
	_ = KB + MB + GB
	_ = [n]int{}
}
`,
    ],
  ];
  for (const [name, src] of progs) {
    it(name, () => {
      expect(check(src)).toEqual([]);
    });
  }

  it("imports through the importer", () => {
    const deps = {
      "example.com/geo": `package geo

type Point struct{ X, Y int }

func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }

func Origin() Point { return Point{} }
`,
    };
    expect(
      check(
        `package p

import g "example.com/geo"

func f() g.Point { return g.Origin().Add(g.Point{X: 1}) }
`,
        { deps },
      ),
    ).toEqual([]);
    expect(check(`package p

import "nope/missing"
`)).toEqual(["a.go:3:8: could not import nope/missing (package nope/missing is not in std)"]);
  });
});

describe("Info", () => {
  it("records types, constant values, defs/uses, selections, instances and init order", () => {
    const info = new Info();
    const src = `package p

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) First() K { return p.Key }

const c = 1 << 3

var b = a + 1
var a = c

func f() {
	p := Pair[string, int]{"x", 1}
	_ = p.First()
	_ = p.Val
}
`;
    expect(check(src, { info })).toEqual([]);
    const byExpr = new Map<string, string>();
    for (const [e, tv] of info.types) {
      const k = exprKey(e);
      if (k !== null) byExpr.set(k, typeString(tv.type, null) + (tv.value !== null ? " = " + tv.value.toString() : ""));
    }
    expect(byExpr.get("BinaryExpr:1 << 3")).toBe("untyped int = 8");
    expect(byExpr.get("BinaryExpr:a + 1")).toBe("int");
    expect(byExpr.get("SelectorExpr:p.Val")).toBe("int");
    expect(byExpr.get("CallExpr:p.First()")).toBe("string");
    const inits = info.initOrder.map((i) => i.lhs.map((v) => v.name).join(","));
    expect(inits).toEqual(["a", "b"]);
    const inst = [...info.instances.entries()].map(([id, i]) => `${id.name}[${i.typeArgs.map((t) => typeString(t, null)).join(",")}]`);
    expect(inst).toContain("Pair[string,int]");
    const sels = [...info.selections.values()].map((s) => `${s.obj.name}:${s.kind}`);
    expect(sels).toContain("First:1");
    expect(sels).toContain("Val:0");
    const defs = [...info.defs.entries()].filter(([, o]) => o !== null).map(([id]) => id.name);
    expect(defs).toEqual(expect.arrayContaining(["Pair", "K", "V", "Key", "Val", "First", "c", "b", "a", "f", "p"]));
  });
});

function exprKey(e: ast.Expr): string | null {
  // reconstruct short source text for the few node kinds used above
  switch (e.kind) {
    case "BinaryExpr": {
      const x = exprKey(e.x);
      const y = exprKey(e.y);
      return x !== null && y !== null ? `BinaryExpr:${strip(x)} ${e.op} ${strip(y)}` : null;
    }
    case "BasicLit":
      return `BasicLit:${e.value}`;
    case "Ident":
      return `Ident:${e.name}`;
    case "SelectorExpr": {
      const x = exprKey(e.x);
      return x !== null ? `SelectorExpr:${strip(x)}.${e.sel.name}` : null;
    }
    case "CallExpr": {
      const f = exprKey(e.fun);
      return f !== null && e.args.length === 0 ? `CallExpr:${strip(f)}()` : null;
    }
  }
  return null;
}

function strip(k: string): string {
  return k.slice(k.indexOf(":") + 1);
}
