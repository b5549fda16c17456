import { describe, expect, it } from "vitest";
import { NoPos, type Pos } from "../syntax/position.js";
import { BasicKind, Chan, ChanDir, Interface, MapType, Named, Pointer, Signature, Slice, Struct, Term, Typ, Union, type Type } from "./type.js";
import { anyType, comparableType } from "./universe.js";
import { Context, instance, instantiate, verify } from "./instantiate.js";
import { infer, inferB, type InferArg } from "./infer.js";
import { Unifier } from "./unify.js";
import { identical } from "./predicates.js";
import { lookupFieldOrMethod } from "./lookup.js";
import { typeString, type Qualifier } from "./typestring.js";
import type { AlgebraEnv, ErrorPart } from "./typeset.js";
import {
  mkField,
  mkGeneric,
  mkGenericSig,
  mkIface,
  mkIfaceMethod,
  mkMethod,
  mkNamed,
  mkPkg,
  mkSig,
  mkStruct,
  mkTParam,
} from "./testing_algebra.js";

const int = Typ[BasicKind.Int];
const str = Typ[BasicKind.String];
const f64 = Typ[BasicKind.Float64];
const main = mkPkg("main");
const qf: Qualifier = (pkg) => (pkg === main ? "" : pkg.name);

function testEnv(): AlgebraEnv & { errors: string[] } {
  const ctxt = new Context();
  const errors: string[] = [];
  return {
    errors,
    qf,
    pkg: main,
    report(parts: ErrorPart[]) {
      errors.push(parts.map((p) => p.msg).join("\n\t"));
    },
    later(f: () => void) {
      f();
    },
    objDecl() {},
    context: () => ctxt,
    posString: (p: Pos) => `main.go:${p}`,
  };
}

/** The implicit interface of a constraint written as a union, like [P ~int]. */
function constraint(...terms: [boolean, Type][]): Interface {
  const i = mkIface([], [new Union(terms.map(([t, ty]) => new Term(t, ty)))]);
  i.implicit = true;
  return i;
}

const ts = (t: Type | null) => typeString(t, qf);

describe("instantiation of generic types", () => {
  // type List[T any] struct { next *List[T]; val T }
  // func (l *List[T]) Push(v T) *List[T]
  const T = mkTParam(main, "T", anyType, 0);
  const List = mkGeneric(main, "List", [T], (self, [tp]) => {
    const inst = Named.newInstance(self, [tp]);
    return mkStruct([mkField(main, "next", new Pointer(inst)), mkField(main, "val", tp)]);
  });
  const push = mkMethod(List, "Push", true);
  const recvInst = Named.newInstance(List, [T]);
  (push.type as Signature).recv = (push.type as Signature).recv; // receiver *List (origin) is fine for the test
  (push.type as Signature).params = mkSig([T], []).params;
  (push.type as Signature).results = mkSig([], [new Pointer(recvInst)]).results;

  it("expands the underlying type lazily and keeps recursion finite", () => {
    const ctxt = new Context();
    const li = instance(List, [int], null, ctxt) as Named;
    expect(ts(li)).toBe("List[int]");
    const u = li.underlying() as Struct;
    expect(ts(u)).toBe("struct{next *List[int]; val int}");
    // the inner List[int] is the very same instance
    expect((u.fields[0].typ() as Pointer).base).toBe(li);
    expect(identical(li, instance(List, [int], null, new Context()))).toBe(true);
  });

  it("instantiates methods with the receiver substituted", () => {
    const li = instance(List, [str], null, new Context()) as Named;
    const r = lookupFieldOrMethod(new Pointer(li), false, main, "Push");
    expect(r.obj).not.toBe(null);
    expect(ts(r.obj!.type)).toBe("func(string) *List[string]");
    expect(ts((r.obj!.type as Signature).recv!.typ())).toBe("*List[string]");
    expect(li.method(0)).toBe(li.method(0)); // expanded once
  });

  it("instantiates generic signatures and checks counts and constraints", () => {
    const P = mkTParam(main, "P", constraint([true, int]), 0);
    const sig = mkGenericSig([P], [P], [new Slice(P)]);
    const r = instantiate(null, sig, [int], true);
    expect(r.error).toBe(null);
    expect(ts(r.type)).toBe("func(int) []int");
    expect((r.type as Signature).tparams.length).toBe(0);
    const bad = instantiate(null, sig, [str], true);
    expect(bad.error).toBe("string does not implement ~int (string missing in ~int)");
    expect(bad.index).toBe(0);
    const cnt = instantiate(null, List, [int, int], true);
    expect(cnt.error).toBe("got 2 type arguments but main.List[T any] has 1 type parameters");
  });

  it("verifies constraints that mention other type parameters", () => {
    // [S ~[]E, E comparable]
    const E = mkTParam(main, "E", comparableType, 1);
    const S = mkTParam(main, "S", constraint([true, new Slice(E)]), 0);
    const env = testEnv();
    expect(verify(env, NoPos, [S, E], [new Slice(int), int])).toBe(null);
    expect(verify(env, NoPos, [S, E], [new Slice(str), int])).toEqual({
      index: 0,
      cause: "[]string does not implement ~[]int ([]string missing in ~[]int)",
    });
    expect(verify(env, NoPos, [S, E], [new Slice(new Slice(int)), new Slice(int)])).toEqual({
      index: 1,
      cause: "[]int does not implement comparable",
    });
  });
});

