/**
 * lowermisc.ts — smaller language features (part of FuncLowering, see lowerbase.ts): complex
 * numbers and rune-slice conversions. The shared layers call in through the abstract hooks
 * declared in lowerexpr.ts / lowercall.ts (complexConst, complexBinary, …).
 *
 * COMPLEX NUMBERS. A complex value is two float slots, real then imaginary (shape "nn"); in
 * memory complex128 is two float64 (16 bytes), complex64 two float32 (8 bytes), loaded and
 * stored per part like float64/float32 (lowerbase.ts leavesOf). A complex64 part in a slot is a
 * float64 already rounded to float32, as for float32 values. Operations follow gc's SSA
 * lowering (ssagen/ssa.go), so results are bit-identical to Go's:
 *   + −      per part, in the part's precision (ADDF32 for complex64)
 *   ×        (ac−bd) + (ad+bc)i computed in float64 and narrowed for complex64
 *   ÷        runtime.complex128div (runtime/src/complex.ts: Smith's algorithm + C99 Annex G
 *            fix-ups), complex64 widened and the quotient narrowed
 *   == !=    both parts equal (float comparison: NaN ≠ NaN, −0 = +0)
 *   conversions complex64 ↔ complex128 per part; real/imag pick a part; complex(r, i) pairs
 *   print    "(" real imag "i)" with the float format (+1.000000e+000), as Go's printcomplex
 *
 * RUNE AND BYTE SLICES. []rune(s), string(rs), []byte(s) and string(bs) call runtime natives
 * (runtime/src/string.ts: stringtoslicerune, slicerunetostring, stringtoslicebyte,
 * slicebytetostring) that decode/encode UTF-8 as Go does (invalid bytes →
 * U+FFFD, surrogates and out-of-range runes → U+FFFD). The capacity of []rune(s) is that of a
 * heap allocation (roundupsize), what Go gives when the slice escapes (a non-escaping one gets
 * Go's 32-element stack buffer when it fits: a known deviation); of a constant string, len.
 * Same for []byte(s).
 */
import { Op } from "@gort/runtime/image";
import * as constant from "../constant/index.js";
import type { Pos } from "../syntax/position.js";
import * as ast from "../syntax/ast.js";
import { BasicKind, BuiltinId, Typ, TypeTag, type Slice, type Type } from "../types/index.js";
import { Unsupported, basicKind, isString, type Val } from "./lowerbase.js";
import { LowerMap } from "./lowermap.js";

function isComplex64(t: Type): boolean {
  return basicKind(t) === BasicKind.Complex64;
}
/** Whether t is a slice of bytes (uint8 elements). */
function isByteSlice(t: Type): boolean {
  const u = t.underlying();
  return u.tag === TypeTag.Slice && basicKind((u as Slice).elem) === BasicKind.Uint8;
}
/** Whether t is a slice of runes (int32 elements). */
export function isRuneSlice(t: Type): boolean {
  const u = t.underlying();
  return u.tag === TypeTag.Slice && basicKind((u as Slice).elem) === BasicKind.Int32;
}

export abstract class LowerMisc extends LowerMap {
  // ── complex numbers ─────────────────────────────────────────────────────────────────────

  protected complexConst(v: constant.Value, t: Type, pos: Pos): Val {
    void pos;
    const r = this.temp("nn");
    const parts = [constant.real(v), constant.imag(v)];
    parts.forEach((p, i) => {
      let f = constant.float64Val(constant.toFloat(p))[0];
      if (isComplex64(t)) f = Math.fround(f);
      if (f === 0 && !Object.is(f, -0)) this.ldi(r + i, 0);
      else this.emit(Op.LDK, r + i, this.p.constFloat(f));
    });
    return { slot: r, n: 2 };
  }

  protected complexNeg(t: Type, x: Val): Val {
    void t;
    const r = this.temp("nn");
    this.emit(Op.NEGF, r, x.slot);
    this.emit(Op.NEGF, r + 1, x.slot + 1);
    return { slot: r, n: 2 };
  }

  protected complexBinary(op: string, t: Type, x: Val, y: Val, pos: Pos): Val {
    const c64 = isComplex64(t);
    const r = this.temp("nn");
    this.at(pos);
    switch (op) {
      case "+":
      case "-": {
        const o = op === "+" ? (c64 ? Op.ADDF32 : Op.ADDF) : c64 ? Op.SUBF32 : Op.SUBF;
        this.emit(o, r, x.slot, y.slot);
        this.emit(o, r + 1, x.slot + 1, y.slot + 1);
        return { slot: r, n: 2 };
      }
      case "*": {
        // float64 throughout (complex64 parts are exact float64 values), narrowed at the end
        const m = this.mark();
        const t1 = this.temp("n");
        const t2 = this.temp("n");
        this.emit(Op.MULF, t1, x.slot, y.slot);
        this.emit(Op.MULF, t2, x.slot + 1, y.slot + 1);
        this.emit(Op.SUBF, r, t1, t2);
        this.emit(Op.MULF, t1, x.slot, y.slot + 1);
        this.emit(Op.MULF, t2, x.slot + 1, y.slot);
        this.emit(Op.ADDF, r + 1, t1, t2);
        this.release(m);
        if (c64) this.narrowComplex(r);
        return { slot: r, n: 2 };
      }
      case "/": {
        const m = this.mark();
        const args = this.temp("nnnn");
        this.emit(Op.MOVN, args, x.slot, 2);
        this.emit(Op.MOVN, args + 2, y.slot, 2);
        this.emit(Op.CALLN, this.p.nativeIndex("runtime.complex128div"), args, r);
        this.release(m);
        if (c64) this.narrowComplex(r);
        return { slot: r, n: 2 };
      }
    }
    throw new Unsupported(pos, `complex operator ${op}`);
  }

