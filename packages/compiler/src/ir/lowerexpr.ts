/**
 * lowerexpr.ts — expression lowering (part of FuncLowering, see lowerbase.ts): operands,
 * constants, unary/binary operators with canonical integer forms, shifts, comparisons,
 * conditional jumps, addresses of fields and elements, indexing, slicing, composite literals.
 */
import { Op } from "@gort/runtime/image";
import * as constant from "../constant/index.js";
import type { Pos } from "../syntax/position.js";
import * as ast from "../syntax/ast.js";
import {
  BasicKind,
  Func,
  Nil,
  Pointer,
  SelectionKind,
  Struct,
  Typ,
  TypeTag,
  Var,
  type Array as ArrayT,
  type Slice,
  type Tuple,
  type Type,
} from "../types/index.js";
import { offsetsof, sizeof } from "../types/sizes.js";
import { Label, type IrFunc } from "./ir.js";
import {
  BC_INDEX,
  BC_SLICE_ALEN,
  BC_SLICE_ACAP,
  BC_SLICE_B,
  BC_SLICE3_ALEN,
  BC_SLICE3_ACAP,
  BC_SLICE3_B,
  BC_SLICE3_C,
  BC_UNSIGNED,
  LowerBase,
  Unsupported,
  basicKind,
  isAggregate,
  isComplex,
  isFloat,
  isUnsigned,
  isString,
  isIntegerKind,
  normOp,
  type HelperName,
  type Val,
} from "./lowerbase.js";
import { instanceCallee } from "./generics.js";

export abstract class LowerExpr extends LowerBase {
  // Implemented by later layers: calls (lowercall.ts) and function literals (lower.ts).
  protected abstract callHelper(name: HelperName, args: Val[], rshape: string, pos: Pos): Val;
  protected abstract methodValue(e: ast.SelectorExpr, fn: Func, embedPath: number[]): Val;
  protected abstract closure(fn: IrFunc, captures: Var[], pos: Pos): Val;
  protected abstract funcLit(lit: ast.FuncLit): Val;
  /** `<-c` (commaOk: `v, ok := <-c`, two values) — lowerchan.ts. */
  protected abstract chanRecv(e: ast.UnaryExpr, commaOk: boolean): Val[];
  /** Maps (lowermap.ts): m[k] (commaOk: [v, ok]) and map literals. */
  protected abstract mapIndex(e: ast.IndexExpr, commaOk: boolean): Val[];
  protected abstract mapLit(e: ast.CompositeLit): Val;
  // Interfaces (loweriface.ts).
  abstract convertTo(v: Val, from: Type, to: Type, pos: Pos): Val;
  protected abstract typeAssert(e: ast.TypeAssertExpr, commaOk: boolean): Val[];
  protected abstract ifaceCompareExpr(e: ast.BinaryExpr): Val;
  protected abstract ifaceEqual(op: string, t: Type, x: Val, y: Val): Val;
  protected abstract ifaceMethodValue(e: ast.SelectorExpr, m: Func, path: number[]): Val;
  protected abstract ifaceMethodExpr(e: ast.SelectorExpr, m: Func): Val;
  protected abstract wrappedMethodExpr(e: ast.SelectorExpr, m: Func, index: number[], indirect: boolean): Val;
  // Complex numbers (lowermisc.ts).
  protected abstract complexConst(v: constant.Value, t: Type, pos: Pos): Val;
  protected abstract complexNeg(t: Type, x: Val): Val;
  protected abstract complexBinary(op: string, t: Type, x: Val, y: Val, pos: Pos): Val;
  protected abstract complexCompare(op: string, x: Val, y: Val, pos: Pos): Val;

  // ── expressions ─────────────────────────────────────────────────────────────────────────

  protected typeOf(e: ast.Expr): Type {
    const t = this.p.info.typeOf(e);
    if (t === undefined) throw new Error(`internal: no type for expression at ${ast.nodePos(e)}`);
    return t;
  }