describe("unification", () => {
  it("binds type parameters structurally and through named types", () => {
    const P = mkTParam(main, "P", anyType, 0);
    const Q = mkTParam(main, "Q", anyType, 1);
    const u = new Unifier([P, Q], false, false);
    expect(u.unify(new MapType(P, new Slice(Q)), new MapType(str, new Slice(int)))).toBe(true);
    expect(u.at(0)).toBe(str);
    expect(u.at(1)).toBe(int);
    expect(u.unify(P, int)).toBe(false); // already string
    const MyInts = mkNamed(main, "MyInts", new Slice(int));
    const u2 = new Unifier([P, Q], false, false);
    expect(u2.unify(new Slice(P), MyInts)).toBe(true); // inexact: through the underlying type
    expect(u2.at(0)).toBe(int);
    const u3 = new Unifier([P, Q], true, false);
    expect(u3.unify(new Slice(P), MyInts)).toBe(false); // exact
    const u4 = new Unifier([P, Q], false, false);
    expect(u4.unify(new Chan(ChanDir.SendRecv, P), new Chan(ChanDir.RecvOnly, int))).toBe(true); // inexact ignores direction
  });

  it("joins parameters in both-sides mode", () => {
    const P = mkTParam(main, "P", anyType, 0);
    const Q = mkTParam(main, "Q", anyType, 1);
    const u = new Unifier([P, Q], false, true);
    expect(u.unify(P, Q)).toBe(true);
    expect(u.unknowns()).toBe(2);
    u.set(0, int);
    expect(u.at(1)).toBe(int);
  });
});

