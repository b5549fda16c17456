import { describe, expect, it } from "vitest";
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
  Typ,
  Union,
  byteType,
  runeType,
  type Type,
} from "./type.js";
import { anyType, comparableType } from "./universe.js";
import {
  allInteger,
  allNumeric,
  coreString,
  coreType,
  defaultType,
  hasNil,
  identical,
  identicalIgnoreTags,
  incomparableCause,
  isComparable,
  comparable,
  isInterface,
  isNonTypeParamInterface,
} from "./predicates.js";
import { typeString } from "./typestring.js";
import {
  mkField,
  mkGeneric,
  mkGenericSig,
  mkIface,
  mkIfaceMethod,
  mkNamed,
  mkPkg,
  mkSig,
  mkStruct,
  mkTParam,
} from "./testing_algebra.js";
import { instance } from "./instantiate.js";
import { Context } from "./instantiate.js";

const int = Typ[BasicKind.Int];
const str = Typ[BasicKind.String];
const p = mkPkg("p");
const q = mkPkg("q");

function union(...terms: [boolean, Type][]): Union {
  return new Union(terms.map(([t, ty]) => new Term(t, ty)));
}
function constraint(...terms: [boolean, Type][]): Interface {
  return mkIface([], [union(...terms)]);
}

describe("identical", () => {
  it("compares structure, byte/rune aliases, and defined types by declaration", () => {
    expect(identical(byteType, Typ[BasicKind.Uint8])).toBe(true);
    expect(identical(runeType, Typ[BasicKind.Int32])).toBe(true);
    expect(identical(new Slice(int), new Slice(int))).toBe(true);
    expect(identical(new Slice(int), new Slice(str))).toBe(false);
    expect(identical(new Array(int, 3), new Array(int, 3))).toBe(true);
    expect(identical(new Array(int, 3), new Array(int, 4))).toBe(false);
    expect(identical(new Array(int, -1), new Array(int, 4))).toBe(true); // unknown length after an error
    expect(identical(new MapType(str, int), new MapType(str, int))).toBe(true);
    expect(identical(new Chan(ChanDir.SendOnly, int), new Chan(ChanDir.SendRecv, int))).toBe(false);
    const T1 = mkNamed(p, "T", int);
    const T2 = mkNamed(p, "T", int);
    expect(identical(T1, T1)).toBe(true);
    expect(identical(T1, T2)).toBe(false);
    expect(identical(T1, int)).toBe(false);
    expect(identical(new Pointer(T1), new Pointer(T1))).toBe(true);
  });

  it("compares struct fields by name, package (unexported), embedding and tag", () => {
    const a = mkStruct([mkField(p, "x", int)], ["t"]);
    const b = mkStruct([mkField(p, "x", int)], ["u"]);
    const c = mkStruct([mkField(q, "x", int)], ["t"]);
    const d = mkStruct([mkField(p, "X", int)], ["t"]);
    const e = mkStruct([mkField(q, "X", int)], ["t"]);
    expect(identical(a, b)).toBe(false);
    expect(identicalIgnoreTags(a, b)).toBe(true);
    expect(identical(a, c)).toBe(false); // unexported names from different packages
    expect(identical(d, e)).toBe(true); // exported names match across packages
  });

  it("compares signatures ignoring parameter names, including variadic and generic ones", () => {
    expect(identical(mkSig([int], [str]), mkSig([int], [str]))).toBe(true);
    expect(identical(mkSig([new Slice(int)], []), mkSig([new Slice(int)], [], true))).toBe(false);
    const P = mkTParam(p, "P", anyType, 0);
    const Q = mkTParam(p, "Q", anyType, 0);
    const R = mkTParam(p, "R", constraint([true, int]), 0);
    expect(identical(mkGenericSig([P], [P], [P]), mkGenericSig([Q], [Q], [Q]))).toBe(true);
    expect(identical(mkGenericSig([P], [P], []), mkGenericSig([R], [R], []))).toBe(false); // constraints differ
    expect(identical(mkGenericSig([P], [P], []), mkGenericSig([Q], [int], []))).toBe(false);
  });

  it("compares interfaces by type set, in any method order", () => {
    const i1 = mkIface([mkIfaceMethod(p, "A"), mkIfaceMethod(p, "B", [int])]);
    const i2 = mkIface([mkIfaceMethod(p, "B", [int]), mkIfaceMethod(p, "A")]);
    const i3 = mkIface([mkIfaceMethod(p, "A")], [mkIface([mkIfaceMethod(p, "B", [int])])]);
    const i4 = mkIface([mkIfaceMethod(p, "A"), mkIfaceMethod(p, "B", [str])]);
    expect(identical(i1, i2)).toBe(true);
    expect(identical(i1, i3)).toBe(true);
    expect(identical(i1, i4)).toBe(false);
    expect(identical(constraint([true, int], [false, str]), constraint([false, str], [true, int]))).toBe(true);
    expect(identical(constraint([true, int]), constraint([false, int]))).toBe(false);
    expect(identical(anyType, mkIface([]))).toBe(true);
    expect(identical(anyType, comparableType.underlying())).toBe(false);
  });

  it("terminates on interfaces that recur through their methods", () => {
    // two unnamed interfaces whose method m returns the interface itself
    const ma = mkIfaceMethod(p, "m");
    const mb = mkIfaceMethod(p, "m");
    const a = mkIface([ma]);
    const b = mkIface([mb]);
    // make m's result the interface itself
    (ma.type as Signature).results = mkSig([], [a]).results;
    (mb.type as Signature).results = mkSig([], [b]).results;
    expect(identical(a, b)).toBe(true);
  });

  it("compares instances by origin and type arguments", () => {
    const P = mkTParam(p, "P", anyType, 0);
    const L = mkGeneric(p, "L", [P], (self, [tp]) => mkStruct([mkField(p, "v", tp)]));
    const ctxt = new Context();
    const a = instance(L, [int], null, ctxt);
    const b = instance(L, [int], null, new Context());
    const c = instance(L, [str], null, ctxt);
    expect(a).not.toBe(b);
    expect(identical(a, b)).toBe(true);
    expect(identical(a, c)).toBe(false);
    expect(instance(L, [int], null, ctxt)).toBe(a); // de-duplicated
  });
});

