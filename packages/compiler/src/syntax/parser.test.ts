import { describe, it, expect } from "vitest";
import type * as ast from "./ast.js";
import { nodePos, nodeEnd, inspect } from "./ast.js";
import { FileSet } from "./position.js";
import { parseFile } from "./parser.js";
import { exprString } from "./printer.js";

function parse(src: string, opts?: Parameters<typeof parseFile>[3]): { file: ast.File; fset: FileSet } {
  const fset = new FileSet();
  const { file, errors } = parseFile(fset, "t.go", src, opts);
  if (errors.length > 0) throw new Error("unexpected errors: " + errors.map((e) => e.msg).join("; "));
  return { file, fset };
}

/** Structural rendering (fully parenthesised) to check tree shape, not just text. */
function sx(n: ast.Node | undefined): string {
  if (n === undefined) return "_";
  switch (n.kind) {
    case "Ident": return n.name;
    case "BasicLit": return n.value;
    case "BinaryExpr": return `(${n.op} ${sx(n.x)} ${sx(n.y)})`;
    case "UnaryExpr": return `(${n.op} ${sx(n.x)})`;
    case "StarExpr": return `(* ${sx(n.x)})`;
    case "ParenExpr": return `(paren ${sx(n.x)})`;
    case "SelectorExpr": return `(. ${sx(n.x)} ${n.sel.name})`;
    case "CallExpr": return `(call ${sx(n.fun)}${n.args.map((a) => " " + sx(a)).join("")}${n.ellipsis ? " ..." : ""})`;
    case "IndexExpr": return `(index ${sx(n.x)} ${sx(n.index)})`;
    case "IndexListExpr": return `(index ${sx(n.x)}${n.indices.map((a) => " " + sx(a)).join("")})`;
    case "SliceExpr": return `(slice ${sx(n.x)} ${sx(n.low)} ${sx(n.high)}${n.slice3 ? " " + sx(n.max) : ""})`;
    case "TypeAssertExpr": return `(assert ${sx(n.x)} ${n.type === undefined ? "type" : sx(n.type)})`;
    case "CompositeLit": return `(lit ${sx(n.type)}${n.elts.map((a) => " " + sx(a)).join("")})`;
    case "KeyValueExpr": return `(kv ${sx(n.key)} ${sx(n.value)})`;
    case "ArrayType": return `(array ${sx(n.len)} ${sx(n.elt)})`;
    case "Ellipsis": return `(... ${sx(n.elt)})`;
    case "MapType": return `(map ${sx(n.key)} ${sx(n.value)})`;
    case "ChanType": return `(chan ${n.dir} ${sx(n.value)})`;
    case "FuncLit": return `(funclit ${exprString(n.type)})`;
    default: return exprString(n as ast.Expr);
  }
}

function expr(src: string): ast.Expr {
  const { file } = parse(`package p\nvar _ = ${src}\n`);
  const d = file.decls[0] as ast.GenDecl;
  return (d.specs[0] as ast.ValueSpec).values[0];
}

function typ(src: string): ast.Expr {
  const { file } = parse(`package p\nvar _ ${src}\n`);
  const d = file.decls[0] as ast.GenDecl;
  return (d.specs[0] as ast.ValueSpec).type as ast.Expr;
}

function stmts(src: string): ast.Stmt[] {
  const { file } = parse(`package p\nfunc f() {\n${src}\n}\n`);
  return ((file.decls[0] as ast.FuncDecl).body as ast.BlockStmt).list;
}

function decl(src: string): ast.Decl {
  return parse(`package p\n${src}\n`).file.decls[0];
}