  /**
   * Evaluates expressions for an assignment of `want` values (-1: statement context). A single
   * call may produce several. With `copy`, values are moved to temps (parallel assignment).
   */
  protected exprs(es: ast.Expr[], want: number, copy = false, targets?: (Type | null)[]): Val[] {
    if (targets !== undefined) {
      // assignment to variables of these types (null: no conversion): interfaces box values
      const vs = this.exprs(es, want, copy);
      const tt = es.length === 1 && want !== 1 ? this.p.info.types.get(es[0])?.type : undefined;
      return vs.map((v, i) => {
        const to = targets[i];
        const from = tt !== undefined && tt.tag === TypeTag.Tuple ? ((tt as unknown as Tuple).vars[i].type as Type) : this.typeOf(es[i]);
        return to === null || to === undefined ? v : this.convertTo(v, from, to, ast.nodePos(es[Math.min(i, es.length - 1)]));
      });
    }
    if (es.length === 1 && want !== 1) {
      const e = ast.unparen(es[0]);
      if (e.kind === "CallExpr") return this.call(e);
      if (want === 2 && e.kind === "TypeAssertExpr") return this.typeAssert(e, true);
      if (want === 2 && e.kind === "UnaryExpr" && e.op === "<-") return this.chanRecv(e, true);
      if (want === 2 && e.kind === "IndexExpr" && this.typeOf(e.x).underlying().tag === TypeTag.Map) return this.mapIndex(e, true);
      if (want === -1) return [this.expr(es[0])];
      throw new Unsupported(ast.nodePos(es[0]), "comma-ok expressions");
    }
    return es.map((e) => {
      const v = this.expr(e);
      const t = this.typeOf(e);
      if (!copy) return v;
      if (isAggregate(t)) return this.copyAgg(t, v);
      const r = this.tempFor(t, ast.nodePos(e));
      this.movVal(r.slot, v);
      return r;
    });
  }

  /** Expressions already evaluated elsewhere (a deferred builtin's captured arguments, lowerdefer.ts). */
  protected presets = new Map<ast.Expr, Val>();

  expr(e: ast.Expr): Val {
    const info = this.p.info;
    const pos = ast.nodePos(e);
    const tv = info.types.get(e);
    if (tv !== undefined && tv.value !== null) return this.constant(tv.value, tv.type, pos);
    const pre = this.presets.get(e);
    if (pre !== undefined) return pre;
    const h = this.hoistedExprs.get(e); // (FIXES) evaluated earlier by hoistCalls
    if (h !== undefined) {
      this.hoistedExprs.delete(e);
      return h;
    }
    switch (e.kind) {
      case "ParenExpr":
        return this.expr(e.x);
      case "Ident": {
        const o = info.uses.get(e);
        if (o instanceof Var) return this.loadVar(o, o.type as Type, pos);
        if (o instanceof Nil) {
          const r = this.tempFor(this.typeOf(e), pos);
          for (let i = 0; i < r.n; i++) this.ldi(r.slot + i, 0);
          return r;
        }
        if (o instanceof Func) {
          if (o.signature().recv !== null) throw new Unsupported(pos, "method expressions");
          return this.closure(this.p.funcOf(o), [], pos);
        }
        throw new Unsupported(pos, `use of ${e.name}`);
      }
      case "UnaryExpr":
        return this.unary(e);
      case "StarExpr": {
        const t = this.typeOf(e);
        const p = this.expr(e.x);
        this.at(pos);
        return this.loadAt(p.slot, 0, t, pos);
      }
      case "BinaryExpr":
        return this.binaryExpr(e);
      case "CallExpr": {
        const r = this.call(e);
        if (r.length !== 1) throw new Error("internal: multi-value call in single-value context");
        return r[0];
      }
      case "SelectorExpr": {
        const sel = info.selections.get(e);
        // a qualified identifier (pkg.Name: another package's var or func) is its identifier
        if (sel === undefined) return this.expr(e.sel);
        if (sel.kind === SelectionKind.MethodVal) {
          if ((sel.obj as Func).signature().recv?.type?.underlying().tag === TypeTag.Interface)
            return this.ifaceMethodValue(e, sel.obj as Func, sel.index.slice(0, -1));
          return this.methodValue(e, sel.obj as Func, sel.index.slice(0, -1));
        }
        if (sel.kind === SelectionKind.MethodExpr) {
          // T.M / (*T).M: the method itself, receiver first, when the receiver kinds agree
          const fn = sel.obj as Func;
          const rt = fn.signature().recv?.type as Type;
          const xt = this.typeOf(e.x);
          if (xt.underlying().tag === TypeTag.Interface) return this.ifaceMethodExpr(e, fn);
          // promoted methods, (*T).M of a value method: a wrapper (loweriface.ts)
          if (sel.index.length > 1 || (rt.tag === TypeTag.Pointer) !== (xt.tag === TypeTag.Pointer))
            return this.wrappedMethodExpr(e, fn, sel.index, sel.indirect);
          if (sel.index.length > 1 || (rt.tag === TypeTag.Pointer) !== (xt.tag === TypeTag.Pointer) || xt.underlying().tag === TypeTag.Interface)
            throw new Unsupported(pos, "this method expression");
          return this.closure(this.p.funcOf(fn), [], pos);
        }
        const t = this.typeOf(e);
        const [a, off] = this.fieldAddr(e);
        return this.loadAt(a, off, t, pos);
      }
      case "IndexExpr":
      case "IndexListExpr": {
        const gf = instanceCallee(info, e); // F[int] as a func value (generics.ts)
        if (gf !== null) return this.closure(this.p.funcOf(gf), [], pos);
        if (e.kind === "IndexListExpr") throw new Unsupported(pos, "generics");
        return this.index(e);
      }
      case "SliceExpr":
        return this.sliceExpr(e);
      case "CompositeLit":
        return this.composite(e);
      case "FuncLit":
        return this.funcLit(e);
      case "TypeAssertExpr":
        return this.typeAssert(e, false)[0];
    }
    throw new Unsupported(pos, `expression ${e.kind}`);
  }