describe("comparable and friends", () => {
  it("decides comparability with gc's causes", () => {
    const qf = null;
    expect(isComparable(int)).toBe(true);
    expect(isComparable(new Slice(int))).toBe(false);
    expect(isComparable(anyType)).toBe(true);
    expect(isComparable(Typ[BasicKind.UntypedNil])).toBe(false);
    const S = mkNamed(p, "S", mkStruct([mkField(p, "f", new Slice(int))]));
    expect(isComparable(S)).toBe(false);
    expect(incomparableCause(S, qf)).toBe("struct containing []int cannot be compared");
    const A = new Array(new Slice(int), 2);
    expect(incomparableCause(A, qf)).toBe("[2][]int cannot be compared");
    // a named array is described by its underlying type, as gc does
    const NA = mkNamed(p, "NA", new Array(mkSig([], []), 10));
    expect(incomparableCause(NA, qf)).toBe("[10]func() cannot be compared");
    expect(incomparableCause(new Slice(int), qf)).toBe("slice can only be compared to nil");
    expect(incomparableCause(new MapType(int, int), qf)).toBe("map can only be compared to nil");
    expect(incomparableCause(mkSig([], []), qf)).toBe("func can only be compared to nil");
    // recursive struct through a pointer stays comparable
    const R = mkNamed(p, "R", null);
    R.setUnderlying(mkStruct([mkField(p, "next", new Pointer(R)), mkField(p, "v", int)]));
    expect(isComparable(R)).toBe(true);
  });

  it("treats type parameters by their type sets", () => {
    const P = mkTParam(p, "P", anyType, 0);
    const C = mkTParam(p, "C", comparableType, 0);
    const N = mkTParam(p, "N", constraint([true, int], [true, Typ[BasicKind.Float64]]), 0);
    const S = mkTParam(p, "S", constraint([true, new Slice(int)]), 0);
    expect(comparable(P, true, null, null)).toBe(false);
    expect(comparable(C, true, null, null)).toBe(true);
    expect(comparable(N, true, null, null)).toBe(true);
    expect(comparable(S, true, null, null)).toBe(false);
    const r = { cause: "", qf: null };
    comparable(S, true, null, r);
    expect(r.cause).toBe("incomparable types in type set");
    expect(isInterface(P)).toBe(true);
    expect(isNonTypeParamInterface(P)).toBe(false);
    expect(allInteger(N)).toBe(false);
    expect(allNumeric(N)).toBe(true);
    expect(allNumeric(P)).toBe(false);
    expect(hasNil(P)).toBe(false);
    expect(hasNil(S)).toBe(true);
    expect(hasNil(new Pointer(int))).toBe(true);
    expect(hasNil(Typ[BasicKind.UnsafePointer])).toBe(true);
    expect(hasNil(int)).toBe(false);
  });

  it("computes core types", () => {
    const S = mkTParam(p, "S", constraint([true, new Slice(int)]), 0);
    const M = mkTParam(p, "M", constraint([true, new Slice(int)], [false, str]), 0);
    const B = mkTParam(p, "B", constraint([false, new Slice(byteType)], [false, str]), 0);
    const CH = mkTParam(p, "CH", constraint([false, new Chan(ChanDir.SendRecv, int)], [false, new Chan(ChanDir.RecvOnly, int)]), 0);
    const MyInt = mkNamed(p, "MyInt", int);
    expect(typeString(coreType(S), null)).toBe("[]int");
    expect(coreType(M)).toBe(null);
    expect(coreType(mkTParam(p, "A", anyType, 0))).toBe(null);
    expect(typeString(coreString(B), null)).toBe("string");
    expect(typeString(coreType(CH), null)).toBe("<-chan int");
    expect(coreType(MyInt)).toBe(int);
  });

  it("knows default types", () => {
    expect(defaultType(Typ[BasicKind.UntypedInt])).toBe(int);
    expect(defaultType(Typ[BasicKind.UntypedRune])).toBe(runeType);
    expect(defaultType(Typ[BasicKind.UntypedFloat])).toBe(Typ[BasicKind.Float64]);
    expect(defaultType(Typ[BasicKind.UntypedComplex])).toBe(Typ[BasicKind.Complex128]);
    expect(defaultType(Typ[BasicKind.UntypedString])).toBe(str);
    expect(defaultType(Typ[BasicKind.UntypedBool])).toBe(Typ[BasicKind.Bool]);
    expect(defaultType(Typ[BasicKind.UntypedNil])).toBe(Typ[BasicKind.UntypedNil]);
    expect(defaultType(int)).toBe(int);
  });
});

describe("identical performance", () => {
  it("compares deep structures without building strings", () => {
    let a: Type = int;
    let b: Type = int;
    for (let i = 0; i < 200; i++) {
      a = new MapType(str, new Slice(new Pointer(a)));
      b = new MapType(str, new Slice(new Pointer(b)));
    }
    const t0 = performance.now();
    for (let i = 0; i < 2000; i++) if (!identical(a, b)) throw new Error("not identical");
    const dt = performance.now() - t0;
    expect(dt).toBeLessThan(2000);
  });
});
