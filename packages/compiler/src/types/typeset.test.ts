import { describe, expect, it } from "vitest";
import type { Pos } from "../syntax/position.js";
import { BasicKind, Interface, Pointer, Slice, Term, Typ, Union, type Type } from "./type.js";
import { anyType, comparableType } from "./universe.js";
import {
  checkUnionTerms,
  computeInterfaceTypeSet,
  termlistString,
  typeSetIsAll,
  typeSetIsEmpty,
  typeSetIsMethodSet,
  typeSetString,
  type AlgebraEnv,
  type ErrorPart,
} from "./typeset.js";
import { Context, instance } from "./instantiate.js";
import { validType } from "./validtype.js";
import { mkEmbed, mkField, mkIface, mkIfaceMethod, mkNamed, mkPkg, mkStruct, mkTParam, mkGeneric } from "./testing_algebra.js";
import { Array, Named } from "./type.js";
import type { Qualifier } from "./typestring.js";

const int = Typ[BasicKind.Int];
const str = Typ[BasicKind.String];
const f64 = Typ[BasicKind.Float64];
const main = mkPkg("main");
const qf: Qualifier = (pkg) => (pkg === main ? "" : pkg.name);

function env(): AlgebraEnv & { errors: { pos: Pos; msg: string; soft: boolean }[] } {
  const ctxt = new Context();
  const errors: { pos: Pos; msg: string; soft: boolean }[] = [];
  return {
    errors,
    qf,
    pkg: main,
    report(parts: ErrorPart[], soft: boolean) {
      errors.push({
        pos: parts[0].pos,
        msg: parts.map((p, i) => (i === 0 ? p.msg : `${p.pos}: ${p.msg}`)).join("\n\t"),
        soft,
      });
    },
    later: (f) => f(),
    objDecl() {},
    context: () => ctxt,
    posString: (p) => String(p),
  };
}

const u = (...terms: [boolean, Type][]) => new Union(terms.map(([t, ty]) => new Term(t, ty)));

describe("interface type sets", () => {
  it("collects and sorts methods from embedded interfaces", () => {
    const A = mkNamed(main, "A", mkIface([mkIfaceMethod(main, "b"), mkIfaceMethod(main, "Z")]));
    const I = mkIface([mkIfaceMethod(main, "M")], [A]);
    const s = computeInterfaceTypeSet(I);
    expect(s.methods.map((m) => m.name)).toEqual(["M", "Z", "b"]); // exported first
    expect(typeSetIsMethodSet(s)).toBe(true);
    expect(computeInterfaceTypeSet(I)).toBe(s); // cached
    expect(typeSetIsAll(computeInterfaceTypeSet(anyType))).toBe(true);
  });

  it("intersects unions, normalises terms and tracks comparable", () => {
    const MyInt = mkNamed(main, "MyInt", int);
    const s1 = computeInterfaceTypeSet(mkIface([], [u([true, int], [false, str]), u([false, MyInt], [false, str], [false, f64])]));
    expect(termlistString(s1.terms)).toBe("main.MyInt | string");
    const s2 = computeInterfaceTypeSet(mkIface([], [u([false, MyInt], [true, int])]));
    expect(termlistString(s2.terms)).toBe("~int");
    const s3 = computeInterfaceTypeSet(mkIface([], [int, str]));
    expect(typeSetIsEmpty(s3)).toBe(true);
    expect(typeSetString(s3)).toBe("∅");
    const s4 = computeInterfaceTypeSet(mkIface([], [comparableType, u([false, new Slice(int)], [false, int])]));
    expect(termlistString(s4.terms)).toBe("int"); // incomparable []int dropped
    expect(s4.comparable).toBe(false);
    const s5 = computeInterfaceTypeSet(mkIface([mkIfaceMethod(main, "M")], [comparableType]));
    expect(s5.comparable).toBe(true);
    expect(typeSetString(s5, qf)).toBe("{comparable; M()}");
    // ~MyInt has no type (MyInt is not an underlying type): empty
    const s6 = computeInterfaceTypeSet(mkIface([], [u([true, MyInt])]));
    expect(typeSetIsEmpty(s6)).toBe(true);
  });

  it("reports duplicate methods", () => {
    const e = env();
    const m1 = mkIfaceMethod(main, "M");
    const m2 = mkIfaceMethod(main, "M", [int]);
    m1.pos = 10;
    m2.pos = 20;
    const I = new Interface([m1, m2], []);
    I.complete = true;
    computeInterfaceTypeSet(I, e);
    expect(e.errors.map((x) => x.msg)).toEqual(["duplicate method M\n\t10: other declaration of M"]);
    // identical methods from two embedded interfaces are fine; different ones are not
    const e2 = env();
    const A = mkNamed(main, "A", mkIface([mkIfaceMethod(main, "M")]));
    const B = mkNamed(main, "B", mkIface([mkIfaceMethod(main, "M")]));
    const C = mkNamed(main, "C", mkIface([mkIfaceMethod(main, "M", [int])]));
    computeInterfaceTypeSet(mkIface([], [A, B]), e2);
    expect(e2.errors).toEqual([]);
    computeInterfaceTypeSet(mkIface([], [A, C]), e2);
    expect(e2.errors.map((x) => x.msg.split("\n")[0])).toEqual(["duplicate method M"]);
  });

  it("checks union terms like gc", () => {
    const e = env();
    const T = mkNamed(main, "T", int);
    const I = mkNamed(main, "I", mkIface([mkIfaceMethod(main, "M")]));
    const withCmp = mkIface([], [comparableType]);
    const cases: [Term[], string[]][] = [
      [[new Term(false, T), new Term(true, int)], ["overlapping terms ~int and main.T"]],
      [[new Term(true, T)], ["invalid use of ~ (underlying type of T is int)"]],
      [[new Term(true, I)], ["invalid use of ~ (I is an interface)"]],
      [[new Term(false, int), new Term(false, mkIface([mkIfaceMethod(main, "M")]))], ["cannot use interface{M()} in union (interface{M()} contains methods)"]],
      [[new Term(false, int), new Term(false, I)], ["cannot use main.I in union (main.I contains methods)"]],
      [[new Term(false, int), new Term(false, comparableType)], ["cannot use comparable in union"]],
      [[new Term(false, int), new Term(false, withCmp)], ["cannot use interface{comparable} in union (interface{comparable} embeds comparable)"]],
      [[new Term(false, int), new Term(false, str)], []],
    ];
    for (const [terms, want] of cases) {
      e.errors.length = 0;
      checkUnionTerms(e, terms, terms.map((_, i) => i + 1), comparableType);
      expect(e.errors.map((x) => x.msg)).toEqual(want);
    }
    e.errors.length = 0;
    checkUnionTerms(e, [new Term(false, T), new Term(true, int)], [1, 2], comparableType);
    expect(e.errors[0].soft).toBe(true);
    expect(e.errors[0].pos).toBe(2);
  });
});

