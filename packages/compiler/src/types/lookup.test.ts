import { describe, expect, it } from "vitest";
import { Func, Var } from "./object.js";
import { BasicKind, Pointer, Slice, Term, Typ, Union, type Type, Interface } from "./type.js";
import { anyType, comparableType } from "./universe.js";
import { assertableTo, implementsCause, lookupFieldOrMethod, missingMethod, missingMethodReason } from "./lookup.js";
import { methodSetOf } from "./methodset.js";
import {
  mkEmbed,
  mkField,
  mkIface,
  mkIfaceMethod,
  mkMethod,
  mkNamed,
  mkPkg,
  mkStruct,
  mkTParam,
} from "./testing_algebra.js";
import type { Qualifier } from "./typestring.js";

const int = Typ[BasicKind.Int];
const str = Typ[BasicKind.String];
const main = mkPkg("main");
const other = mkPkg("example.com/other", "other");
const qf: Qualifier = (pkg) => (pkg === main ? "" : pkg.name);

describe("lookupFieldOrMethod", () => {
  // type Inner struct{ x int; Y string }; func (Inner) M(); func (*Inner) P()
  // type Mid struct{ Inner; z int }
  // type Outer struct{ *Mid; x bool }
  const Inner = mkNamed(main, "Inner", mkStruct([mkField(main, "x", int), mkField(main, "Y", str)]));
  const M = mkMethod(Inner, "M", false);
  const P = mkMethod(Inner, "P", true);
  const Mid = mkNamed(main, "Mid", mkStruct([mkEmbed(main, Inner), mkField(main, "z", int)]));
  const Outer = mkNamed(main, "Outer", mkStruct([mkEmbed(main, new Pointer(Mid)), mkField(main, "x", Typ[BasicKind.Bool])]));

  it("finds fields and methods at depth, with index paths", () => {
    const r1 = lookupFieldOrMethod(Mid, false, main, "x");
    expect(r1.obj).toBeInstanceOf(Var);
    expect(r1.index).toEqual([0, 0]);
    expect(r1.indirect).toBe(false);
    // the shallower Outer.x shadows Inner.x
    const r2 = lookupFieldOrMethod(Outer, false, main, "x");
    expect(r2.index).toEqual([1]);
    expect(r2.obj?.type).toBe(Typ[BasicKind.Bool]);
    const r3 = lookupFieldOrMethod(Outer, false, main, "Y");
    expect(r3.index).toEqual([0, 0, 1]);
    expect(r3.indirect).toBe(true); // through *Mid
    const r4 = lookupFieldOrMethod(Outer, false, main, "M");
    expect(r4.obj).toBe(M);
    expect(r4.index).toEqual([0, 0, 0]);
  });

  it("handles pointer receivers: addressable, pointer on path, or indirect error", () => {
    expect(lookupFieldOrMethod(Inner, false, main, "P")).toEqual({ obj: null, index: null, indirect: true });
    expect(lookupFieldOrMethod(Inner, true, main, "P").obj).toBe(P);
    expect(lookupFieldOrMethod(new Pointer(Inner), false, main, "P").obj).toBe(P);
    expect(lookupFieldOrMethod(Mid, false, main, "P").indirect).toBe(true);
    expect(lookupFieldOrMethod(Mid, false, main, "P").obj).toBe(null);
    // Outer reaches Inner through *Mid: pointer on the path
    expect(lookupFieldOrMethod(Outer, false, main, "P").obj).toBe(P);
  });

  it("reports ambiguous selectors at the same depth", () => {
    const A = mkNamed(main, "A", mkStruct([mkField(main, "F", int)]));
    const B = mkNamed(main, "B", mkStruct([mkField(main, "F", str)]));
    const AB = mkNamed(main, "AB", mkStruct([mkEmbed(main, A), mkEmbed(main, B)]));
    const r = lookupFieldOrMethod(AB, false, main, "F");
    expect(r.obj).toBe(null);
    expect(r.index).toEqual([1, 0]);
    // the same type embedded twice at one depth: ambiguous too
    const W1 = mkNamed(main, "W1", mkStruct([mkEmbed(main, A)]));
    const W2 = mkNamed(main, "W2", mkStruct([mkEmbed(main, A)]));
    const WW = mkNamed(main, "WW", mkStruct([mkEmbed(main, W1), mkEmbed(main, W2)]));
    const r2 = lookupFieldOrMethod(WW, false, main, "F");
    expect(r2.obj).toBe(null);
    expect(r2.index).not.toBe(null);
    // a shallower field wins over the ambiguity
    const X = mkNamed(main, "X", mkStruct([mkEmbed(main, AB), mkField(main, "F", int)]));
    expect(lookupFieldOrMethod(X, false, main, "F").index).toEqual([1]);
  });

  it("respects package identity of unexported names and ignores _", () => {
    const T = mkNamed(other, "T", mkStruct([mkField(other, "f", int), mkField(other, "_", int)]));
    expect(lookupFieldOrMethod(T, false, main, "f").obj).toBe(null);
    expect(lookupFieldOrMethod(T, false, other, "f").obj).not.toBe(null);
    expect(lookupFieldOrMethod(T, false, other, "_").obj).toBe(null);
  });

  it("finds interface methods (also through type parameters) but not via *I", () => {
    const m = mkIfaceMethod(main, "M");
    const I = mkNamed(main, "I", mkIface([m]));
    expect(lookupFieldOrMethod(I, false, main, "M").obj).toBe(m);
    expect(lookupFieldOrMethod(new Pointer(I), false, main, "M").obj).toBe(null);
    const TP = mkTParam(main, "T", I, 0);
    expect(lookupFieldOrMethod(TP, false, main, "M").obj).toBe(m);
    // methods of a named pointer type are not found
    const NP = mkNamed(main, "NP", new Pointer(Inner));
    expect(lookupFieldOrMethod(NP, false, main, "M").obj).toBe(null);
    expect(lookupFieldOrMethod(NP, false, main, "x").obj).not.toBe(null);
  });

  it("terminates on recursive embedding", () => {
    const R = mkNamed(main, "R", null);
    R.setUnderlying(mkStruct([mkEmbed(main, new Pointer(R)), mkField(main, "v", int)]));
    expect(lookupFieldOrMethod(R, false, main, "nope").obj).toBe(null);
    expect(lookupFieldOrMethod(R, false, main, "v").index).toEqual([1]);
  });
});

