import { describe, expect, it } from "vitest";
import type { Pos } from "../syntax/position.js";
import { Context, instance } from "./instantiate.js";
import { BasicKind, Named, Pointer, Typ } from "./type.js";
import type { AlgebraEnv, ErrorPart } from "./typeset.js";
import { anyType } from "./universe.js";
import { validType } from "./validtype.js";
import { mkField, mkNamed, mkPkg, mkStruct, mkTParam } from "./testing_algebra.js";

const main = mkPkg("main");

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

describe("validType", () => {
  it("reports a struct containing itself and marks it invalid", () => {
    // type T struct{ next T }
    const T = mkNamed(main, "T", null, 10);
    const s = mkStruct([mkField(main, "next", T)]);
    T.setUnderlying(s);
    T.fromRHS = s;
    const env = testEnv();
    expect(validType(env, T)).toBe(false);
    expect(env.errors).toEqual(["10: invalid recursive type T\n\t10: T refers to\n\t10: T"]);
    expect(T.underlying()).toBe(Typ[BasicKind.Invalid]);
  });

  it("accepts recursion through a pointer, also for generic types", () => {
    // type L[P any] struct{ next *L[P]; v P }
    const P = mkTParam(main, "P", anyType, 0);
    const L = mkNamed(main, "L", null, 20);
    L.tparams = [P];
    const inst = instance(L, [P], null, new Context()) as Named;
    const s = mkStruct([mkField(main, "next", new Pointer(inst)), mkField(main, "v", P)]);
    L.setUnderlying(s);
    L.fromRHS = s;
    const env = testEnv();
    expect(validType(env, L)).toBe(true);
    expect(env.errors).toEqual([]);
  });

  it("invalidates the instance on the cycle of a generic type, not the origin", () => {
    // type G[P any] struct{ G[P] } — gc: "invalid recursive type G"; G's own underlying stays
    const P = mkTParam(main, "P", anyType, 0);
    const G = mkNamed(main, "G", null, 30);
    G.tparams = [P];
    const inst = instance(G, [P], null, new Context(), null, 35) as Named;
    const s = mkStruct([mkField(main, "G", inst, true)]);
    G.setUnderlying(s);
    G.fromRHS = s;
    const env = testEnv();
    expect(validType(env, G)).toBe(false);
    expect(env.errors.length).toBe(1);
    expect(env.errors[0]).toMatch(/^\d+: invalid recursive type G\n\t\d+: G refers to\n\t\d+: G$/);
    expect(G.underlying()).toBe(s);
    expect(inst.underlying()).toBe(Typ[BasicKind.Invalid]);
  });
});