  protected constant(v: constant.Value, t: Type, pos: Pos): Val {
    const k = basicKind(t);
    if (t.underlying().tag !== TypeTag.Basic) throw new Unsupported(pos, `constant of type ${t.toString()}`);
    if (isComplex(t)) return this.complexConst(v, t, pos);
    if (k === BasicKind.String || k === BasicKind.UntypedString) {
      const b = constant.stringBytes(v);
      const r = this.temp("pn");
      if (b.length === 0) this.ldi(r, 0);
      else this.emit(Op.SADDR, r, this.p.stringData(b));
      this.ldi(r + 1, b.length);
      return { slot: r, n: 2 };
    }
    const r = this.temp("n");
    if (k === BasicKind.Bool || k === BasicKind.UntypedBool) this.ldi(r, constant.boolVal(v) ? 1 : 0);
    else if (k === BasicKind.Float32 || k === BasicKind.Float64 || k === BasicKind.UntypedFloat) {
      let f = constant.float64Val(constant.toFloat(v))[0];
      if (k === BasicKind.Float32) f = Math.fround(f);
      if (f === 0 && !Object.is(f, -0)) this.ldi(r, 0);
      else this.emit(Op.LDK, r, this.p.constFloat(f));
    } else if (isIntegerKind(k)) {
      this.ldInt(r, constant.intVal(constant.toInt(v)));
    } else throw new Unsupported(pos, `constant of type ${t.toString()}`);
    return { slot: r, n: 1 };
  }

  protected unary(e: ast.UnaryExpr): Val {
    const pos = e.opPos;
    const t = this.typeOf(e);
    switch (e.op) {
      case "&": {
        const x = ast.unparen(e.x);
        if (x.kind === "CompositeLit") {
          const v = this.composite(x);
          const lt = this.typeOf(x);
          if (isAggregate(lt)) return { slot: v.slot, n: 1 };
          // &[]T{...}: a new variable holding the slice
          const r = this.temp("p");
          this.emit(Op.NEW, r, this.p.typeId(lt), 0, 0, { type: lt });
          this.storeAt(r, 0, lt, v, pos);
          return { slot: r, n: 1 };
        }
        const a = this.addr(x);
        // (FIXES) &p[i] of a nil *[N]T panics although nothing is loaded (test/nilptr2.go);
        // the element address is below the guard when N*size ≤ 4 KiB (larger: checked already)
        if (x.kind === "IndexExpr" && this.typeOf(x.x).underlying().tag === TypeTag.Pointer) this.emit(Op.NILCHK, a);
        return { slot: a, n: 1 };
      }
      case "+":
        return this.expr(e.x);
      case "-": {
        const x = this.expr(e.x);
        if (isComplex(t)) return this.complexNeg(t, x);
        const r = this.temp("n");
        this.at(pos);
        if (isFloat(t)) this.emit(Op.NEGF, r, x.slot);
        else {
          this.emit(Op.NEG, r, x.slot);
          this.norm(r, t);
        }
        return { slot: r, n: 1 };
      }
      case "^": {
        const x = this.expr(e.x);
        const r = this.temp("n");
        this.emit(Op.COM, r, x.slot);
        this.norm(r, t);
        return { slot: r, n: 1 };
      }
      case "!": {
        const x = this.expr(e.x);
        const r = this.temp("n");
        this.emit(Op.NOTB, r, x.slot);
        return { slot: r, n: 1 };
      }
      case "<-":
        return this.chanRecv(e, false)[0];
    }
    throw new Unsupported(pos, `operator ${e.op}`);
  }

  protected norm(slot: number, t: Type): void {
    const op = normOp(t);
    if (op !== -1) this.emit(op, slot, slot);
  }

  protected binaryExpr(e: ast.BinaryExpr): Val {
    const pos = e.opPos;
    const op = e.op;
    if (op === "&&" || op === "||") {
      const r = this.temp("n");
      const f = new Label("false");
      const end = new Label("end");
      this.condJump(e, false, f);
      this.ldi(r, 1);
      this.jmp(end);
      this.place(f);
      this.ldi(r, 0);
      this.place(end);
      return { slot: r, n: 1 };
    }
    const xt = this.typeOf(e.x);
    if ((op === "==" || op === "!=") && (xt.underlying().tag === TypeTag.Interface || this.typeOf(e.y).underlying().tag === TypeTag.Interface))
      return this.ifaceCompareExpr(e);
    if (op === "<<" || op === ">>") {
      const x = this.expr(e.x);
      return this.shift(op, this.typeOf(e), x, e.y, pos);
    }
    const x = this.expr(e.x);
    const y = this.expr(e.y);
    this.at(pos);
    if (["==", "!=", "<", "<=", ">", ">="].includes(op)) {
      const ct = this.typeOf(e.y).underlying().tag === TypeTag.Basic && basicKind(this.typeOf(e.y)) === BasicKind.UntypedNil ? xt : xt;
      return this.compare(op, ct, x, y, pos);
    }
    return this.binary(op, this.typeOf(e), x, y, pos, xt);
  }

