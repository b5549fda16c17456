import { describe, expect, it } from "vitest";
import { Array, BasicKind, Chan, ChanDir, Interface, MapType, Pointer, Slice, Tuple, Typ, type Type } from "./type.js";
import { alignof, offsetsof, sizeof, stdSizes } from "./sizes.js";
import { mkField, mkNamed, mkParam, mkPkg, mkSig, mkStruct } from "./testing_algebra.js";
import type { Struct } from "./type.js";

/*
 * Expected values measured with Go 1.19 on linux/amd64:
 *
 *   fmt.Println(unsafe.Sizeof(x), unsafe.Alignof(x), unsafe.Offsetof(x.f)...)
 *
 *   E  struct{}                                   0 1
 *   S1 struct{a bool; b int64; c bool}           24 8  c@16
 *   S2 struct{a int32; e struct{}}                8 4  e@4
 *   S3 struct{e struct{}; a int32}                4 4  a@0
 *   S4 (see below)                              144 8  offsets 4 16 32 48 64 88 96 104 112 120 128 136
 *   S5 struct{a int8; z [0]int64}                16 8  z@8
 *   S6 struct{x atomic.Int64; b bool}            16 8  b@8
 *   S7 struct{b bool; x atomic.Uint64}           16 8  x@8
 *   S8 struct{a [0]int64}                         0 8
 *   S9 struct{a int16; b [3]S2}                  28 4  b@4
 *   complex64 8 4; complex128 16 8; [3]complex128 48 8; [3]S2 24 4; [0]S1 0 8
 *   atomic.Int64 8 8; atomic.Int32 4 4; atomic.Pointer[int] 8 8; atomic.Value 16 8
 */

const T = (k: BasicKind) => Typ[k];
const p = mkPkg("main");
const atomic = mkPkg("sync/atomic", "atomic");
const f = (name: string, t: Type) => mkField(p, name, t);
const empty = () => mkStruct([]);

const S1 = mkStruct([f("a", T(BasicKind.Bool)), f("b", T(BasicKind.Int64)), f("c", T(BasicKind.Bool))]);
const S2 = mkStruct([f("a", T(BasicKind.Int32)), f("e", empty())]);
const S3 = mkStruct([f("e", empty()), f("a", T(BasicKind.Int32))]);
const S4 = mkStruct([
  f("a", T(BasicKind.Uint8)),
  f("c", T(BasicKind.Complex64)),
  f("d", T(BasicKind.Complex128)),
  f("s", T(BasicKind.String)),
  f("i", new Interface([], [])),
  f("sl", new Slice(T(BasicKind.Int))),
  f("m", new MapType(T(BasicKind.Int), T(BasicKind.Int))),
  f("ch", new Chan(ChanDir.SendRecv, T(BasicKind.Int))),
  f("f", mkSig([], [])),
  f("p", new Pointer(T(BasicKind.Int))),
  f("u", T(BasicKind.Uintptr)),
  f("up", T(BasicKind.UnsafePointer)),
  f("arr", new Array(T(BasicKind.Int16), 3)),
]);
const S5 = mkStruct([f("a", T(BasicKind.Int8)), f("z", new Array(T(BasicKind.Int64), 0))]);
// sync/atomic (1.19): type align64 struct{}; type noCopy struct{}; type Int64 struct{ _ noCopy; _ align64; v int64 }
const align64 = mkNamed(atomic, "align64", mkStruct([]));
const noCopy = mkNamed(atomic, "noCopy", mkStruct([]));
const Int64 = mkNamed(
  atomic,
  "Int64",
  mkStruct([mkField(atomic, "_", noCopy), mkField(atomic, "_", align64), mkField(atomic, "v", T(BasicKind.Int64))]),
);
const Uint64 = mkNamed(
  atomic,
  "Uint64",
  mkStruct([mkField(atomic, "_", noCopy), mkField(atomic, "_", align64), mkField(atomic, "v", T(BasicKind.Uint64))]),
);
const Int32 = mkNamed(atomic, "Int32", mkStruct([mkField(atomic, "_", noCopy), mkField(atomic, "v", T(BasicKind.Int32))]));
// type Pointer[T any] struct{ _ [0]*T; _ noCopy; v unsafe.Pointer } — as instantiated with int
const PointerInt = mkNamed(
  atomic,
  "Pointer[int]",
  mkStruct([
    mkField(atomic, "_", new Array(new Pointer(T(BasicKind.Int)), 0)),
    mkField(atomic, "_", noCopy),
    mkField(atomic, "v", T(BasicKind.UnsafePointer)),
  ]),
);
const Value = mkNamed(atomic, "Value", mkStruct([mkField(atomic, "v", new Interface([], []))]));
const S6 = mkStruct([f("x", Int64), f("b", T(BasicKind.Bool))]);
const S7 = mkStruct([f("b", T(BasicKind.Bool)), f("x", Uint64)]);
const S8 = mkStruct([f("a", new Array(T(BasicKind.Int64), 0))]);
const S9 = mkStruct([f("a", T(BasicKind.Int16)), f("b", new Array(S2, 3))]);

