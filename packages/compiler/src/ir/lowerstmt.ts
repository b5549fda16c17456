/**
 * lowerstmt.ts — statement lowering (part of FuncLowering, see lowerbase.ts): blocks,
 * declarations, assignments, return, if/for/range/switch, break/continue/goto/fallthrough.
 */
import { Op } from "@gort/runtime/image";
import type { Pos } from "../syntax/position.js";
import * as ast from "../syntax/ast.js";
import {
  Const,
  Pointer,
  Struct,
  TypeTag,
  Var,
  type Array as ArrayT,
  type Slice,
  type Type,
} from "../types/index.js";
import { offsetsof, sizeof } from "../types/sizes.js";
import { Label } from "./ir.js";
import {
  BC_INDEX,
  BC_UNSIGNED,
  Unsupported,
  isUnsigned,
  isAggregate,
  isFloat,
  isComplex,
  isString,
  shapeOf,
  type Val,
  type VarLoc,
} from "./lowerbase.js";
import { LowerIface } from "./loweriface.js";

export abstract class LowerStmt extends LowerIface {
  // Goroutines and channels (lowerchan.ts).
  protected abstract goStmt(s: ast.GoStmt): void;
  protected abstract sendStmt(s: ast.SendStmt): void;
  protected abstract selectStmt(s: ast.SelectStmt, label: string | null): void;
  protected abstract rangeChan(s: ast.RangeStmt, label: string | null): void;
  // Maps (lowermap.ts).
  protected abstract mapLvalue(e: ast.IndexExpr): (v: Val) => void;
  protected abstract mapOpAssign(e: ast.IndexExpr, op: string, y: ast.Expr | null, pos: Pos): void;
  protected abstract rangeMap(s: ast.RangeStmt, label: string | null): void;

  // defer statements and deferreturn (lowerdefer.ts).
  protected abstract deferStmt(s: ast.DeferStmt): void;
  protected abstract runDefers(): void;

  // ── statements ──────────────────────────────────────────────────────────────────────────

  protected block(list: ast.Stmt[]): void {
    for (const s of list) this.stmt(s);
  }

  protected stmt(s: ast.Stmt): void {
    const m = this.mark();
    this.at(ast.nodePos(s));
    const label = this.pendingLabel;
    this.pendingLabel = null;
    switch (s.kind) {
      case "ExprStmt":
        this.hoistCalls([s.x]);
        break;
      case "AssignStmt":
        this.hoistCalls([...s.lhs, ...s.rhs]);
        break;
      case "IncDecStmt":
        this.hoistCalls([s.x]);
        break;
      case "ReturnStmt":
        this.hoistCalls(s.results);
        break;
      case "DeclStmt":
        // (calls are hoisted per spec in declStmt: a later spec may use an earlier one's variables)
        break;
    }
    switch (s.kind) {
      case "EmptyStmt":
        break;
      case "ExprStmt":
        this.exprs([s.x], -1);
        break;
      case "DeclStmt":
        this.declStmt(s.decl);
        break;
      case "AssignStmt":
        this.assign(s);
        break;
      case "IncDecStmt":
        this.opAssign(s.x, s.tok === "++" ? "+" : "-", null, s.tokPos);
        break;
      case "BlockStmt":
        this.block(s.list);
        break;
      case "ReturnStmt":
        this.returnStmt(s);
        break;
      case "IfStmt":
        this.ifStmt(s);
        break;
      case "ForStmt":
        this.forStmt(s, label);
        break;
      case "RangeStmt":
        this.rangeStmt(s, label);
        break;
      case "SwitchStmt":
        this.switchStmt(s, label);
        break;
      case "LabeledStmt":
        this.place(this.gotoLabel(s.label.name));
        this.pendingLabel = s.label.name;
        if (s.stmt.kind === "ForStmt" || s.stmt.kind === "RangeStmt" || s.stmt.kind === "SwitchStmt" || s.stmt.kind === "SelectStmt") this.stmt(s.stmt);
        else {
          this.pendingLabel = null;
          const brk = new Label(s.label.name);
          this.targets.push({ label: s.label.name, brk, cont: null, plain: true });
          this.stmt(s.stmt);
          this.targets.pop();
          this.place(brk);
        }
        break;
      case "BranchStmt":
        this.branch(s);
        break;
      case "GoStmt":
        this.goStmt(s);
        break;
      case "DeferStmt":
        this.deferStmt(s);
        break;
      case "SelectStmt":
        this.selectStmt(s, label);
        break;
      case "SendStmt":
        this.sendStmt(s);
        break;
      case "TypeSwitchStmt":
        this.typeSwitch(s, label);
        break;
      default:
        throw new Unsupported(ast.nodePos(s), `${s.kind}`);
    }
    this.release(m);
  }

