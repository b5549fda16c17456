import { describe, expect, it } from "vitest";
import type { Pos } from "../syntax/position.js";
import { Context } from "./instantiate.js";
import { MonoGraph } from "./mono.js";
import { TypeName } from "./object.js";
import { Scope } from "./scope.js";
import { BasicKind, MapType, Named, Pointer, Slice, Typ } from "./type.js";
import type { AlgebraEnv, ErrorPart } from "./typeset.js";
import { anyType } from "./universe.js";
import { mkPkg, mkTParam } from "./testing_algebra.js";

const int = Typ[BasicKind.Int];
const main = mkPkg("main");
const other = mkPkg("example.com/other", "other");

function testEnv(): AlgebraEnv & { errors: string[] } {
  const ctxt = new Context();
  const errors: string[] = [];
  return {
    errors,
    qf: (pkg) => (pkg === main ? "" : pkg.name),
    pkg: main,
    report(parts: ErrorPart[]) {
      errors.push(parts.map((p) => `${p.pos}: ${p.msg}`).join("\n\t"));
    },
    later(f: () => void) {
      f();
    },
    objDecl() {},
    context: () => ctxt,
    posString: (p: Pos) => `main.go:${p}`,
  };
}

function tparam(name: string, pos: Pos, index = 0, pkg = main) {
  const tp = mkTParam(pkg, name, anyType, index);
  tp.obj.pos = pos;
  return tp;
}

describe("instantiation cycles (MonoGraph)", () => {
  it("reports f[T] calling f[[]T] (test/typeparam/issue48711.go)", () => {
    // func f[T ~[]P, P any](t T) { f[[]T, T](...) }; main: f[[]int](nil)
    const T = tparam("T", 10, 0);
    const P = tparam("P", 20, 1);
    const g = new MonoGraph();
    g.recordInstance(main, 100, [T, P], [new Slice(T), T], [130, 140]);
    g.recordInstance(main, 200, [T, P], [new Slice(int), int], []);
    const env = testEnv();
    expect(g.check(env)).toBe(false);
    expect(env.errors).toEqual(["10: instantiation cycle:\n\t130: T instantiated as []T"]);
  });

  it("accepts recursion that does not grow, and growth without recursion", () => {
    const T = tparam("T", 10);
    const U = tparam("U", 20);
    const g = new MonoGraph();
    g.recordInstance(main, 1, [T], [T], []); // f[T] calls f[T]
    g.recordInstance(main, 2, [U], [new Pointer(T)], []); // f[T] calls h[*T]
    g.recordInstance(main, 3, [T], [U], []); // h[U] calls f[U]: cycle T→U→T of weight 1 ...
    const env = testEnv();
    expect(g.check(env)).toBe(false); // ... which grows (*T each round)
    expect(env.errors.length).toBe(1);
    expect(env.errors[0]).toMatch(/^(10|20): instantiation cycle:/);

    const g2 = new MonoGraph();
    g2.recordInstance(main, 1, [T], [T], []);
    g2.recordInstance(main, 2, [U], [new MapType(T, new Slice(T))], []);
    g2.recordInstance(main, 3, [T], [int], []);
    expect(g2.check(testEnv())).toBe(true);
  });

  it("ignores type parameters of other packages", () => {
    const X = tparam("X", 5, 0, other);
    const g = new MonoGraph();
    g.recordInstance(main, 1, [X], [new Slice(X)], []);
    expect(g.size()).toEqual({ vertices: 0, edges: 0 });
    expect(g.check(testEnv())).toBe(true);
  });

  it("maps method receiver type parameters to the type's (recordCanon)", () => {
    // type L[E any] ...; func (l L[E2]) m() { var _ L[[]E2] }
    const E = tparam("E", 10);
    const E2 = tparam("E", 50);
    const g = new MonoGraph();
    g.recordCanon(E2, E);
    g.recordInstance(main, 60, [E], [new Slice(E2)], [61]);
    const env = testEnv();
    expect(g.check(env)).toBe(false);
    expect(env.errors).toEqual(["10: instantiation cycle:\n\t61: E instantiated as []E"]);
  });

  it("treats local types of generic functions as implicitly parameterised", () => {
    // func f[T any]() { type L struct{ x T }; f[L]() }
    const T = tparam("T", 10);
    const fscope = new Scope(main.scope, 5, 500, "func f");
    fscope.insert(T.obj);
    T.obj.parent = fscope;
    const lobj = new TypeName(30, main, "L", null);
    const L = new Named(lobj, null);
    lobj.type = L;
    fscope.insert(lobj);
    lobj.parent = fscope;
    const g = new MonoGraph();
    g.recordInstance(main, 40, [T], [L], [41]);
    const env = testEnv();
    expect(g.check(env)).toBe(false);
    expect(env.errors[0]).toContain("instantiation cycle:");
    expect(env.errors[0]).toContain("L implicitly parameterized by T");
    expect(env.errors[0]).toContain("T instantiated as L");
  });
});