  /** x op y for arithmetic operators on values of type t. */
  protected binary(op: string, t: Type, x: Val, y: Val, pos: Pos, _xt: Type): Val {
    if (isComplex(t)) return this.complexBinary(op, t, x, y, pos);
    if (isString(t)) {
      if (op !== "+") throw new Unsupported(pos, `string operator ${op}`);
      return this.callHelper("concatstring2", [x, y], "pn", pos);
    }
    const r = this.temp("n");
    this.at(pos);
    if (isFloat(t)) {
      const f32 = basicKind(t) === BasicKind.Float32;
      const ops: Record<string, Op> = f32
        ? { "+": Op.ADDF32, "-": Op.SUBF32, "*": Op.MULF32, "/": Op.DIVF32 }
        : { "+": Op.ADDF, "-": Op.SUBF, "*": Op.MULF, "/": Op.DIVF };
      const o = ops[op];
      if (o === undefined) throw new Unsupported(pos, `float operator ${op}`);
      this.emit(o, r, x.slot, y.slot);
      return { slot: r, n: 1 };
    }
    const k = basicKind(t);
    if (!isIntegerKind(k)) throw new Unsupported(pos, `operator ${op} on ${t.toString()}`);
    const u = isUnsigned(t);
    const ops: Record<string, Op> = {
      "+": Op.ADD,
      "-": Op.SUB,
      "*": Op.MUL,
      "/": u ? Op.DIVU : Op.DIV,
      "%": u ? Op.REMU : Op.REM,
      "&": Op.AND,
      "|": Op.OR,
      "^": Op.XOR,
      "&^": Op.ANDNOT,
    };
    const o = ops[op];
    if (o === undefined) throw new Unsupported(pos, `operator ${op}`);
    this.emit(o, r, x.slot, y.slot);
    this.norm(r, t);
    return { slot: r, n: 1 };
  }

  protected shift(op: string, t: Type, x: Val, ye: ast.Expr, pos: Pos): Val {
    const r = this.temp("n");
    const yt = this.typeOf(ye);
    const cv = this.p.info.types.get(ye)?.value ?? null;
    const u = isUnsigned(t);
    this.at(pos);
    if (cv !== null) {
      const c = constant.intVal(constant.toInt(cv));
      if (c < 64n) {
        this.emit(op === "<<" ? Op.SHLI : u ? Op.SHRI : Op.SARI, r, x.slot, Number(c));
      } else if (op === ">>" && !u) this.emit(Op.SARI, r, x.slot, 63);
      else this.ldi(r, 0);
    } else {
      const y = this.expr(ye);
      this.at(pos);
      if (!isUnsigned(yt)) this.emit(Op.CHKSHIFT, y.slot);
      this.emit(op === "<<" ? Op.SHL : u ? Op.SHR : Op.SAR, r, x.slot, y.slot);
    }
    if (op === "<<") this.norm(r, t);
    return { slot: r, n: 1 };
  }

  protected compare(op: string, t: Type, x: Val, y: Val, pos: Pos): Val {
    if (isComplex(t)) return this.complexCompare(op, x, y, pos);
    const r = this.temp("n");
    const u = t.underlying();
    if (isString(t)) {
      const c = this.callHelper("cmpstring", [x, y], "n", pos);
      const z = this.temp("n");
      this.ldi(z, 0);
      return this.compare(op, Typ[BasicKind.Int], c, { slot: z, n: 1 }, pos);
    }
    if (u.tag === TypeTag.Interface) return this.ifaceEqual(op, t, x, y);
    if (u.tag === TypeTag.Struct || u.tag === TypeTag.Array) {
      if (op !== "==" && op !== "!=") throw new Error(`internal: ${op} on ${t.toString()}`);
      const eq = this.aggEqual(t, x.slot, y.slot, pos);
      if (op === "!=") this.emit(Op.NOTB, eq.slot, eq.slot);
      return eq;
    }
    if (u.tag === TypeTag.Slice) {
      // only comparison with nil is legal
      this.emit(op === "==" ? Op.EQ : Op.NE, r, x.slot, y.slot);
      return { slot: r, n: 1 };
    }
    let o: Op;
    let a = x.slot;
    let b = y.slot;
    let neg = false;
    if (isFloat(t)) {
      switch (op) {
        case "==":
          o = Op.EQF;
          break;
        case "!=":
          o = Op.NEF;
          break;
        case "<":
          o = Op.LTF;
          break;
        case "<=":
          o = Op.LEF;
          break;
        case ">":
          o = Op.LTF;
          [a, b] = [b, a];
          break;
        default:
          o = Op.LEF;
          [a, b] = [b, a];
      }
    } else {
      const un = isUnsigned(t) || u.tag === TypeTag.Pointer;
      switch (op) {
        case "==":
          o = Op.EQ;
          break;
        case "!=":
          o = Op.NE;
          break;
        case "<":
          o = un ? Op.LTU : Op.LT;
          break;
        case "<=":
          o = un ? Op.LEU : Op.LE;
          break;
        case ">":
          o = un ? Op.LTU : Op.LT;
          [a, b] = [b, a];
          break;
        default:
          o = un ? Op.LEU : Op.LE;
          [a, b] = [b, a];
      }
    }
    this.emit(o, r, a, b);
    if (neg) this.emit(Op.NOTB, r, r);
    return { slot: r, n: 1 };
  }