  protected declStmt(d: ast.GenDecl): void {
    const info = this.p.info;
    for (const spec of d.specs) {
      if (spec.kind !== "ValueSpec") continue;
      if (d.tok === "const") continue;
      const vars = spec.names.map((n) => info.defs.get(n));
      if (vars.some((v) => v instanceof Const)) continue;
      if (spec.values.length === 0) {
        for (const v of vars) if (v instanceof Var && v.name !== "_") this.declareVar(v, v.pos);
        continue;
      }
      this.hoistCalls(spec.values);
      const vals = this.exprs(spec.values, spec.names.length, true, vars.map((v) => (v instanceof Var ? (v.type as Type) : null)));
      vars.forEach((v, i) => {
        if (!(v instanceof Var) || v.name === "_") return;
        this.defineVar(v, vals[i]);
      });
    }
  }

  /** Declares v and initialises it with val (adopting fresh aggregate memory). */
  protected defineVar(v: Var, val: Val): void {
    const t = v.type as Type;
    if (isAggregate(t) && val.fresh === true) {
      const p = this.alloc("p");
      this.emit(Op.MOV, p, val.slot);
      this.vars.set(v, { k: "mem", slot: p });
      return;
    }
    this.declareVar(v, v.pos);
    this.storeVar(v, val, t, v.pos);
  }

  protected assign(s: ast.AssignStmt): void {
    const info = this.p.info;
    if (s.tok !== "=" && s.tok !== ":=") {
      this.opAssign(s.lhs[0], s.tok.slice(0, -1), s.rhs[0], s.tokPos);
      return;
    }
    // types of the left operands: values assigned to interfaces are converted (loweriface.ts)
    const ltypes = s.lhs.map((l) =>
      l.kind === "Ident" && l.name === "_" ? null : ((l.kind === "Ident" ? (info.defs.get(l) ?? info.uses.get(l))?.type : null) ?? this.typeOf(l)),
    );
    if (s.tok === ":=") {
      const vals = this.exprs(s.rhs, s.lhs.length, true, ltypes);
      s.lhs.forEach((l, i) => {
        if (l.kind !== "Ident" || l.name === "_") return;
        const def = info.defs.get(l);
        if (def instanceof Var) this.defineVar(def, vals[i]);
        else this.storeTo(l, vals[i]);
      });
      return;
    }
    // '=': left operands' index and pointer operands first, then the right side, then stores
    const lhs = s.lhs.map((l) => this.lvalue(l, s.lhs.length > 1));
    const vals = this.exprs(s.rhs, s.lhs.length, s.lhs.length > 1, ltypes);
    lhs.forEach((l, i) => l(vals[i]));
  }

  /** Evaluates the operands of an assignable expression now; returns the store. */
  protected lvalue(l: ast.Expr, tuple = false): (v: Val) => void {
    const e = ast.unparen(l);
    const pos = ast.nodePos(l);
    if (e.kind === "Ident") {
      if (e.name === "_") return () => undefined;
      const v = this.p.info.uses.get(e);
      if (v instanceof Var) return (val) => this.storeVar(v, val, v.type as Type, pos);
    }
    if (e.kind === "IndexExpr" && this.typeOf(e.x).underlying().tag === TypeTag.Map) return this.mapLvalue(e);
    const t = this.typeOf(e);
    if (tuple) {
      const st = this.checkedAtStore(e, t, pos);
      if (st !== null) return st;
    }
    let a = this.addr(e);
    if (e.kind === "StarExpr") {
      // *p may be p's own register slot: keep the address evaluated now (`p, *p = f()`)
      const c = this.temp("p");
      this.emit(Op.MOV, c, a);
      a = c;
    }
    return (val) => this.storeAt(a, 0, t, val, pos);
  }