describe("sizes (gc, linux/amd64)", () => {
  it("matches unsafe.Sizeof/Alignof of Go 1.19", () => {
    const table: [string, Type, number, number][] = [
      ["E", empty(), 0, 1],
      ["S1", S1, 24, 8],
      ["S2", S2, 8, 4],
      ["S3", S3, 4, 4],
      ["S4", S4, 144, 8],
      ["S5", S5, 16, 8],
      ["S6", S6, 16, 8],
      ["S7", S7, 16, 8],
      ["S8", S8, 0, 8],
      ["S9", S9, 28, 4],
      ["complex64", T(BasicKind.Complex64), 8, 4],
      ["complex128", T(BasicKind.Complex128), 16, 8],
      ["[3]complex128", new Array(T(BasicKind.Complex128), 3), 48, 8],
      ["[3]S2", new Array(S2, 3), 24, 4],
      ["[0]S1", new Array(S1, 0), 0, 8],
      ["atomic.Int64", Int64, 8, 8],
      ["atomic.Int32", Int32, 4, 4],
      ["atomic.Pointer[int]", PointerInt, 8, 8],
      ["atomic.Value", Value, 16, 8],
      ["string", T(BasicKind.String), 16, 8],
      ["int", T(BasicKind.Int), 8, 8],
      ["bool", T(BasicKind.Bool), 1, 1],
      ["[]int", new Slice(T(BasicKind.Int)), 24, 8],
    ];
    for (const [name, typ, size, align] of table) {
      expect([name, sizeof(typ), alignof(typ)]).toEqual([name, size, align]);
    }
  });

  it("matches unsafe.Offsetof of Go 1.19", () => {
    const off = (s: Struct) => offsetsof(s);
    expect(off(S1)[2]).toBe(16);
    expect(off(S2)[1]).toBe(4);
    expect(off(S3)[1]).toBe(0);
    expect(off(S4).slice(1)).toEqual([4, 16, 32, 48, 64, 88, 96, 104, 112, 120, 128, 136]);
    expect(off(S5)[1]).toBe(8);
    expect(off(S6)[1]).toBe(8);
    expect(off(S7)[1]).toBe(8);
    expect(off(S9)[1]).toBe(4);
    // offsetof through an embedded path: S6.x.v
    expect(stdSizes.offsetof(S6, [0, 2])).toBe(0);
    expect(stdSizes.offsetof(S7, [1, 2])).toBe(8);
  });

  it("lays out tuples like structs and rejects type parameters", () => {
    const t = new Tuple([mkParam(T(BasicKind.Bool)), mkParam(T(BasicKind.Int64)), mkParam(T(BasicKind.Bool))]);
    expect(stdSizes.sizeof(t)).toBe(24);
    expect(stdSizes.offsetsof(t)).toEqual([0, 8, 16]);
  });
});

describe("sizes of invalid recursive generic types", () => {
  it("cuts off an unbounded chain of instances instead of hanging", async () => {
    const { Context, instance } = await import("./instantiate.js");
    const { anyType } = await import("./universe.js");
    const { mkTParam } = await import("./testing_algebra.js");
    const { Sizes, SizesError } = await import("./sizes.js");
    const { Named } = await import("./type.js");
    // type B[P any] struct{ f B[[]P] } — B[int] holds B[[]int] holds B[[][]int] ...
    const p = mkPkg("p");
    const P = mkTParam(p, "P", anyType, 0);
    const B = mkNamed(p, "B", null);
    B.tparams = [P];
    const ctxt = new Context();
    const s = mkStruct([mkField(p, "f", instance(B, [new Slice(P)], null, ctxt))]);
    B.setUnderlying(s);
    B.fromRHS = s;
    const bint = instance(B, [Typ[BasicKind.Int]], null, ctxt);
    expect(bint).toBeInstanceOf(Named);
    const sizes = new Sizes(8, 8);
    const t0 = Date.now();
    expect(() => sizes.sizeof(bint)).toThrow(SizesError);
    expect(Date.now() - t0).toBeLessThan(3000);
    // the sizer is still usable afterwards, and deep but finite nesting is fine
    let deep: Type = Typ[BasicKind.Int8];
    for (let i = 0; i < 200; i++) deep = new Array(deep, 1);
    expect(sizes.sizeof(deep)).toBe(1);
  });
});