describe("expressions", () => {
  const cases: [string, string][] = [
    ["a + b * c", "(+ a (* b c))"],
    ["a * b + c", "(+ (* a b) c)"],
    ["a || b && c == d", "(|| a (&& b (== c d)))"],
    ["a - b - c", "(- (- a b) c)"],
    ["a &^ b << 2 | c", "(| (<< (&^ a b) 2) c)"],
    ["-x + ^y", "(+ (- x) (^ y))"],
    ["!ok", "(! ok)"],
    ["*p.f", "(* (. p f))"],
    ["&T{1}", "(& (lit T 1))"],
    ["<-ch", "(<- ch)"],
    ["<-<-ch", "(<- (<- ch))"],
    ["(a + b) * c", "(* (paren (+ a b)) c)"],
    ["f(x, y...)", "(call f x y ...)"],
    ["f(x, y,)", "(call f x y)"],
    ["a.b.c(d)[e]", "(index (call (. (. a b) c) d) e)"],
    ["a[i:j]", "(slice a i j)"],
    ["a[:]", "(slice a _ _)"],
    ["a[i:j:k]", "(slice a i j k)"],
    ["a[:j:k]", "(slice a _ j k)"],
    ["x.(T)", "(assert x T)"],
    ["x.(*p.T)", "(assert x (* (. p T)))"],
    ["[]int{1, 2}", "(lit (array _ int) 1 2)"],
    ["[...]string{\"a\"}", "(lit (array (... _) string) \"a\")"],
    ["map[string]int{\"a\": 1}", "(lit (map string int) (kv \"a\" 1))"],
    ["[][]int{{1}, {2, 3}}", "(lit (array _ (array _ int)) (lit _ 1) (lit _ 2 3))"],
    ["map[K]V{{1}: {2}}", "(lit (map K V) (kv (lit _ 1) (lit _ 2)))"],
    ["struct{ x int }{1}", "(lit struct{x int} 1)"],
    ["p.T{x: 1}", "(lit (. p T) (kv x 1))"],
    ["T[int]{}", "(lit (index T int))"],
    ["T[K, V]{}", "(lit (index T K V))"],
    ["f[int](x)", "(call (index f int) x)"],
    ["f[int, string]", "(index f int string)"],
    ["pkg.F[T]", "(index (. pkg F) T)"],
    ["[]byte(s)", "(call (array _ byte) s)"],
    ["(*T).m", "(. (paren (* T)) m)"],
    ["func(x int) int { return x }", "(funclit func(x int) int)"],
    ["func() {}()", "(call (funclit func()))"],
    ["chan int(nil)", "(call (chan BOTH int) nil)"],
    ["(<-chan int)(c)", "(call (paren (chan RECV int)) c)"],
    ["1.5e3i", "1.5e3i"],
    ["'\\n'", "'\\n'"],
    ["`raw`", "`raw`"],
  ];
  for (const [src, want] of cases) {
    it(src, () => {
      expect(sx(expr(src))).toBe(want);
    });
  }
});