describe("validType", () => {
  it("reports direct and indirect recursion with gc's cycle listing", () => {
    const e = env();
    // type R struct{ r R }
    const R = mkNamed(main, "R", null, 9);
    R.obj.pos = 9;
    const rs = mkStruct([mkField(main, "r", R)]);
    R.setUnderlying(rs);
    R.fromRHS = rs;
    expect(validType(e, R)).toBe(false);
    expect(e.errors.map((x) => x.msg)).toEqual(["invalid recursive type R\n\t9: R refers to\n\t9: R"]);
    expect(R.underlying()).toBe(Typ[BasicKind.Invalid]);

    // type R2 struct{ a A2 }; type A2 [2]R2
    const e2 = env();
    const R2 = mkNamed(main, "R2", null, 10);
    const A2 = mkNamed(main, "A2", null, 11);
    const r2s = mkStruct([mkField(main, "a", A2)]);
    R2.setUnderlying(r2s);
    R2.fromRHS = r2s;
    const a2 = new Array(R2, 2);
    A2.setUnderlying(a2);
    A2.fromRHS = a2;
    expect(validType(e2, A2)).toBe(false);
    expect(e2.errors.map((x) => x.msg)).toEqual(["invalid recursive type R2\n\t10: R2 refers to\n\t11: A2 refers to\n\t10: R2"]);
  });

  it("accepts recursion through pointers, slices and generic instances", () => {
    const e = env();
    const L = mkNamed(main, "L", null);
    const ls = mkStruct([mkField(main, "next", new Pointer(L)), mkField(main, "kids", new Slice(L))]);
    L.setUnderlying(ls);
    L.fromRHS = ls;
    expect(validType(e, L)).toBe(true);
    // type G[T any] struct{ v T }; type U struct{ g G[U] } is invalid; G[*U] is fine
    const T = mkTParam(main, "T", anyType, 0);
    const G = mkGeneric(main, "G", [T], (_s, [tp]) => mkStruct([mkField(main, "v", tp)]));
    const U = mkNamed(main, "U", null, 5);
    G.obj.pos = 3;
    const us = mkStruct([mkField(main, "g", instance(G, [U], null, new Context(), null, 7))]);
    U.setUnderlying(us);
    U.fromRHS = us;
    expect(validType(e, U)).toBe(false);
    expect(e.errors[0].msg).toBe("invalid recursive type U\n\t5: U refers to\n\t7: G refers to\n\t5: U");
    const e2 = env();
    const V = mkNamed(main, "V", null);
    const vs = mkStruct([mkField(main, "g", Named.newInstance(G, [new Pointer(V)]))]);
    V.setUnderlying(vs);
    V.fromRHS = vs;
    expect(validType(e2, V)).toBe(true);
    expect(e2.errors).toEqual([]);
    void mkEmbed;
  });
});