  /** Field-by-field (element-by-element) equality of two aggregates at s[a], s[b]; blank fields skipped. */
  protected aggEqual(t: Type, a: number, b: number, pos: Pos): Val {
    const r = this.temp("n");
    this.ldi(r, 0);
    const fail = new Label("ne");
    let leaves = 0;
    const walk = (ft: Type, off: number): void => {
      const u = ft.underlying();
      if (u.tag === TypeTag.Struct) {
        const st = u as Struct;
        const offs = offsetsof(st);
        st.fields.forEach((f, i) => {
          if (f.name !== "_") walk(f.type as Type, off + offs[i]);
        });
        return;
      }
      if (u.tag === TypeTag.Array) {
        const at = u as ArrayT;
        const es = sizeof(at.elem);
        for (let i = 0; i < at.len; i++) walk(at.elem, off + i * es);
        return;
      }
      if (++leaves > 256) throw new Unsupported(pos, "comparison of large arrays");
      const m = this.mark();
      const x = this.loadAt(a, off, ft, pos);
      const y = this.loadAt(b, off, ft, pos);
      if (isString(ft)) {
        this.emit(Op.JNE, x.slot + 1, y.slot + 1, 0, 0, { target: fail });
        const c = this.callHelper("cmpstring", [x, y], "n", pos);
        const z = this.temp("n");
        this.ldi(z, 0);
        this.emit(Op.JNE, c.slot, z, 0, 0, { target: fail });
      } else if (isComplex(ft)) {
        const c = this.complexCompare("==", x, y, pos);
        this.emit(Op.JF, c.slot, 0, 0, 0, { target: fail });
      } else if (isFloat(ft)) {
        const c = this.temp("n");
        this.emit(Op.EQF, c, x.slot, y.slot);
        this.emit(Op.JF, c, 0, 0, 0, { target: fail });
      } else if (u.tag === TypeTag.Basic || u.tag === TypeTag.Pointer || u.tag === TypeTag.Chan) {
        this.emit(Op.JNE, x.slot, y.slot, 0, 0, { target: fail });
      } else if (u.tag === TypeTag.Interface) {
        const c = this.ifaceEqual("==", ft, x, y);
        this.emit(Op.JF, c.slot, 0, 0, 0, { target: fail });
      } else throw new Unsupported(pos, `comparison of ${ft.toString()} values`);
      this.release(m);
    };
    walk(t, 0);
    this.ldi(r, 1);
    this.place(fail);
    return { slot: r, n: 1 };
  }