describe("types", () => {
  const cases: [string, string][] = [
    ["int", "int"],
    ["*int", "(* int)"],
    ["[]int", "(array _ int)"],
    ["[4]int", "(array 4 int)"],
    ["[N * 2]int", "(array (* N 2) int)"],
    ["map[string][]int", "(map string (array _ int))"],
    ["chan int", "(chan BOTH int)"],
    ["chan<- int", "(chan SEND int)"],
    ["<-chan int", "(chan RECV int)"],
    ["chan<- chan int", "(chan SEND (chan BOTH int))"],
    ["chan (<-chan int)", "(chan BOTH (paren (chan RECV int)))"],
    ["<-chan <-chan int", "(chan RECV (chan RECV int))"],
    ["func(int, string) (bool, error)", "func(int, string) (bool, error)"],
    ["func(a, b int, c ...string) error", "func(a, b int, c ...string) error"],
    ["func(...int)", "func(...int)"],
    ["struct{ a, b int; c string `json:\"c\"`; T; *p.U }", "struct{a, b int; c string `json:\"c\"`; T; *p.U}"],
    ["interface{ M(int) string; io.Reader; ~int | ~string; comparable }", "interface{M(int) string; io.Reader; ~int | ~string; comparable}"],
    ["p.T[int, string]", "(index (. p T) int string)"],
    ["(int)", "(paren int)"],
  ];
  for (const [src, want] of cases) {
    it(src, () => {
      expect(sx(typ(src))).toBe(want);
    });
  }

  it("groups parameter names like go/ast", () => {
    const t = typ("func(a, b int, c string)") as ast.FuncType;
    expect(t.params.list.map((f) => f.names.map((n) => n.name))).toEqual([["a", "b"], ["c"]]);
    expect(t.params.list[0].type).toBe(t.params.list[0].type);
    const u = typ("func(int, string)") as ast.FuncType;
    expect(u.params.list.map((f) => f.names.length)).toEqual([0, 0]);
  });

  it("parses struct fields with embedded generic types", () => {
    const t = typ("struct{ T[int]; a [N]int; b []T; p.G[K, V] }") as ast.StructType;
    expect(t.fields.list.map((f) => [f.names.map((n) => n.name).join(","), sx(f.type)])).toEqual([
      ["", "(index T int)"],
      ["a", "(array N int)"],
      ["b", "(array _ T)"],
      ["", "(index (. p G) K V)"],
    ]);
  });

  it("parses interface elements", () => {
    const t = typ("interface{ m(); ~int | string; E[T] }") as ast.InterfaceType;
    const l = t.methods.list;
    expect(l[0].names[0].name).toBe("m");
    expect(l[0].type.kind).toBe("FuncType");
    expect(sx(l[1].type)).toBe("(| (~ int) string)");
    expect(sx(l[2].type)).toBe("(index E T)");
  });
});

describe("generics", () => {
  it("parses type parameter lists on functions", () => {
    const d = decl("func Map[K comparable, V any, R ~[]V](m map[K]V, f func(V) R) []R { return nil }") as ast.FuncDecl;
    const tp = d.type.typeParams as ast.FieldList;
    expect(tp.list.map((f) => [f.names.map((n) => n.name).join(","), sx(f.type)])).toEqual([
      ["K", "comparable"],
      ["V", "any"],
      ["R", "(~ (array _ V))"],
    ]);
  });

  it("parses generic type declarations", () => {
    const d = decl("type List[T any] struct{ next *List[T]; val T }") as ast.GenDecl;
    const s = d.specs[0] as ast.TypeSpec;
    expect(s.typeParams?.list[0].names[0].name).toBe("T");
    expect(s.type.kind).toBe("StructType");
  });

  const ambiguous: [string, string, string | undefined][] = [
    // [source, type, type parameters] — resolved as gc does
    ["type A [N]int", "(array N int)", undefined],
    ["type A [N * 2]int", "(array (* N 2) int)", undefined],
    ["type A[P *C] int", "(array (* P C) int)", undefined],
    ["type A[P *C,] int", "int", "P (* C)"],
    ["type A[P *[]int] int", "int", "P (* (array _ int))"],
    ["type A[P interface{}] int", "int", "P interface{}"],
    ["type A[P ~int | string] int", "int", "P (| (~ int) string)"],
    ["type A[P any, Q any] int", "int", "P any,Q any"],
    ["type A[P, Q any] int", "int", "P any,Q any"],
    ["type A[P C[int]] int", "int", "P (index C int)"],
    ["type A[P (C)] int", "(array (call P C) int)", undefined],
    ["type A[P (C),] int", "int", "P C"],
    ["type A[P []C] int", "int", "P (array _ C)"],
    ["type A [] int", "(array _ int)", undefined],
    ["type A [...]int", "(array (... _) int)", undefined],
  ];
  for (const [src, t, tps] of ambiguous) {
    it(src, () => {
      const s = (decl(src) as ast.GenDecl).specs[0] as ast.TypeSpec;
      expect(sx(s.type)).toBe(t);
      const got = s.typeParams?.list.flatMap((f) => f.names.map((n) => `${n.name} ${sx(f.type)}`)).join(",");
      expect(got).toBe(tps);
    });
  }

  it("parses aliases and generic method receivers", () => {
    const a = (decl("type A = B") as ast.GenDecl).specs[0] as ast.TypeSpec;
    expect(a.assign).toBeGreaterThan(0);
    const m = decl("func (l *List[T]) Push(v T) {}") as ast.FuncDecl;
    expect(sx(m.recv?.list[0].type)).toBe("(* (index List T))");
    const m2 = decl("func (m Map[K, V]) Len() int { return 0 }") as ast.FuncDecl;
    expect(sx(m2.recv?.list[0].type)).toBe("(index Map K V)");
  });
});