  /**
   * (FIXES) In a tuple assignment gc evaluates the operands of `*p`, `p.f` (p a pointer) and
   * `s[i]` (slices, arrays through pointers) first but checks them (nil, bounds) only at their
   * store, after the stores to their left (fixedbugs/issue23017.go): the operands are copied
   * now, the checks and the store happen in the returned function. null: other forms.
   */
  private checkedAtStore(e: ast.Expr, t: Type, pos: Pos): ((v: Val) => void) | null {
    const copy = (slot: number, shape: string): number => {
      const c = this.temp(shape);
      this.movVal(c, { slot, n: shape.length });
      return c;
    };
    if (e.kind === "StarExpr") {
      const p = copy(this.expr(e.x).slot, "p");
      return (val) => {
        this.at(pos);
        this.emit(Op.NILCHK, p);
        this.storeAt(p, 0, t, val, pos);
      };
    }
    if (e.kind === "SelectorExpr") {
      const sel = this.p.info.selections.get(e);
      const xt = this.typeOf(e.x).underlying();
      if (sel === undefined || sel.index.length !== 1 || xt.tag !== TypeTag.Pointer) return null;
      const st = (xt as Pointer).base.underlying();
      if (st.tag !== TypeTag.Struct) return null;
      const p = copy(this.expr(e.x).slot, "p");
      const off = offsetsof(st as Struct)[sel.index[0]];
      return (val) => {
        this.at(e.sel.pos);
        this.emit(Op.NILCHK, p);
        this.storeAt(p, off, t, val, pos);
      };
    }
    if (e.kind === "IndexExpr") {
      const xt = this.typeOf(e.x).underlying();
      const u = xt.tag === TypeTag.Pointer ? (xt as Pointer).base.underlying() : xt;
      if (u.tag !== TypeTag.Slice && !(u.tag === TypeTag.Array && xt.tag === TypeTag.Pointer)) return null;
      const x = this.expr(e.x);
      const base = copy(x.slot, u.tag === TypeTag.Slice ? "pnn" : "p");
      const i = copy(this.expr(e.index).slot, "n");
      const elem = u.tag === TypeTag.Slice ? (u as Slice).elem : (u as ArrayT).elem;
      const uns = isUnsigned(this.typeOf(e.index)) ? BC_UNSIGNED : 0;
      return (val) => {
        this.at(e.lbrack);
        let len = base + 1;
        if (u.tag === TypeTag.Array) {
          this.emit(Op.NILCHK, base);
          len = this.temp("n");
          this.ldi(len, (u as ArrayT).len);
        }
        this.emit(Op.BCHK, BC_INDEX | uns, i, len);
        const a = this.temp("p");
        this.emit(Op.INDEXP, a, base, i, sizeof(elem));
        this.storeAt(a, 0, t, val, pos);
      };
    }
    return null;
  }

  protected storeTo(l: ast.Expr, val: Val): void {
    this.lvalue(l)(val);
  }

  /** x op= y (y null: ++/--). */
  protected opAssign(x: ast.Expr, op: string, y: ast.Expr | null, pos: Pos): void {
    const t = this.typeOf(x);
    const e = ast.unparen(x);
    if (e.kind === "IndexExpr" && this.typeOf(e.x).underlying().tag === TypeTag.Map) return this.mapOpAssign(e, op, y, pos);
    let cur: Val;
    let store: (v: Val) => void;
    const v = e.kind === "Ident" ? this.p.info.uses.get(e) : undefined;
    if (v instanceof Var) {
      cur = this.loadVar(v, t, pos);
      store = (val) => this.storeVar(v, val, t, pos);
    } else {
      const a = this.addr(e);
      cur = this.loadAt(a, 0, t, pos);
      store = (val) => this.storeAt(a, 0, t, val, pos);
    }
    let r: Val;
    if (y === null) {
      // x++ on complex numbers adds (1+0i): two float slots
      const cplx = isComplex(t);
      const one = this.temp(cplx ? "nn" : "n");
      if (isFloat(t) || cplx) this.emit(Op.LDK, one, this.p.constFloat(1));
      else this.ldi(one, 1);
      if (cplx) this.ldi(one + 1, 0);
      r = this.binary(op, t, cur, { slot: one, n: cplx ? 2 : 1 }, pos, t);
    } else if (op === "<<" || op === ">>") {
      r = this.shift(op, t, cur, y, pos);
    } else {
      const yv = this.expr(y);
      r = this.binary(op, t, cur, yv, pos, t);
    }
    store(r);
  }