  private narrowComplex(r: number): void {
    this.emit(Op.F2F32, r, r);
    this.emit(Op.F2F32, r + 1, r + 1);
  }

  protected complexCompare(op: string, x: Val, y: Val, pos: Pos): Val {
    if (op !== "==" && op !== "!=") throw new Error(`internal: ordered comparison ${op} of complex values`);
    this.at(pos);
    const r = this.temp("n");
    const m = this.mark();
    const im = this.temp("n");
    this.emit(Op.EQF, r, x.slot, y.slot);
    this.emit(Op.EQF, im, x.slot + 1, y.slot + 1);
    this.emit(Op.AND, r, r, im);
    if (op === "!=") this.emit(Op.NOTB, r, r);
    this.release(m);
    return { slot: r, n: 1 };
  }

  /** Conversion between complex types (complex64 ↔ complex128, named types). */
  protected complexConvert(x: Val, from: Type, to: Type): Val {
    const r = this.temp("nn");
    this.emit(Op.MOVN, r, x.slot, 2);
    if (isComplex64(to) && !isComplex64(from)) this.narrowComplex(r);
    return { slot: r, n: 2 };
  }

  /** real, imag, complex; null for other builtins. */
  protected complexBuiltin(e: ast.CallExpr, id: BuiltinId): Val[] | null {
    if (id !== BuiltinId.Real && id !== BuiltinId.Imag && id !== BuiltinId.Complex) return null;
    const pos = ast.nodePos(e);
    if (id === BuiltinId.Complex) {
      const re = this.expr(e.args[0]);
      const r = this.temp("nn");
      this.emit(Op.MOV, r, re.slot);
      const im = this.expr(e.args[1]);
      this.at(pos);
      this.emit(Op.MOV, r + 1, im.slot);
      return [{ slot: r, n: 2 }];
    }
    const x = this.expr(e.args[0]);
    this.at(pos);
    const r = this.temp("n");
    this.emit(Op.MOV, r, x.slot + (id === BuiltinId.Imag ? 1 : 0));
    return [{ slot: r, n: 1 }];
  }

  /** print/println of a complex value: "(" real imag "i)" (each part in the float format). */
  protected printComplex(v: Val, pos: Pos): void {
    const str = (s: string): void => {
      const m = this.mark();
      const c = this.constant(constant.makeString(s), Typ[BasicKind.String], pos);
      this.emit(Op.PRINTS, c.slot);
      this.release(m);
    };
    str("(");
    this.emit(Op.PRINTF, v.slot);
    this.emit(Op.PRINTF, v.slot + 1);
    str("i)");
  }

  // ── rune slices ─────────────────────────────────────────────────────────────────────────

  /** []rune(s), string(runes), []byte(s), string(bytes); null when the conversion is none of them. */
  protected runeConversion(x: Val, from: Type, to: Type, arg: ast.Expr): Val | null {
    const pos = ast.nodePos(arg);
    if (isString(from) && isByteSlice(to)) {
      const r = this.temp("pnn");
      this.at(pos);
      this.emit(Op.CALLN, this.p.nativeIndex("runtime.stringtoslicebyte"), x.slot, r);
      // gc builds []byte("const") with cap == len (the native's cap is a heap object's)
      if (this.p.info.types.get(arg)?.value != null) this.emit(Op.MOV, r + 2, r + 1);
      return { slot: r, n: 3 };
    }
    if (isString(to) && isByteSlice(from)) {
      const r = this.temp("pn");
      this.at(pos);
      this.emit(Op.CALLN, this.p.nativeIndex("runtime.slicebytetostring"), x.slot, r);
      return { slot: r, n: 2 };
    }
    if (isString(from) && isRuneSlice(to)) {
      const r = this.temp("pnn");
      this.at(pos);
      this.emit(Op.CALLN, this.p.nativeIndex("runtime.stringtoslicerune"), x.slot, r);
      // gc builds []rune("const") with cap == len (the native's cap is a heap object's)
      if (this.p.info.types.get(arg)?.value != null) this.emit(Op.MOV, r + 2, r + 1);
      return { slot: r, n: 3 };
    }
    if (isString(to) && isRuneSlice(from)) {
      const r = this.temp("pn");
      this.at(pos);
      this.emit(Op.CALLN, this.p.nativeIndex("runtime.slicerunetostring"), x.slot, r);
      return { slot: r, n: 2 };
    }
    return null;
  }
}