describe("statements", () => {
  it("simple statements", () => {
    const l = stmts("x := 1\nx = 2\nx += 3\nx++\ny--\nch <- v\nf()\na, b = b, a\n;");
    expect(l.map((s) => s.kind)).toEqual([
      "AssignStmt", "AssignStmt", "AssignStmt", "IncDecStmt", "IncDecStmt", "SendStmt", "ExprStmt", "AssignStmt", "EmptyStmt",
    ]);
    expect((l[0] as ast.AssignStmt).tok).toBe(":=");
    expect((l[2] as ast.AssignStmt).tok).toBe("+=");
    expect((l[3] as ast.IncDecStmt).tok).toBe("++");
    expect((l[7] as ast.AssignStmt).lhs.length).toBe(2);
    expect((l[8] as ast.EmptyStmt).implicit).toBe(false);
  });

  it("if / else if / else", () => {
    const [s] = stmts("if x := f(); x > 0 {\n} else if y {\n} else {\n}") as [ast.IfStmt];
    expect(s.init?.kind).toBe("AssignStmt");
    expect(sx(s.cond)).toBe("(> x 0)");
    expect(s.else?.kind).toBe("IfStmt");
    expect((s.else as ast.IfStmt).else?.kind).toBe("BlockStmt");
  });

  it("long else-if chains need no stack", () => {
    const src = "if a {\n}" + " else if a {\n}".repeat(20000);
    const [s] = stmts(src) as [ast.IfStmt];
    let n = 0;
    for (let c: ast.Stmt | undefined = s; c !== undefined && c.kind === "IfStmt"; c = c.else) n++;
    expect(n).toBe(20001);
  });

  it("composite literals are not parsed in control clauses unless parenthesised", () => {
    const [s] = stmts("if x == (T{}) {\n}") as [ast.IfStmt];
    expect(sx(s.cond)).toBe("(== x (paren (lit T)))");
    const [t] = stmts("for _, v := range []T{a, b} {\n}") as [ast.RangeStmt];
    expect(sx(t.x)).toBe("(lit (array _ T) a b)");
  });

  it("for loops, including Go 1.22 range over int", () => {
    const l = stmts("for {\n}\nfor x < 10 {\n}\nfor i := 0; i < n; i++ {\n}\nfor ;; {\n}\nfor range 10 {\n}\nfor i := range n {\n}\nfor k, v := range m {\n}\nfor k = range m {\n}");
    expect(l.map((s) => s.kind)).toEqual(["ForStmt", "ForStmt", "ForStmt", "ForStmt", "RangeStmt", "RangeStmt", "RangeStmt", "RangeStmt"]);
    const r0 = l[4] as ast.RangeStmt;
    expect([r0.tok, r0.tokPos, r0.key, r0.value, sx(r0.x)]).toEqual(["ILLEGAL", 0, undefined, undefined, "10"]);
    const r1 = l[5] as ast.RangeStmt;
    expect([r1.tok, sx(r1.key), sx(r1.x)]).toEqual([":=", "i", "n"]);
    const r2 = l[6] as ast.RangeStmt;
    expect([sx(r2.key), sx(r2.value)]).toEqual(["k", "v"]);
    expect((l[7] as ast.RangeStmt).tok).toBe("=");
    const f = l[2] as ast.ForStmt;
    expect([f.init?.kind, sx(f.cond), f.post?.kind]).toEqual(["AssignStmt", "(< i n)", "IncDecStmt"]);
    expect(r0.range).toBeGreaterThan(r0.for);
  });

  it("switch and type switch", () => {
    const l = stmts("switch x := f(); x {\ncase 1, 2:\n\tg()\n\tfallthrough\ndefault:\n}\nswitch {\n}\nswitch v := x.(type) {\ncase int, nil:\ncase error:\n}\nswitch x.(type) {\n}");
    const s = l[0] as ast.SwitchStmt;
    expect([s.init?.kind, sx(s.tag)]).toEqual(["AssignStmt", "x"]);
    const cc = s.body.list as ast.CaseClause[];
    expect(cc.map((c) => c.list.length)).toEqual([2, 0]);
    expect(cc[0].body.map((b) => b.kind)).toEqual(["ExprStmt", "BranchStmt"]);
    expect((l[1] as ast.SwitchStmt).tag).toBeUndefined();
    const ts = l[2] as ast.TypeSwitchStmt;
    expect(ts.kind).toBe("TypeSwitchStmt");
    expect(ts.assign.kind).toBe("AssignStmt");
    expect(((ts.assign as ast.AssignStmt).rhs[0] as ast.TypeAssertExpr).type).toBeUndefined();
    expect((l[3] as ast.TypeSwitchStmt).assign.kind).toBe("ExprStmt");
  });

  it("select", () => {
    const [s] = stmts("select {\ncase v := <-c:\ncase c <- 1:\ncase <-d:\ncase x, ok = <-e:\ndefault:\n}") as [ast.SelectStmt];
    const cc = s.body.list as ast.CommClause[];
    expect(cc.map((c) => c.comm?.kind)).toEqual(["AssignStmt", "SendStmt", "ExprStmt", "AssignStmt", undefined]);
  });

  it("branches, labels, go, defer, return, decls, blocks", () => {
    const l = stmts("L:\n\tfor {\n\t\tbreak L\n\t\tcontinue L\n\t}\ngoto L\ngo f(x)\ndefer func() {}()\nreturn 1, 2\nvar x int\nconst c = 1\ntype T int\n{\n}\nM:\n");
    expect(l.map((s) => s.kind)).toEqual(["LabeledStmt", "BranchStmt", "GoStmt", "DeferStmt", "ReturnStmt", "DeclStmt", "DeclStmt", "DeclStmt", "BlockStmt", "LabeledStmt"]);
    const ls = l[0] as ast.LabeledStmt;
    expect(ls.label.name).toBe("L");
    const inner = (ls.stmt as ast.ForStmt).body.list as ast.BranchStmt[];
    expect(inner.map((b) => [b.tok, b.label?.name])).toEqual([["break", "L"], ["continue", "L"]]);
    expect((l[4] as ast.ReturnStmt).results.length).toBe(2);
    const last = l[9] as ast.LabeledStmt;
    expect(last.stmt.kind).toBe("EmptyStmt");
    expect((last.stmt as ast.EmptyStmt).implicit).toBe(true);
  });
});