  protected returnStmt(s: ast.ReturnStmt): void {
    const rv = this.resultVars;
    if (s.results.length > 0) {
      const vals = this.exprs(s.results, rv.length, rv.length > 1, rv.map((v) => v.type as Type));
      rv.forEach((v, i) => this.storeVar(v, vals[i], v.type as Type, s.return));
    }
    this.ret();
  }

  /** Copies named/anonymous result variables to the result slots and returns. */
  protected ret(): void {
    this.runDefers();
    let slot = this.f.nparams;
    for (const v of this.resultVars) {
      const t = v.type as Type;
      const n = shapeOf(t, v.pos).length;
      const loc = this.vars.get(v) as VarLoc;
      if (loc.k === "mem") {
        if (isAggregate(t)) {
          const c = this.copyAgg(t, { slot: loc.slot, n: 1 });
          this.emit(Op.MOV, slot, c.slot);
        } else this.movVal(slot, this.loadAt(loc.slot, 0, t, v.pos));
      }
      slot += n;
    }
    this.emit(Op.RET);
  }

  protected ifStmt(s: ast.IfStmt): void {
    const m = this.mark();
    if (s.init) this.stmt(s.init);
    const els = new Label("else");
    const end = new Label("endif");
    this.at(ast.nodePos(s.cond));
    this.hoistCalls([s.cond]);
    this.condJump(s.cond, false, els);
    this.block(s.body.list);
    if (s.else) this.jmp(end);
    this.place(els);
    if (s.else) this.stmt(s.else);
    this.place(end);
    this.release(m);
  }

  protected forStmt(s: ast.ForStmt, label: string | null): void {
    if (s.init) this.stmt(s.init);
    const top = new Label("for");
    const cont = new Label("continue");
    const brk = new Label("break");
    this.place(top);
    if (s.cond) {
      this.at(ast.nodePos(s.cond));
      const m = this.mark();
      this.hoistCalls([s.cond]);
      this.condJump(s.cond, false, brk);
      this.release(m);
    }
    this.targets.push({ label, brk, cont });
    this.block(s.body.list);
    this.targets.pop();
    this.place(cont);
    if (s.post) this.stmt(s.post);
    this.at(s.for);
    this.jmp(top);
    this.place(brk);
  }