describe("missing methods and implements", () => {
  const I = mkNamed(main, "I", mkIface([mkIfaceMethod(main, "M", [int])]));
  const Iu = I.underlying() as Interface;

  it("words the reasons like gc", () => {
    const T1 = mkNamed(main, "T1", mkStruct([]));
    const T2 = mkNamed(main, "T2", mkStruct([]));
    mkMethod(T2, "m", false, [int]);
    const T3 = mkNamed(main, "T3", mkStruct([]));
    mkMethod(T3, "M", false, [str]);
    const T4 = mkNamed(main, "T4", mkStruct([]));
    mkMethod(T4, "M", true, [int]);
    const cases: [Type, string][] = [
      [new Pointer(T1), "*T1 does not implement I (missing M method)"],
      [new Pointer(T2), "*T2 does not implement I (missing M method)\n\t\thave m(int)\n\t\twant M(int)"],
      [new Pointer(T3), "*T3 does not implement I (wrong type for M method)\n\t\thave M(string)\n\t\twant M(int)"],
      [T4, "T4 does not implement I (M method has pointer receiver)"],
      [new Pointer(I), "*I does not implement I (type *I is pointer to interface, not interface)"],
    ];
    const env = envWith(qf);
    for (const [V, msg] of cases) expect(implementsCause(env, V, I)).toBe(msg);
    expect(implementsCause(env, new Pointer(T4), I)).toBe(null);
    const [m, alt] = missingMethod(null, T4, Iu, true);
    expect(m?.name).toBe("M");
    expect(missingMethodReason(qf, T4, I, m as Func, alt)).toBe("(M method has pointer receiver)");
  });

  it("checks constraint satisfaction with terms and comparable", () => {
    const env = envWith(qf);
    const T = mkNamed(main, "T", int);
    const C = mkNamed(main, "C", mkIface([], [new Union([new Term(false, T), new Term(true, int)])]));
    expect(implementsCause(env, str, C)).toBe("string does not implement C (string missing in ~int)");
    expect(implementsCause(env, T, C)).toBe(null);
    const D = mkNamed(main, "D", mkIface([], [new Union([new Term(false, int), new Term(false, str)])]));
    const MyInt = mkNamed(main, "MyInt", int);
    expect(implementsCause(env, MyInt, D)).toBe("MyInt does not implement D (possibly missing ~ for int in constraint D)");
    expect(implementsCause(env, Typ[BasicKind.Float64], D)).toBe(
      "float64 does not implement D (float64 missing in int | string)",
    );
    expect(implementsCause(env, new Slice(int), comparableType)).toBe("[]int does not implement comparable");
    const S = mkNamed(main, "S", mkStruct([mkField(main, "f", new Slice(int))]));
    expect(implementsCause(env, S, comparableType)).toBe("S does not implement comparable");
    expect(implementsCause(env, int, comparableType)).toBe(null);
    expect(implementsCause(env, anyType, comparableType)).toBe("any does not implement comparable");
    expect(implementsCause(env, int, anyType)).toBe(null);
    expect(implementsCause(env, int, int)).toBe("int does not implement int (int is not an interface)");
    const Empty = mkNamed(main, "Empty", mkIface([], [int, str]));
    expect(implementsCause(env, int, Empty)).toBe("cannot implement Empty (empty type set)");
    // an interface V implements T if its type set is a subset
    const V = mkIface([], [new Union([new Term(true, int)])]);
    expect(implementsCause(env, V, C)).toBe(null);
    const V2 = mkIface([], [new Union([new Term(true, int), new Term(false, str)])]);
    expect(implementsCause(env, V2, C)).toBe("interface{~int|string} does not implement C");
  });

  it("decides type assertions", () => {
    const T2 = mkNamed(main, "A2", mkStruct([]));
    mkMethod(T2, "M", false, [str]);
    const [m, alt] = assertableTo(null, Iu, T2);
    expect(m?.name).toBe("M");
    expect(alt?.name).toBe("M");
    expect(assertableTo(null, Iu, anyType)).toEqual([null, null]);
  });
});

