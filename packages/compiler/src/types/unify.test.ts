import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Array, BasicKind, Chan, ChanDir, MapType, Pointer, Slice, Typ, type Type } from "./type.js";
import { identical } from "./predicates.js";
import { makeSubstMap, subst } from "./subst.js";
import { typeString } from "./typestring.js";
import { Unifier } from "./unify.js";
import { anyType } from "./universe.js";
import { mkField, mkNamed, mkPkg, mkSig, mkStruct, mkTParam } from "./testing_algebra.js";

const p = mkPkg("p");
const int = Typ[BasicKind.Int];
const str = Typ[BasicKind.String];
const MyInt = mkNamed(p, "MyInt", int);
const P = mkTParam(p, "P", anyType, 0);

/** Random types built from leaves with the usual constructors; `withP` adds P as a leaf. */
function arbType(withP: boolean): fc.Arbitrary<Type> {
  const leaves: Type[] = withP ? [int, str, MyInt, P, P] : [int, str, MyInt];
  const { t } = fc.letrec<{ t: Type }>((tie) => ({
    t: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.constantFrom(...leaves),
      tie("t").map((e) => new Slice(e) as Type),
      tie("t").map((e) => new Pointer(e) as Type),
      tie("t").map((e) => new Array(e, 2) as Type),
      tie("t").map((e) => new Chan(ChanDir.SendRecv, e) as Type),
      fc.tuple(tie("t"), tie("t")).map(([k, v]) => new MapType(k, v) as Type),
      fc.tuple(tie("t"), tie("t")).map(([a, r]) => mkSig([a], [r]) as Type),
      tie("t").map((e) => mkStruct([mkField(p, "f", e)]) as Type),
    ),
  }));
  return t;
}

describe("unification (property)", () => {
  it("identical is reflexive and symmetric on random types", () => {
    fc.assert(
      fc.property(arbType(true), arbType(true), (x, y) => {
        expect(identical(x, x)).toBe(true);
        expect(identical(x, y)).toBe(identical(y, x));
      }),
    );
  });

  it("unifying a pattern with its instance infers the substituted type", () => {
    fc.assert(
      fc.property(arbType(true), arbType(false), (pattern, targ) => {
        const inst = subst(pattern, makeSubstMap([P], [targ]), null);
        for (const exact of [true, false]) {
          const u = new Unifier([P], exact, false);
          expect(u.unify(pattern, inst)).toBe(true);
          const got = u.at(0);
          if (inst === pattern) expect(got).toBe(null); // P does not occur
          else {
            expect(got).not.toBe(null);
            expect(identical(got as Type, targ), `${typeString(pattern, null)} vs ${typeString(inst, null)}`).toBe(true);
          }
        }
      }),
    );
  });

  it("a pattern does not unify with a type of a different shape", () => {
    fc.assert(
      fc.property(arbType(true), arbType(false), arbType(false), (pattern, t1, t2) => {
        const a = subst(pattern, makeSubstMap([P], [t1]), null);
        const b = subst(pattern, makeSubstMap([P], [t2]), null);
        // both instances unify with the pattern, and with each other exactly when identical
        const u = new Unifier([P], true, false);
        expect(u.unify(a, b)).toBe(identical(a, b));
      }),
    );
  });
});