describe("declarations and files", () => {
  it("imports, consts with iota, grouped vars", () => {
    const { file } = parse('package main\n\nimport (\n\t"fmt"\n\tstr "strings"\n\t. "math"\n\t_ "embed"\n)\nimport "os"\n\nconst (\n\tA = iota\n\tB\n)\nvar (\n\tx, y int = 1, 2\n\tz = 3\n)\nfunc main() {}\n');
    expect(file.name.name).toBe("main");
    expect(file.imports.map((i) => [i.name?.name, i.path.value])).toEqual([
      [undefined, '"fmt"'], ["str", '"strings"'], [".", '"math"'], ["_", '"embed"'], [undefined, '"os"'],
    ]);
    const c = file.decls[2] as ast.GenDecl;
    expect(c.tok).toBe("const");
    expect(c.lparen).toBeGreaterThan(0);
    expect((c.specs[1] as ast.ValueSpec).values).toEqual([]);
    const v = (file.decls[3] as ast.GenDecl).specs[0] as ast.ValueSpec;
    expect([v.names.length, sx(v.type), v.values.length]).toEqual([2, "int", 2]);
    expect(file.decls[4].kind).toBe("FuncDecl");
  });

  it("external functions have no body; methods have receivers", () => {
    const { file } = parse("package p\nfunc f(int) int\nfunc (t *T) M() {}\n");
    expect((file.decls[0] as ast.FuncDecl).body).toBeUndefined();
    expect((file.decls[1] as ast.FuncDecl).recv?.list[0].names[0].name).toBe("t");
  });

  it("modes: packageClauseOnly and importsOnly", () => {
    const src = 'package p\nimport "a"\nimport "b"\nfunc f() { this is not go }\n';
    const fset = new FileSet();
    const a = parseFile(fset, "a.go", src, { mode: "importsOnly" });
    expect(a.errors).toEqual([]);
    expect(a.file.imports.map((i) => i.path.value)).toEqual(['"a"', '"b"']);
    const b = parseFile(fset, "b.go", src, { mode: "packageClauseOnly" });
    expect(b.errors).toEqual([]);
    expect(b.file.name.name).toBe("p");
    expect(b.file.decls).toEqual([]);
  });

  it("collects //go:build, +build and //go: directives without keeping comments", () => {
    const src = "// Copyright\n\n//go:build linux && !cgo\n// +build linux,!cgo\n\n// Package p does things.\npackage p\n\nimport _ \"embed\"\n\n//go:embed hello.txt\nvar s string\n\n//go:linkname now runtime.nanotime\nfunc now() int64\n\n//go:noinline\nfunc g() {}\n";
    const { file } = parse(src);
    expect(file.buildConstraint).toBe("linux && !cgo");
    expect(file.plusBuildLines).toEqual(["linux,!cgo"]);
    expect(file.directives.map((d) => d.text)).toEqual(["//go:build linux && !cgo", "//go:embed hello.txt", "//go:linkname now runtime.nanotime", "//go:noinline"]);
    expect(file.comments).toEqual([]);
    expect(file.doc).toBeUndefined();
  });

  it("converts +build lines when there is no //go:build", () => {
    const { file } = parse("// +build linux,386 darwin,!cgo\n// +build !race\n\npackage p\n");
    expect(file.buildConstraint).toBe("((linux && 386) || (darwin && !cgo)) && !race");
  });

  it("ignores build lines after the package clause", () => {
    const { file } = parse("package p\n//go:build ignore\n");
    expect(file.buildConstraint).toBeUndefined();
    expect(file.directives.length).toBe(1);
  });

  it("attaches doc and line comments like go/parser", () => {
    const src = "// Package p doc.\npackage p\n\n// F doc\n// more\nfunc F() {}\n\ntype T struct {\n\t// A doc\n\tA int // A line\n\tB int; // B line\n}\n\nvar x = 1 // x line\n\n/* free */\n\nconst c = 2\n";
    const { file } = parse(src, { comments: true });
    expect(file.doc?.list.map((c) => c.text)).toEqual(["// Package p doc."]);
    const f = file.decls[0] as ast.FuncDecl;
    expect(f.doc?.list.map((c) => c.text)).toEqual(["// F doc", "// more"]);
    const st = ((file.decls[1] as ast.GenDecl).specs[0] as ast.TypeSpec).type as ast.StructType;
    expect(st.fields.list[0].doc?.list[0].text).toBe("// A doc");
    expect(st.fields.list[0].comment?.list[0].text).toBe("// A line");
    expect(st.fields.list[1].comment?.list[0].text).toBe("// B line");
    const v = (file.decls[2] as ast.GenDecl).specs[0] as ast.ValueSpec;
    expect(v.comment?.list[0].text).toBe("// x line");
    expect((file.decls[3] as ast.GenDecl).doc).toBeUndefined();
    expect(file.comments.map((g) => g.list.map((c) => c.text).join("|"))).toEqual([
      "// Package p doc.", "// F doc|// more", "// A doc", "// A line", "// B line", "// x line", "/* free */",
    ]);
  });
});