  /** Jumps to `target` when e evaluates to `when`; falls through otherwise. */
  protected condJump(e: ast.Expr, when: boolean, target: Label): void {
    const x = ast.unparen(e);
    const tv = this.p.info.types.get(x);
    if (tv !== undefined && tv.value !== null) {
      if (constant.boolVal(tv.value) === when) this.jmp(target);
      return;
    }
    if (x.kind === "UnaryExpr" && x.op === "!") return this.condJump(x.x, !when, target);
    if (x.kind === "BinaryExpr" && (x.op === "&&" || x.op === "||")) {
      const and = x.op === "&&";
      if (and !== when) {
        // (a && b) false → a false or b false;  (a || b) true → a true or b true
        this.condJump(x.x, when, target);
        this.condJump(x.y, when, target);
      } else {
        const skip = new Label("skip");
        this.condJump(x.x, !when, skip);
        this.condJump(x.y, when, target);
        this.place(skip);
      }
      return;
    }
    if (x.kind === "BinaryExpr" && ["==", "!=", "<", "<=", ">", ">="].includes(x.op)) {
      const xt = this.typeOf(x.x);
      const k = basicKind(xt);
      if ((isIntegerKind(k) || k === BasicKind.Bool) && this.typeOf(x.y).underlying().tag !== TypeTag.Interface) {
        const a = this.expr(x.x);
        const b = this.expr(x.y);
        this.at(x.opPos);
        let op = x.op;
        if (!when) op = { "==": "!=", "!=": "==", "<": ">=", "<=": ">", ">": "<=", ">=": "<" }[op] as string;
        const un = isUnsigned(xt);
        let o: Op;
        let p = a.slot;
        let q = b.slot;
        switch (op) {
          case "==":
            o = Op.JEQ;
            break;
          case "!=":
            o = Op.JNE;
            break;
          case "<":
            o = un ? Op.JLTU : Op.JLT;
            break;
          case "<=":
            o = un ? Op.JLEU : Op.JLE;
            break;
          case ">":
            o = un ? Op.JLTU : Op.JLT;
            [p, q] = [q, p];
            break;
          default:
            o = un ? Op.JLEU : Op.JLE;
            [p, q] = [q, p];
        }
        this.emit(o, p, q, 0, 0, { target });
        return;
      }
    }
    const v = this.expr(x);
    this.emit(when ? Op.JT : Op.JF, v.slot, 0, 0, 0, { target });
  }

  // ── addresses, fields, indexing ─────────────────────────────────────────────────────────

  /** Slot holding the address of an addressable expression (or of a composite literal). */
  protected addr(e: ast.Expr): number {
    const pos = ast.nodePos(e);
    e = ast.unparen(e);
    switch (e.kind) {
      case "Ident": {
        const o = this.p.info.uses.get(e);
        if (o instanceof Var) return this.varAddr(o, pos);
        break;
      }
      case "StarExpr": {
        const p = this.expr(e.x);
        this.at(pos);
        this.emit(Op.NILCHK, p.slot);
        return p.slot;
      }
      case "SelectorExpr": {
        if (this.p.info.selections.get(e) === undefined) return this.addr(e.sel); // pkg.Var
        const [a, off] = this.fieldAddr(e);
        if (off === 0) {
          this.emit(Op.NILCHK, a);
          return a;
        }
        const r = this.temp("p");
        this.emit(Op.ADDP, r, a, off);
        return r;
      }
      case "IndexExpr":
        return this.indexAddr(e)[0];
      case "CompositeLit":
        return this.composite(e).slot;
    }
    throw new Unsupported(pos, `address of ${e.kind}`);
  }

  /** (slot with a base address, byte offset) of the field x.f, following embedded fields. */
  protected fieldAddr(e: ast.SelectorExpr): [number, number] {
    const sel = this.p.info.selections.get(e);
    if (sel === undefined) throw new Unsupported(ast.nodePos(e), "qualified identifiers");
    const [base, off] = this.fieldPath(e.x, sel.index, e.sel.pos);
    return [base, off];
  }

  /** Follows a path of field indexes from x (implicit dereferences included): (base slot, offset, field type). */
  protected fieldPath(x: ast.Expr, path: number[], selPos: Pos): [number, number, Type] {
    const t = this.typeOf(x);
    let base: number;
    let off = 0;
    if (t.underlying().tag === TypeTag.Pointer) {
      base = this.expr(x).slot;
      // Go checks the pointer itself (the fault address is 0, not the field's offset)
      this.at(selPos);
      this.emit(Op.NILCHK, base);
    } else if (isAggregate(t)) {
      base = this.expr(x).slot;
    } else throw new Unsupported(selPos, "selector on this type");
    let cur = t;
    for (const idx of path) {
      let u = cur.underlying();
      if (u.tag === TypeTag.Pointer) {
        // implicit dereference: load the pointer at base+off
        if (cur !== t || off !== 0) {
          const p = this.temp("p");
          this.emit(Op.LD64, p, base, off);
          this.emit(Op.NILCHK, p);
          base = p;
          off = 0;
        }
        cur = (u as Pointer).base;
        u = cur.underlying();
      }
      const st = u as Struct;
      off += offsetsof(st)[idx];
      cur = st.fields[idx].type as Type;
    }
    this.at(selPos);
    return [base, off, cur];
  }

