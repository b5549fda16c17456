import { describe, expect, it } from "vitest";
import { NoPos } from "../syntax/position.js";
import { Var } from "./object.js";
import {
  Array,
  BasicKind,
  Chan,
  ChanDir,
  Interface,
  MapType,
  Pointer,
  Signature,
  Slice,
  Term,
  Tuple,
  Typ,
  Union,
  byteType,
  runeType,
} from "./type.js";
import { anyType, comparableType, Unsafe } from "./universe.js";
import { goQuote, typeString, funcString, type Qualifier } from "./typestring.js";
import {
  mkField,
  mkEmbed,
  mkGeneric,
  mkIface,
  mkIfaceMethod,
  mkNamed,
  mkPkg,
  mkSig,
  mkStruct,
  mkTParam,
} from "./testing_algebra.js";

const int = Typ[BasicKind.Int];
const str = Typ[BasicKind.String];
const p = mkPkg("example.com/p", "p");
const main = mkPkg("main");
/** gc's qualifier while checking package main */
const qf: Qualifier = (pkg) => (pkg === main ? "" : pkg.name);

describe("typeString", () => {
  it("prints basic and composite types", () => {
    const T = mkNamed(p, "T", int);
    const cases: [ReturnType<typeof mkNamed> | import("./type.js").Type, string][] = [
      [int, "int"],
      [byteType, "byte"],
      [runeType, "rune"],
      [Typ[BasicKind.UntypedInt], "untyped int"],
      [Typ[BasicKind.UntypedNil], "untyped nil"],
      [Typ[BasicKind.UnsafePointer], "unsafe.Pointer"],
      [new Slice(int), "[]int"],
      [new Array(int, 4), "[4]int"],
      [new MapType(str, new Pointer(T)), "map[string]*p.T"],
      [new Chan(ChanDir.SendOnly, int), "chan<- int"],
      [new Chan(ChanDir.RecvOnly, int), "<-chan int"],
      [new Chan(ChanDir.SendRecv, new Chan(ChanDir.RecvOnly, int)), "chan (<-chan int)"],
      [new Chan(ChanDir.SendRecv, new Chan(ChanDir.SendOnly, int)), "chan chan<- int"],
      [anyType, "any"],
      [comparableType, "comparable"],
      [comparableType.underlying(), "interface{comparable}"],
      [new Interface([], []), "interface{}"],
    ];
    for (const [t, want] of cases) expect(typeString(t, qf)).toBe(want);
  });

  it("qualifies with the qualifier, or the package path without one", () => {
    const T = mkNamed(p, "T", int);
    const L = mkNamed(main, "L", int);
    expect(typeString(T, qf)).toBe("p.T");
    expect(typeString(T, null)).toBe("example.com/p.T");
    expect(typeString(L, qf)).toBe("L");
    expect(typeString(L, null)).toBe("main.L");
    expect(typeString(Typ[BasicKind.UnsafePointer], null)).toBe("unsafe.Pointer");
    expect(Unsafe.path).toBe("unsafe");
  });

  it("prints signatures like gc", () => {
    const s1 = new Signature(
      null,
      new Tuple([Var.newParam(NoPos, null, "x", int), Var.newParam(NoPos, null, "y", new Slice(str))]),
      new Tuple([Var.newParam(NoPos, null, "", int), Var.newParam(NoPos, null, "", mkNamed(null, "error", int))]),
      true,
    );
    expect(typeString(s1, qf)).toBe("func(x int, y ...string) (int, error)");
    expect(typeString(mkSig([], []), qf)).toBe("func()");
    expect(typeString(mkSig([int], [str]), qf)).toBe("func(int) string");
    const named = new Signature(null, new Tuple([]), new Tuple([Var.newParam(NoPos, null, "n", int)]), false);
    expect(typeString(named, qf)).toBe("func() (n int)");
    // append([]byte, string...) special case
    const app = new Signature(null, new Tuple([Var.newParam(NoPos, null, "", new Slice(byteType)), Var.newParam(NoPos, null, "", str)]), new Tuple([]), true);
    expect(typeString(app, qf)).toBe("func([]byte, string...)");
  });

  it("prints structs with tags and embedded fields", () => {
    const T = mkNamed(main, "T", int);
    const s = mkStruct([mkField(main, "a", int), mkEmbed(main, new Pointer(T)), mkField(main, "b", str)], ["", "", 'json:"b"\n']);
    expect(typeString(s, qf)).toBe('struct{a int; *T; b string "json:\\"b\\"\\n"}');
    expect(typeString(mkStruct([]), qf)).toBe("struct{}");
  });

  it("prints interfaces with methods and union elements", () => {
    const m = mkIfaceMethod(main, "M", [int], [str]);
    const u = new Union([new Term(true, int), new Term(false, str)]);
    const i = mkIface([m], [u]);
    expect(typeString(i, qf)).toBe("interface{M(int) string; ~int|string}");
    const implicit = new Interface([], [u]);
    implicit.implicit = true;
    expect(typeString(implicit, qf)).toBe("~int|string");
  });

  it("prints generic types, instances and type parameter lists", () => {
    const P = mkTParam(main, "P", anyType, 0);
    const Q = mkTParam(main, "Q", anyType, 1);
    const C = mkNamed(main, "C", mkIface([]));
    const R = mkTParam(main, "R", C, 2);
    const G = mkGeneric(main, "G", [P, Q, R], () => mkStruct([]));
    expect(typeString(G, qf)).toBe("G[P, Q any, R C]");
    const sig = mkSig([P], [Q]);
    sig.tparams = [P, Q];
    expect(typeString(sig, qf)).toBe("func[P, Q any](P) Q");
    // a shared non-interface bound prints per parameter, as gc does (func F[T, U int]())
    const T = mkTParam(main, "T", int, 0);
    const U = mkTParam(main, "U", int, 1);
    const sig2 = mkSig([], []);
    sig2.tparams = [T, U];
    expect(typeString(sig2, qf)).toBe("func[T int, U int]()");
  });

  it("prints deep types in full and marks cycles as gc does", () => {
    // test/fixedbugs/issue29312.go nests 250 slices
    let t: Slice | Pointer = new Pointer(int);
    for (let i = 0; i < 250; i++) t = new Slice(t);
    expect(typeString(t, qf)).toBe("[]".repeat(250) + "*int");
    // an (invalid) unnamed type containing itself
    const st = mkStruct([]);
    const arr = new Array(st, 2);
    st.fields.push(mkField(main, "a", arr));
    expect(typeString(arr, qf)).toBe("[2]struct{a <cycle to *types2.Array>}");
  });

  it("funcString and goQuote", () => {
    const m = mkIfaceMethod(main, "M", [int], [str]);
    expect(funcString(m, qf)).toBe("M(int) string");
    expect(goQuote('a"b\\c\t\x07é\u200b')).toBe('"a\\"b\\\\c\\t\\aé\\u200b"');
  });
});