  protected rangeStmt(s: ast.RangeStmt, label: string | null): void {
    const xt = this.typeOf(s.x);
    let u = xt.underlying();
    if (u.tag === TypeTag.Pointer) u = (u as Pointer).base.underlying();
    if (isString(xt)) return this.rangeString(s, label);
    if (u.tag === TypeTag.Chan) return this.rangeChan(s, label);
    if (u.tag === TypeTag.Map) return this.rangeMap(s, label);
    if (u.tag !== TypeTag.Slice && u.tag !== TypeTag.Array) throw new Unsupported(s.range, `range over ${xt.toString()}`);
    const elemT = u.tag === TypeTag.Slice ? (u as Slice).elem : (u as ArrayT).elem;
    const esize = sizeof(elemT);
    // evaluate x once: slices by value (ptr, len), arrays by address (the array itself when ranged with a value var Go copies it)
    const xv = this.expr(s.x);
    const base = this.temp("p");
    const len = this.temp("n");
    if (u.tag === TypeTag.Slice) {
      this.emit(Op.MOV, base, xv.slot);
      this.emit(Op.MOV, len, xv.slot + 1);
    } else {
      const src = xt.underlying().tag === TypeTag.Pointer ? xv : s.value ? this.copyAgg(xt, xv) : xv;
      this.emit(Op.MOV, base, src.slot);
      this.ldi(len, (u as ArrayT).len);
    }
    const i = this.temp("n");
    this.ldi(i, 0);
    const info = this.p.info;
    const bind = (e: ast.Expr | undefined): ((v: Val) => void) | null => {
      if (e === undefined) return null;
      if (e.kind === "Ident" && e.name === "_") return null;
      if (s.tok === ":=" && e.kind === "Ident") {
        const v = info.defs.get(e);
        if (v instanceof Var) {
          const loc = this.declareVar(v, v.pos);
          void loc;
          return (val) => this.storeVar(v, val, v.type as Type, v.pos);
        }
      }
      // '=' to an interface variable boxes the element (loweriface.ts)
      const et = e === s.value ? elemT : null;
      return (val) => this.storeTo(e, et !== null ? this.convertTo(val, et, this.typeOf(e), s.range) : val);
    };
    const kb = bind(s.key);
    const vb = bind(s.value);
    const top = new Label("range");
    const cont = new Label("continue");
    const brk = new Label("break");
    this.place(top);
    this.emit(Op.JLE, len, i, 0, 0, { target: brk });
    // (FIXES) `for i, x[i] = range s`: x[i]'s operands are evaluated before i is assigned
    const vm = this.mark();
    const [kl, vl] = this.rangeLvalues(s, kb !== null && vb !== null);
    if (kb) (kl ?? kb)({ slot: i, n: 1 });
    if (vb) {
      const m = this.mark();
      const ea = this.temp("p");
      this.emit(Op.INDEXP, ea, base, i, esize);
      const v = this.loadAt(ea, 0, elemT, s.range);
      if (vl !== null) vl(this.convertTo(v, elemT, this.typeOf(s.value as ast.Expr), s.range));
      else vb(v);
      this.release(m);
    }
    this.release(vm);
    this.targets.push({ label, brk, cont });
    this.block(s.body.list);
    this.targets.pop();
    this.place(cont);
    this.emit(Op.ADDI, i, i, 1);
    this.at(s.for);
    this.jmp(top);
    this.place(brk);
  }

  /** for i, r := range str: decodes UTF-8 with runtime.decoderune (invalid bytes give U+FFFD, width 1). */
  protected rangeString(s: ast.RangeStmt, label: string | null): void {
    const xv = this.expr(s.x);
    const str = this.temp("pn");
    this.movVal(str, xv);
    const args = this.temp("pnn");
    const res = this.temp("nn");
    this.emit(Op.LDI, args + 2, 0);
    const kb = this.rangeBinder(s, s.key);
    const vb = this.rangeBinder(s, s.value);
    const top = new Label("range");
    const cont = new Label("continue");
    const brk = new Label("break");
    this.place(top);
    this.emit(Op.JLE, str + 1, args + 2, 0, 0, { target: brk });
    this.emit(Op.MOVN, args, str, 2);
    this.at(s.range);
    this.emit(Op.CALLN, this.p.nativeIndex("runtime.decoderune"), args, res);
    const vm = this.mark();
    const [kl, vl] = this.rangeLvalues(s, kb !== null && vb !== null);
    if (kb) (kl ?? kb)({ slot: args + 2, n: 1 });
    if (vb) (vl ?? vb)({ slot: res, n: 1 });
    this.release(vm);
    this.targets.push({ label, brk, cont });
    this.block(s.body.list);
    this.targets.pop();
    this.place(cont);
    this.emit(Op.MOV, args + 2, res + 1);
    this.at(s.for);
    this.jmp(top);
    this.place(brk);
  }

  /**
   * (FIXES) `for i, x[i] = range …` / `for y[r], r = range …`: with both targets assigned, the
   * operands of a non-variable target are evaluated before either store (gc's order). Returns
   * the early-evaluated stores (null: use the binder).
   */
  protected rangeLvalues(s: ast.RangeStmt, both: boolean): [((v: Val) => void) | null, ((v: Val) => void) | null] {
    if (!both || s.tok !== "=") return [null, null];
    const early = (e: ast.Expr | undefined): ((v: Val) => void) | null =>
      e !== undefined && ast.unparen(e).kind !== "Ident" ? this.lvalue(e) : null;
    return [early(s.key), early(s.value)];
  }