  /** (element address slot, element type) of x[i] on arrays, pointers to arrays and slices. */
  protected indexAddr(e: ast.IndexExpr): [number, Type] {
    const pos = ast.nodePos(e);
    const xt = this.typeOf(e.x);
    let u = xt.underlying();
    let base: number;
    let len: number;
    let elem: Type;
    if (u.tag === TypeTag.Pointer) u = (u as Pointer).base.underlying();
    if (u.tag === TypeTag.Slice) {
      const s = this.expr(e.x);
      base = s.slot;
      len = s.slot + 1;
      elem = (u as Slice).elem;
    } else if (u.tag === TypeTag.Array) {
      base = xt.underlying().tag === TypeTag.Pointer ? this.expr(e.x).slot : this.aggAddr(e.x);
      len = this.temp("n");
      this.ldi(len, (u as ArrayT).len);
      elem = (u as ArrayT).elem;
    } else if (u.tag === TypeTag.Map) throw new Unsupported(pos, "maps");
    else if (isString(xt)) throw new Unsupported(pos, "string indexing as an address");
    else throw new Unsupported(pos, "generic indexing");
    const i = this.expr(e.index);
    this.at(e.lbrack);
    // (FIXES) p[i] of a nil *[N]T faults on the load while the element lies in the guard page
    // (NIL_LIMIT, 4 KiB); a larger array needs an explicit check, as gc makes (test/nilptr.go)
    if (xt.underlying().tag === TypeTag.Pointer && u.tag === TypeTag.Array && sizeof(u) > 4096) this.emit(Op.NILCHK, base);
    this.emit(Op.BCHK, BC_INDEX | (isUnsigned(this.typeOf(e.index)) ? BC_UNSIGNED : 0), i.slot, len);
    const r = this.temp("p");
    this.emit(Op.INDEXP, r, base, i.slot, sizeof(elem));
    return [r, elem];
  }

  /** Address of an aggregate-typed expression (variables: the variable itself). */
  protected aggAddr(e: ast.Expr): number {
    return this.expr(e).slot;
  }

  protected index(e: ast.IndexExpr): Val {
    const pos = ast.nodePos(e);
    const xt = this.typeOf(e.x);
    if (isString(xt)) {
      const s = this.expr(e.x);
      const i = this.expr(e.index);
      this.at(e.lbrack);
      this.emit(Op.BCHK, BC_INDEX | (isUnsigned(this.typeOf(e.index)) ? BC_UNSIGNED : 0), i.slot, s.slot + 1);
      const a = this.temp("p");
      this.emit(Op.INDEXP, a, s.slot, i.slot, 1);
      const r = this.temp("n");
      this.emit(Op.LD8, r, a, 0);
      return { slot: r, n: 1 };
    }
    if (xt.underlying().tag === TypeTag.Map) return this.mapIndex(e, false)[0];
    if (this.p.info.instances.size > 0 && e.x.kind === "Ident" && this.p.info.instances.has(e.x))
      throw new Unsupported(pos, "generics");
    const [a, elem] = this.indexAddr(e);
    return this.loadAt(a, 0, elem, pos);
  }

  protected sliceExpr(e: ast.SliceExpr): Val {
    const pos = ast.nodePos(e);
    const xt = this.typeOf(e.x);
    let u = xt.underlying();
    let base: number;
    let len: number;
    let cap: number;
    let elem: Type;
    let capKind = BC_SLICE_ACAP;
    if (u.tag === TypeTag.Pointer) u = (u as Pointer).base.underlying();
    const str = isString(xt);
    if (str) {
      const s = this.expr(e.x);
      base = s.slot;
      len = s.slot + 1;
      cap = len;
      elem = Typ[BasicKind.Uint8];
      capKind = BC_SLICE_ALEN;
    } else if (u.tag === TypeTag.Slice) {
      const s = this.expr(e.x);
      base = s.slot;
      len = s.slot + 1;
      cap = s.slot + 2;
      elem = (u as Slice).elem;
    } else if (u.tag === TypeTag.Array) {
      base = xt.underlying().tag === TypeTag.Pointer ? this.expr(e.x).slot : this.aggAddr(e.x);
      if (xt.underlying().tag === TypeTag.Pointer) this.emit(Op.NILCHK, base);
      len = this.temp("n");
      this.ldi(len, (u as ArrayT).len);
      cap = len;
      elem = (u as ArrayT).elem;
      capKind = BC_SLICE_ALEN;
    } else throw new Unsupported(pos, `slicing ${xt.toString()}`);
    const lo = e.low ? this.expr(e.low) : null;
    let hi: number;
    if (e.high) hi = this.expr(e.high).slot;
    else hi = len;
    // s[lo:hi:max] (gc's order of checks: max ≤ cap, hi ≤ max, lo ≤ hi)
    const max = e.slice3 && e.max !== undefined ? this.expr(e.max).slot : -1;
    this.at(e.lbrack);
    const uns = (x: ast.Expr | undefined): number => (x !== undefined && isUnsigned(this.typeOf(x)) ? BC_UNSIGNED : 0);
    if (max >= 0) {
      this.emit(Op.BCHK, (capKind === BC_SLICE_ACAP ? BC_SLICE3_ACAP : BC_SLICE3_ALEN) | uns(e.max), max, cap);
      this.emit(Op.BCHK, BC_SLICE3_B | uns(e.high), hi, max);
    } else if (e.high) this.emit(Op.BCHK, capKind | uns(e.high), hi, cap);
    let loSlot: number;
    if (lo !== null) {
      loSlot = lo.slot;
      this.emit(Op.BCHK, (max >= 0 ? BC_SLICE3_C : BC_SLICE_B) | uns(e.low), loSlot, hi);
    } else {
      loSlot = this.temp("n");
      this.ldi(loSlot, 0);
    }
    const r = this.temp(str ? "pn" : "pnn");
    const newCap = str ? this.temp("n") : r + 2;
    this.emit(Op.SUB, r + 1, hi, loSlot);
    this.emit(Op.SUB, newCap, max >= 0 ? max : cap, loSlot);
    // Go never forms a pointer past the end: when the new capacity is 0 the pointer stays at base
    const keep = new Label("keep");
    const done = new Label("done");
    const zero = this.temp("n");
    this.ldi(zero, 0);
    this.emit(Op.JEQ, newCap, zero, 0, 0, { target: keep }); // (JEQI once the runtime's dist has it)
    this.emit(Op.INDEXP, r, base, loSlot, sizeof(elem));
    this.jmp(done);
    this.place(keep);
    this.emit(Op.MOV, r, base);
    this.place(done);
    return { slot: r, n: str ? 2 : 3 };
  }

