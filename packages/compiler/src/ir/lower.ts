/**
 * lower.ts — typed AST + Info → IR (ir.ts) for one function body. Go semantics live here:
 * evaluation order, canonical integer forms (narrow results re-extended after each op),
 * conversions, bounds and nil checks, variable placement (slot vs heap, see ir.ts "Escape
 * analysis"). Anything outside the supported subset throws `Unsupported`, which the driver
 * reports as `file.go:L:C: gort: <construct> not supported yet`.
 *
 * This file holds FuncLowering itself: function-level lowering (bodies, package init, the
 * entry function, parameters, closures and function literals). The rest of the class is split
 * by concern into a chain of abstract base classes: lowerbase.ts (shared state, emission,
 * slots, variables and memory) ← lowerexpr.ts (expressions) ← lowercall.ts (calls, builtins,
 * conversions, method values) ← lowerstmt.ts (statements) ← FuncLowering (here).
 */
import { FN_CLOSURE, Op } from "@gort/runtime/image";
import type { Pos } from "../syntax/position.js";
import * as ast from "../syntax/ast.js";
import {
  BasicKind,
  Func,
  Pointer,
  SelectionKind,
  Struct,
  TypeName,
  Typ,
  TypeTag,
  Var,
  type Signature,
  type Type,
} from "../types/index.js";
import type { IrFunc } from "./ir.js";
import { Unsupported, isAggregate, shapeOf, type Val } from "./lowerbase.js";
import { LowerDefer } from "./lowerdefer.js";

export class FuncLowering extends LowerDefer {
  // ── function bodies ─────────────────────────────────────────────────────────────────────

  /** Lowers a function or method declaration. */
  lowerFunc(decl: ast.FuncDecl, fn: Func): IrFunc {
    const info = this.p.info;
    const sig = fn.signature();
    this.sig = sig;
    if (sig.tparams.length > 0 || sig.rparams.length > 0) throw new Unsupported(decl.name.pos, "generic functions");
    if (decl.body === undefined) throw new Unsupported(decl.name.pos, "functions without body");
    this.findAddrTaken(decl.body);
    const params: Var[] = [];
    if (sig.recv !== null) params.push(sig.recv);
    params.push(...sig.params.vars);
    const pslots = params.map((v) => this.alloc(shapeOf(v.type as Type, v.pos)));
    this.f.nparams = this.f.ptrSlots.length;
    const rslots = sig.results.vars.map((v) => this.alloc(shapeOf(v.type as Type, v.pos)));
    this.f.nresults = this.f.ptrSlots.length - this.f.nparams;
    params.forEach((v, i) => this.bindParam(v, pslots[i]));
    this.resultVars = sig.results.vars;
    sig.results.vars.forEach((v, i) => {
      const t = v.type as Type;
      if (isAggregate(t) || this.addrTaken.has(v)) this.declareVar(v, v.pos);
      else this.vars.set(v, { k: "reg", slot: rslots[i] });
    });
    void info;
    this.setupDefers(decl.body);
    this.block(decl.body.list);
    // falling off the end (functions without results)
    this.at(decl.body.rbrace);
    this.ret();
    this.finishDefers(decl.body.rbrace);
    return this.f;
  }

  /** Lowers the package initialiser: variable initialisations in order, then init functions. */
  lowerInit(inits: { lhs: Var[]; rhs: ast.Expr }[], initFuncs: IrFunc[], pos: Pos): IrFunc {
    for (const ini of inits) {
      this.at(ast.nodePos(ini.rhs));
      const m = this.mark();
      this.hoistCalls([ini.rhs]);
      const vals = this.exprs([ini.rhs], ini.lhs.length, false, ini.lhs.map((v) => v.type as Type));
      ini.lhs.forEach((v, i) => {
        if (v.name === "_") return;
        this.storeVar(v, vals[i], v.type as Type, ast.nodePos(ini.rhs));
      });
      this.release(m);
    }
    this.at(pos);
    for (const f of initFuncs) this.emit(Op.CALL, 0, 0, 0, 0, { fn: f });
    this.emit(Op.RET);
    return this.f;
  }

  /** The program entry: package init, then main.main. */
  lowerEntry(init: IrFunc, main: IrFunc): IrFunc {
    this.emit(Op.CALL, 0, 0, 0, 0, { fn: init });
    this.emit(Op.CALL, 0, 0, 0, 0, { fn: main });
    this.emit(Op.RET);
    return this.f;
  }

  protected bindParam(v: Var, slot: number): void {
    const t = v.type as Type;
    if (isAggregate(t)) {
      // the caller passed a pointer to a fresh copy: the parameter variable is that memory
      this.vars.set(v, { k: "mem", slot });
    } else if (this.addrTaken.has(v)) {
      const p = this.alloc("p");
      this.emit(Op.NEW, p, this.p.typeId(t), 0, 0, { type: t });
      this.storeLeaves(p, 0, t, { slot, n: shapeOf(t, v.pos).length }, v.pos);
      this.vars.set(v, { k: "mem", slot: p });
    } else this.vars.set(v, { k: "reg", slot });
  }