describe("type inference", () => {
  const arg = (type: Type | null, expr: string, pos = 7): InferArg => ({ type, expr, pos });

  it("infers from typed arguments, then core types (slices.Map-like)", () => {
    // func Map[S ~[]E, E, R any](s S, f func(E) R) []R
    const E = mkTParam(main, "E", anyType, 1);
    const R = mkTParam(main, "R", anyType, 2);
    const S = mkTParam(main, "S", constraint([true, new Slice(E)]), 0);
    const sig = mkGenericSig([S, E, R], [S, mkSig([E], [R])], [new Slice(R)]);
    const MyInts = mkNamed(main, "MyInts", new Slice(int));
    const env = testEnv();
    const got = infer(env, 1, sig.tparams, [], sig.params, [arg(MyInts, "xs"), arg(mkSig([int], [str]), "strconv.Itoa")]);
    expect(env.errors).toEqual([]);
    expect(got?.map(ts)).toEqual(["MyInts", "int", "string"]);
  });

  it("uses default types of untyped constants last", () => {
    const P = mkTParam(main, "P", anyType, 0);
    const env = testEnv();
    const got = infer(env, 1, [P], [], mkSig([P, P], []).params, [
      arg(Typ[BasicKind.UntypedInt], "1"),
      arg(Typ[BasicKind.UntypedFloat], "2.5"),
    ]);
    // gc infers int from the first default type and then fails on 2.5
    expect(got).toBe(null);
    expect(env.errors).toEqual(["default type float64 of 2.5 does not match inferred type int for P"]);
    const env2 = testEnv();
    const got2 = infer(env2, 1, [P], [], mkSig([P, P], []).params, [arg(f64, "x"), arg(Typ[BasicKind.UntypedInt], "2")]);
    expect(got2?.map(ts)).toEqual(["float64"]);
  });

  it("reports gc's messages on failure", () => {
    const P = mkTParam(main, "P", anyType, 0);
    const Q = mkTParam(main, "Q", anyType, 1);
    Q.obj.pos = 42;
    const env = testEnv();
    expect(infer(env, 1, [P, Q], [], mkSig([P], []).params, [arg(Typ[BasicKind.UntypedInt], "1")])).toBe(null);
    expect(env.errors).toEqual(["cannot infer Q (main.go:42)"]);

    const env2 = testEnv();
    expect(infer(env2, 1, [P], [], mkSig([P, P], []).params, [arg(int, "x"), arg(str, "y")])).toBe(null);
    expect(env2.errors).toEqual(["type string of y does not match inferred type int for P"]);

    const env3 = testEnv();
    expect(infer(env3, 1, [P], [], mkSig([new Slice(P)], []).params, [arg(int, "x")])).toBe(null);
    expect(env3.errors).toEqual(["type int of x does not match []P (cannot infer P)"]);
  });

  it("respects explicit type arguments and partial instantiation", () => {
    const P = mkTParam(main, "P", anyType, 0);
    const Q = mkTParam(main, "Q", constraint([false, new Pointer(P)]), 1);
    const env = testEnv();
    // f[int]() with Q *P inferred from its single-term constraint
    const got = infer(env, 1, [P, Q], [int], null, []);
    expect(got?.map(ts)).toEqual(["int", "*int"]);
  });

  it("constraint type inference reports core type mismatches", () => {
    const E = mkTParam(main, "E", anyType, 1);
    const S = mkTParam(main, "S", constraint([true, new Slice(E)]), 0);
    const env = testEnv();
    expect(inferB(env, 1, [S, E], [int, null])).toBe(null);
    expect(env.errors).toEqual(["S does not match ~[]E"]);
  });

  it("renames the type parameters of a self-recursive call", () => {
    // func f[T any](x T) { f(x) } — inside f, x has type T (the same TypeParam)
    const T = mkTParam(main, "T", anyType, 0);
    const env = testEnv();
    const got = infer(env, 1, [T], [], mkSig([T], []).params, [arg(T, "x")], [T]);
    expect(got).not.toBe(null);
    expect(got![0]).toBe(T);
  });

  it("renames for a recursive partial instantiation without the caller's tparams", () => {
    // func f[P *Q, Q any](P, Q) { _ = f[P] } — Q is inferred as f's own Q through P's core type
    const Q = mkTParam(main, "Q", anyType, 1);
    const P = mkTParam(main, "P", constraint([false, new Pointer(Q)]), 0);
    const env = testEnv();
    const got = infer(env, 1, [P, Q], [P], null, []);
    expect(env.errors).toEqual([]);
    expect(got).not.toBe(null);
    expect(got![0]).toBe(P);
    expect(got![1]).toBe(Q);
  });
});

describe("interfaces with methods in constraints", () => {
  it("instantiates interfaces and checks methods of type arguments", () => {
    // type Stringer[T any] interface{ String() T }
    const T = mkTParam(main, "T", anyType, 0);
    const Str = mkGeneric(main, "Stringer", [T], (_s, [tp]) => mkIface([mkIfaceMethod(main, "String", [], [tp])]));
    const si = instance(Str, [str], null, new Context()) as Named;
    expect(ts(si.underlying())).toBe("interface{String() string}");
    const X = mkNamed(main, "X", int);
    mkMethod(X, "String", false, [], [int]);
    const env = testEnv();
    const P = mkTParam(main, "P", si, 0);
    expect(verify(env, NoPos, [P], [X])?.cause).toBe(
      "X does not implement Stringer[string] (wrong type for String method)\n\t\thave String() int\n\t\twant String() string",
    );
  });
});