describe("method sets", () => {
  it("collects value and pointer method sets with promotion", () => {
    const Inner = mkNamed(main, "Inner", mkStruct([]));
    mkMethod(Inner, "V", false);
    mkMethod(Inner, "P", true);
    const Outer = mkNamed(main, "Outer", mkStruct([mkEmbed(main, Inner)]));
    mkMethod(Outer, "O", false);
    const OuterP = mkNamed(main, "OuterP", mkStruct([mkEmbed(main, new Pointer(Inner))]));
    const names = (t: Type) => methodSetOf(t).list.map((s) => s.obj.name);
    expect(names(Inner)).toEqual(["V"]);
    expect(names(new Pointer(Inner))).toEqual(["P", "V"]);
    expect(names(Outer)).toEqual(["O", "V"]);
    expect(names(new Pointer(Outer))).toEqual(["O", "P", "V"]);
    expect(names(OuterP)).toEqual(["P", "V"]);
    expect(methodSetOf(new Pointer(Outer)).lookup(main, "P")?.index).toEqual([0, 1]);
    expect(methodSetOf(Outer)).toBe(methodSetOf(Outer)); // memoised
    const I = mkIface([mkIfaceMethod(main, "B"), mkIfaceMethod(main, "A")]);
    expect(names(I)).toEqual(["A", "B"]);
    expect(names(new Pointer(I))).toEqual([]);
  });

  it("drops colliding promoted methods and methods hidden by fields", () => {
    const A = mkNamed(main, "A", mkStruct([]));
    mkMethod(A, "M", false);
    const B = mkNamed(main, "B", mkStruct([]));
    mkMethod(B, "M", false);
    mkMethod(B, "N", false);
    const AB = mkNamed(main, "AB", mkStruct([mkEmbed(main, A), mkEmbed(main, B)]));
    expect(methodSetOf(AB).list.map((s) => s.obj.name)).toEqual(["N"]);
    const F = mkNamed(main, "F", mkStruct([mkEmbed(main, B), mkField(main, "N", int)]));
    expect(methodSetOf(F).list.map((s) => s.obj.name)).toEqual(["M"]);
  });
});

/** A minimal AlgebraEnv for message tests. */
function envWith(q: Qualifier) {
  return {
    qf: q,
    pkg: main,
    report: () => {},
    later: (f: () => void) => f(),
    objDecl: () => {},
    context: () => {
      throw new Error("no context in this test");
    },
    posString: (p: number) => String(p),
  };
}