describe("positions", () => {
  it("node positions are file base + byte offset and End() is exclusive", () => {
    const src = "package p\n\nvar x = a.b[i] + f(1, 2)\n";
    const { file, fset } = parse(src);
    const e = ((file.decls[0] as ast.GenDecl).specs[0] as ast.ValueSpec).values[0];
    const off = (p: number) => fset.position(p).offset;
    expect(src.slice(off(nodePos(e)), off(nodeEnd(e)))).toBe("a.b[i] + f(1, 2)");
    const p = fset.position(nodePos(e));
    expect([p.line, p.column]).toEqual([3, 9]);
    expect(file.package).toBe(1);
    expect(file.fileEnd - file.fileStart).toBe(src.length);
  });

  it("every node's range lies within its parent's (GOROOT-like sample)", () => {
    const src = "package p\n\nimport \"fmt\"\n\ntype T[K comparable, V any] struct {\n\tm map[K]V\n}\n\nfunc (t *T[K, V]) Get(k K) (v V, ok bool) {\n\tif t == nil {\n\t\treturn\n\t}\n\tv, ok = t.m[k]\n\tswitch x := any(v).(type) {\n\tcase int:\n\t\tfmt.Println(x + 1)\n\t}\n\tfor i := range 3 {\n\t\t_ = []int{i}[0:1:1]\n\t}\n\tselect {\n\tcase <-make(chan int):\n\tdefault:\n\t}\n\treturn\n}\n";
    const { file } = parse(src);
    let checked = 0;
    const stack: ast.Node[] = [];
    inspect(file, (n) => {
      const parent = stack[stack.length - 1];
      if (parent !== undefined && n.kind !== "CommentGroup") {
        expect(nodePos(n)).toBeGreaterThanOrEqual(nodePos(parent));
        expect(nodeEnd(n)).toBeLessThanOrEqual(nodeEnd(parent));
        checked++;
      }
      expect(nodeEnd(n)).toBeGreaterThanOrEqual(nodePos(n));
      stack.push(n);
      return true;
    }, () => {
      stack.pop();
    });
    expect(checked).toBeGreaterThan(100);
  });

  it("walks a 7000-deep left-nested tree without recursion", () => {
    const src = "package p\nvar s = " + Array.from({ length: 7000 }, (_, i) => `"${i}"`).join(" +\n\t") + "\n";
    const { file } = parse(src);
    const e = ((file.decls[0] as ast.GenDecl).specs[0] as ast.ValueSpec).values[0];
    let n = 0;
    inspect(file, (x) => {
      if (x.kind === "BasicLit") n++;
      return true;
    });
    expect(n).toBe(7000);
    expect(nodePos(e)).toBe(19);
  });
});

describe("malformed literals", () => {
  it("are marked bad (gc's BasicLit.Bad) and keep their text", () => {
    const fset = new FileSet();
    const { file, errors } = parseFile(fset, "b.go", "package p\nvar a, b, c = 0x, 1__0, 42\n");
    expect(errors.map((e) => e.msg)).toEqual(["hexadecimal literal has no digits", "'_' must separate successive digits"]);
    const vs = (file.decls[0] as ast.GenDecl).specs[0] as ast.ValueSpec;
    expect(vs.values.map((v) => [(v as ast.BasicLit).value, (v as ast.BasicLit).bad])).toEqual([["0x", true], ["1__0", true], ["42", false]]);
  });
});