  /** Marks variables whose address is taken (explicitly or by pointer-method calls). */
  protected findAddrTaken(body: ast.Node): void {
    const info = this.p.info;
    const root = (e: ast.Expr): void => {
      e = ast.unparen(e);
      if (e.kind === "Ident") {
        const o = info.uses.get(e) ?? info.defs.get(e);
        if (o instanceof Var) this.addrTaken.add(o);
      } else if (e.kind === "SelectorExpr") {
        const sel = info.selections.get(e);
        if (sel !== undefined && !sel.indirect && sel.recv.underlying().tag !== TypeTag.Pointer) root(e.x);
      } else if (e.kind === "IndexExpr") {
        const t = info.typeOf(e.x);
        if (t !== undefined && t.underlying().tag === TypeTag.Array) root(e.x);
      }
    };
    ast.inspect(body, (n) => {
      if (n.kind === "UnaryExpr" && n.op === "&") root(n.x);
      if (n.kind === "SelectorExpr") {
        const sel = info.selections.get(n);
        if (sel !== undefined && sel.kind === SelectionKind.MethodVal) {
          const fn = sel.obj as Func;
          const recvT = fn.signature().recv?.type;
          if (recvT !== undefined && recvT !== null && recvT.tag === TypeTag.Pointer && sel.recv.underlying().tag !== TypeTag.Pointer)
            root(n.x);
        }
      }
      if (n.kind === "SliceExpr") {
        const t = info.typeOf(n.x);
        if (t !== undefined && t.underlying().tag === TypeTag.Array) root(n.x);
      }
      if (n.kind === "FuncLit") for (const v of this.freeVars(n)) this.addrTaken.add(v);
      return true;
    });
  }

  /** Local variables of enclosing functions that a function literal refers to (in first-use order). */
  protected freeVars(lit: ast.FuncLit): Var[] {
    const info = this.p.info;
    const lo = ast.nodePos(lit);
    const hi = ast.nodeEnd(lit);
    const out: Var[] = [];
    ast.inspect(lit.body, (n) => {
      if (n.kind !== "Ident") return true;
      const o = info.uses.get(n);
      if (o instanceof Var && !o.isField && (o.pos < lo || o.pos >= hi) && this.p.globalOff(o) === undefined && !out.includes(o))
        out.push(o);
      return true;
    });
    return out;
  }

  /** Lowers a function literal's body as its own function reading its captures from the context. */
  /** capBase: offset of the first capture in the context record (16 for a deferred literal's record, lowerdefer.ts). */
  lowerClosure(lit: ast.FuncLit, sig: Signature, captures: Var[], capBase = 8): IrFunc {
    this.f.flags |= FN_CLOSURE;
    this.findAddrTaken(lit.body);
    const params = sig.params.vars;
    const pslots = params.map((v) => this.alloc(shapeOf(v.type as Type, v.pos)));
    this.f.nparams = this.f.ptrSlots.length;
    const rslots = sig.results.vars.map((v) => this.alloc(shapeOf(v.type as Type, v.pos)));
    this.f.nresults = this.f.ptrSlots.length - this.f.nparams;
    const ctx = this.alloc("p");
    this.emit(Op.GETCTX, ctx);
    captures.forEach((v, i) => {
      const p = this.alloc("p");
      this.emit(Op.LD64, p, ctx, capBase + 8 * i);
      this.vars.set(v, { k: "mem", slot: p });
    });
    params.forEach((v, i) => this.bindParam(v, pslots[i]));
    this.resultVars = sig.results.vars;
    sig.results.vars.forEach((v, i) => {
      const t = v.type as Type;
      if (isAggregate(t) || this.addrTaken.has(v)) this.declareVar(v, v.pos);
      else this.vars.set(v, { k: "reg", slot: rslots[i] });
    });
    this.setupDefers(lit.body);
    this.block(lit.body.list);
    this.at(lit.body.rbrace);
    this.ret();
    this.finishDefers(lit.body.rbrace);
    return this.f;
  }

  /** A closure record {fn index, &capture...} for a function literal or a top-level function. */
  protected closure(fn: IrFunc, captures: Var[], pos: Pos): Val {
    if (captures.length === 0 && this.p.staticFuncval !== undefined) {
      // nothing captured: the shared static record, no allocation (Go: closure.go's newfunc)
      const r = this.temp("p");
      this.at(pos);
      this.emit(Op.SADDR, r, this.p.staticFuncval(fn));
      return { slot: r, n: 1 };
    }
    const fields = [new Var(pos, null, "F", Typ[BasicKind.Uintptr])];
    captures.forEach((v, i) => fields.push(new Var(pos, null, `X${i}`, new Pointer(v.type as Type))));
    const t = new Struct(fields, []);
    const r = this.temp("p");
    this.at(pos);
    this.emit(Op.NEW, r, this.p.typeId(t), 0, 0, { type: t });
    const idx = this.temp("n");
    this.emit(Op.LDI, idx, 0, 0, 0, { fnB: fn });
    this.emit(Op.ST64, r, 0, idx);
    captures.forEach((v, i) => this.emit(Op.STP, r, 8 + 8 * i, this.varAddr(v, pos)));
    return { slot: r, n: 1 };
  }

  protected funcLit(lit: ast.FuncLit): Val {
    const pos = ast.nodePos(lit);
    const sig = this.typeOf(lit) as Signature;
    const captures = this.freeVars(lit);
    // Go's names: main.f.func1, main.f.func2; inside func1: main.f.func1.1
    const n = ++this.nclosures;
    const name = (this.f.flags & FN_CLOSURE) !== 0 ? `${this.f.name}.${n}` : `${this.f.name}.func${n}`;
    const child = new FuncLowering(this.p, name, pos);
    child.lowerClosure(lit, sig.underlying() as Signature, captures);
    this.p.addFunc(child.f);
    return this.closure(child.f, captures, pos);
  }
}

export { TypeName };
export { Unsupported, shapeOf, type HelperName, type ProgramCtx } from "./lowerbase.js";