  protected composite(e: ast.CompositeLit, typ?: Type): Val {
    const pos = ast.nodePos(e);
    const t = typ ?? this.typeOf(e);
    const u = t.underlying();
    if (u.tag === TypeTag.Pointer && typ === undefined) {
      // an element literal with elided &T ([]*T{{...}}, also P{...} for a type parameter
      // whose core type is *T): the address of a new T{...}
      const bt = (u as Pointer).base;
      const bu = bt.underlying().tag;
      if (bu !== TypeTag.Struct && bu !== TypeTag.Array) throw new Unsupported(pos, `composite literal of type ${t.toString()}`);
      return { slot: this.composite(e, bt).slot, n: 1 };
    }
    if (u.tag === TypeTag.Struct) {
      const st = u as Struct;
      const offs = offsetsof(st);
      const r = this.temp("p");
      this.emit(Op.NEW, r, this.p.typeId(t), 0, 0, { type: t });
      e.elts.forEach((el, i) => {
        let fi = i;
        let ve = el;
        if (el.kind === "KeyValueExpr") {
          const name = (el.key as ast.Ident).name;
          fi = st.fields.findIndex((f) => f.name === name);
          ve = el.value;
        }
        const ft = st.fields[fi].type as Type;
        const m = this.mark();
        const v = this.convertTo(this.expr(ve), this.typeOf(ve), ft, ast.nodePos(ve));
        // a blank field's value is evaluated (its side effects happen) but never stored: the
        // field stays zero, as reflect can observe
        if (st.fields[fi].name !== "_") this.storeAt(r, offs[fi], ft, v, ast.nodePos(ve));
        this.release(m);
      });
      return { slot: r, n: 1, fresh: true };
    }
    if (u.tag === TypeTag.Array || u.tag === TypeTag.Slice) {
      const elem = u.tag === TypeTag.Array ? (u as ArrayT).elem : (u as Slice).elem;
      const es = sizeof(elem);
      // element indexes (keys are constant)
      let idx = 0;
      let max = 0;
      const items: { i: number; v: ast.Expr }[] = [];
      for (const el of e.elts) {
        let ve = el;
        if (el.kind === "KeyValueExpr") {
          const kv = this.p.info.types.get(el.key)?.value;
          if (kv === undefined || kv === null) throw new Unsupported(pos, "non-constant composite literal keys");
          idx = Number(constant.intVal(constant.toInt(kv)));
          ve = el.value;
        }
        items.push({ i: idx, v: ve });
        idx++;
        max = Math.max(max, idx);
      }
      const n = u.tag === TypeTag.Array ? (u as ArrayT).len : max;
      const r = this.temp(u.tag === TypeTag.Array ? "p" : "pnn");
      if (u.tag === TypeTag.Array) this.emit(Op.NEW, r, this.p.typeId(t), 0, 0, { type: t });
      else {
        const cnt = this.temp("n");
        this.ldi(cnt, n);
        this.emit(Op.NEWARR, r, this.p.typeId(elem), cnt, 0, { type: elem });
        this.ldi(r + 1, n);
        this.ldi(r + 2, n);
      }
      for (const it of items) {
        const m = this.mark();
        const v = this.convertTo(this.expr(it.v), this.typeOf(it.v), elem, ast.nodePos(it.v));
        this.storeAt(r, it.i * es, elem, v, ast.nodePos(it.v));
        this.release(m);
      }
      return u.tag === TypeTag.Array ? { slot: r, n: 1, fresh: true } : { slot: r, n: 3 };
    }
    if (u.tag === TypeTag.Map) return this.mapLit(e);
    throw new Unsupported(pos, `composite literal of type ${t.toString()}`);
  }
}