  protected rangeBinder(s: ast.RangeStmt, e: ast.Expr | undefined): ((v: Val) => void) | null {
    if (e === undefined || (e.kind === "Ident" && e.name === "_")) return null;
    if (s.tok === ":=" && e.kind === "Ident") {
      const v = this.p.info.defs.get(e);
      if (v instanceof Var) {
        this.declareVar(v, v.pos);
        return (val) => this.storeVar(v, val, v.type as Type, v.pos);
      }
    }
    return (val) => this.storeTo(e, val);
  }

  protected switchStmt(s: ast.SwitchStmt, label: string | null): void {
    const m = this.mark();
    if (s.init) this.stmt(s.init);
    let tag: Val | null = null;
    let tagT: Type | null = null;
    if (s.tag) {
      this.hoistCalls([s.tag]);
      tagT = this.typeOf(s.tag);
      const v = this.expr(s.tag);
      tag = this.tempFor(tagT, ast.nodePos(s.tag));
      this.movVal(tag.slot, v);
    }
    const brk = new Label("endswitch");
    const clauses = s.body.list as ast.CaseClause[];
    const bodies = clauses.map(() => new Label("case"));
    let deflt = -1;
    clauses.forEach((c, ci) => {
      if (c.list.length === 0) {
        deflt = ci;
        return;
      }
      for (const e of c.list) {
        this.at(ast.nodePos(e));
        const mm = this.mark();
        this.hoistCalls([e]);
        if (tag !== null && tagT !== null) {
          const et = this.typeOf(e);
          const v = this.expr(e);
          // an interface operand on either side: compare as that interface (loweriface.ts)
          const r =
            tagT.underlying().tag !== TypeTag.Interface && et.underlying().tag === TypeTag.Interface
              ? this.compare("==", et, this.convertTo(tag, tagT, et, ast.nodePos(e)), v, ast.nodePos(e))
              : this.compare("==", tagT, tag, this.convertTo(v, et, tagT, ast.nodePos(e)), ast.nodePos(e));
          this.emit(Op.JT, r.slot, 0, 0, 0, { target: bodies[ci] });
        } else this.condJump(e, true, bodies[ci]);
        this.release(mm);
      }
    });
    this.jmp(deflt >= 0 ? bodies[deflt] : brk);
    this.targets.push({ label, brk, cont: null });
    clauses.forEach((c, ci) => {
      this.place(bodies[ci]);
      const saved = this.fallthroughTo;
      this.fallthroughTo = ci + 1 < clauses.length ? bodies[ci + 1] : null;
      this.block(c.body);
      this.fallthroughTo = saved;
      const last = c.body[c.body.length - 1];
      if (!(last !== undefined && last.kind === "BranchStmt" && last.tok === "fallthrough")) this.jmp(brk);
    });
    this.targets.pop();
    this.place(brk);
    this.release(m);
  }

  protected branch(s: ast.BranchStmt): void {
    if (s.tok === "goto") {
      // the checker guarantees no jump over variable declarations or into blocks
      this.jmp(this.gotoLabel((s.label as ast.Ident).name));
      return;
    }
    if (s.tok === "fallthrough") {
      if (this.fallthroughTo === null) throw new Unsupported(s.tokPos, "fallthrough here");
      this.jmp(this.fallthroughTo);
      return;
    }
    for (let i = this.targets.length - 1; i >= 0; i--) {
      const t = this.targets[i];
      if (s.label !== undefined && t.label !== s.label.name) continue;
      if (s.tok === "continue") {
        if (t.cont === null) continue;
        this.jmp(t.cont);
      } else {
        if (s.label === undefined && t.plain === true) continue;
        this.jmp(t.brk);
      }
      return;
    }
    throw new Unsupported(s.tokPos, `${s.tok} here`);
  }
}
