import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BasicKind, Term, Typ, type Type } from "./type.js";
import {
  allTerm,
  termDisjoint,
  termlistEqual,
  termlistIncludes,
  termlistIntersect,
  termlistIsAll,
  termlistNorm,
  termlistSubsetOf,
  termlistUnion,
} from "./typeset.js";
import { mkNamed, mkPkg } from "./testing_algebra.js";

// Term-list algebra checked against membership of concrete types: a finite universe of types
// (two per underlying type) and terms over it, including 𝓤 and the ~ forms.
const p = mkPkg("p");
const int = Typ[BasicKind.Int];
const str = Typ[BasicKind.String];
const f64 = Typ[BasicKind.Float64];
const MyInt = mkNamed(p, "MyInt", int);
const MyStr = mkNamed(p, "MyStr", str);
const MyF = mkNamed(p, "MyF", f64);
const universe: Type[] = [int, str, f64, MyInt, MyStr, MyF];
const terms: Term[] = [
  allTerm,
  new Term(false, int),
  new Term(true, int),
  new Term(false, str),
  new Term(true, str),
  new Term(false, f64),
  new Term(true, f64),
  new Term(false, MyInt),
  new Term(false, MyStr),
  new Term(false, MyF),
];
const arbList = fc.array(fc.constantFrom(...terms), { maxLength: 5 });
const member = (xl: readonly Term[], t: Type) => xl.some((x) => x.type === null || (x.tilde ? x.type === t.underlying() : x.type === t));

describe("term lists (property)", () => {
  it("normalisation keeps the set; 𝓤 stands alone", () => {
    fc.assert(
      fc.property(arbList, (xl) => {
        const n = termlistNorm(xl);
        for (const t of universe) expect(termlistIncludes(n, t)).toBe(member(xl, t));
        if (termlistIsAll(n)) expect(n.length).toBe(1);
      }),
    );
  });

  it("normalisation is a single merging pass, like gc's", () => {
    // Terms are disjoint only pairwise with the term they were merged into: int|MyInt|~int
    // becomes ~int|MyInt (int absorbed by ~int after MyInt was passed), exactly as types2's
    // termlist.norm — type set strings in messages depend on it.
    const n = termlistNorm([new Term(false, int), new Term(false, MyInt), new Term(true, int)]);
    expect(n.map((t) => (t.tilde ? "~" : "") + (t.type === MyInt ? "MyInt" : "int"))).toEqual(["~int", "MyInt"]);
    expect(termDisjoint(n[0], n[1])).toBe(false);
    // distinct underlying types stay disjoint
    const m = termlistNorm([new Term(false, int), new Term(true, str), new Term(false, MyF)]);
    for (let i = 0; i < m.length; i++) for (let j = i + 1; j < m.length; j++) expect(termDisjoint(m[i], m[j])).toBe(true);
  });

  it("union and intersection are membership or/and, and commute", () => {
    fc.assert(
      fc.property(arbList, arbList, (xs, ys) => {
        const x = termlistNorm(xs);
        const y = termlistNorm(ys);
        const u = termlistUnion(x, y);
        const i = termlistIntersect(x, y);
        for (const t of universe) {
          expect(termlistIncludes(u, t)).toBe(member(x, t) || member(y, t));
          expect(termlistIncludes(i, t)).toBe(member(x, t) && member(y, t));
        }
        expect(termlistEqual(u, termlistUnion(y, x))).toBe(true);
        expect(termlistEqual(i, termlistIntersect(y, x))).toBe(true);
        expect(termlistSubsetOf(x, u)).toBe(true);
        expect(termlistSubsetOf(i, x)).toBe(true);
      }),
    );
  });

  it("subset implies membership implication", () => {
    fc.assert(
      fc.property(arbList, arbList, (xs, ys) => {
        const x = termlistNorm(xs);
        const y = termlistNorm(ys);
        if (termlistSubsetOf(x, y)) for (const t of universe) if (member(x, t)) expect(member(y, t)).toBe(true);
        // ~T is never a subset of a finite list of plain types
        if (x.some((t) => t.tilde) && y.every((t) => !t.tilde && t.type !== null)) {
          expect(termlistSubsetOf(x, y)).toBe(false);
        }
      }),
    );
  });
});
