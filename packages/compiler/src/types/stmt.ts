/**
 * Statements (types2's stmt.go): function bodies, every statement kind,
 * switch/type switch/select/for/range, duplicate case detection, unused
 * variable reporting ("x declared but not used"), and "missing return".
 * Branch/label checks follow gc's syntax package (labels.ts).
 */
import { Kind, type Value, float64Val, int64Val, stringVal, boolVal } from "../constant/index.js";
import type * as ast from "../syntax/ast.js";
import { nodeEnd, nodePos, unparen } from "../syntax/ast.js";
import { NoPos } from "../syntax/position.js";
import { assignVar, assignVars, assignment, initVar, initVars, shortVarDecl } from "./assignments.js";
import { type Checker, type DeclInfo, Environment } from "./checker.js";
import { declStmt } from "./decl.js";
import { ExprKind, binary, comparison, convertUntyped, expr, exprOrType, rawExpr, typeAssertion, use } from "./expr.js";
import { checkBranches } from "./labels.js";
import { Var } from "./object.js";
import { Mode, Operand } from "./operand.js";
import { allNumeric, coreType, identical, isBoolean, isComparable, isInteger, isString, isUntyped, underT, defaultType } from "./predicates.js";
import { declare } from "./resolver.js";
import { isTerminating } from "./return.js";
import { Scope } from "./scope.js";
import { Basic, BasicKind, Chan, ChanDir, Interface, MapType, Pointer, Array, Signature, Slice, Typ, TypeParam, type Type, isInvalid } from "./type.js";
import { varType } from "./typexpr.js";
import { universeByte, universeRune } from "./universe.js";

export function funcBody(check: Checker, decl: DeclInfo | null, name: string, sig: Signature, body: ast.BlockStmt, iota: Value | null): void {
  void name;
  const scope = sig.scope as Scope;
  scope.pos = nodePos(body);
  scope.end = nodeEnd(body);
  const saved = check.env;
  const env = new Environment();
  env.decl = decl;
  env.scope = scope;
  env.iota = iota;
  env.sig = sig;
  env.isPanic = new Set();
  check.env = env;
  try {
    stmtList(check, 0, body.list);
    const pe = check.conf.parseErrors;
    const bodyStart = nodePos(body);
    const bodyEnd = nodeEnd(body);
    if (pe === undefined || !pe.some((e) => e.pos >= bodyStart && e.pos <= bodyEnd)) checkBranches(check, body);
    if (sig.results.vars.length > 0 && !isTerminating(check, body, "")) {
      check.error(body.rbrace, "missing return");
    }
    usage(check, scope);
  } finally {
    check.env = saved;
  }
}

function usage(check: Checker, scope: Scope): void {
  const unused: Var[] = [];
  for (const elem of scope.elems.values()) {
    if (elem instanceof Var && !elem.used) unused.push(elem);
  }
  unused.sort((a, b) => a.pos - b.pos);
  for (const v of unused) check.softError(v.pos, `${v.name} declared but not used`);
  for (const s of scope.children) if (!s.isFunc) usage(check, s);
}

const enum Ctx {
  BreakOk = 1,
  ContinueOk = 2,
  FallthroughOk = 4,
  FinalSwitchCase = 8,
  InTypeSwitch = 16,
}

function openScope(check: Checker, node: ast.Node, comment: string): Scope {
  const s = new Scope(check.env.scope, nodePos(node), nodeEnd(node), comment);
  check.recordScope(node, s);
  check.env.scope = s;
  return s;
}
function openScopeUntil(check: Checker, node: ast.Node, end: number, comment: string): Scope {
  const s = new Scope(check.env.scope, nodePos(node), end, comment);
  check.recordScope(node, s);
  check.env.scope = s;
  return s;
}
function closeScope(check: Checker): void {
  check.env.scope = check.env.scope.parent as Scope;
}

function stmtList(check: Checker, ctxt: number, list: ast.Stmt[]): void {
  const ok = (ctxt & Ctx.FallthroughOk) !== 0;
  const inner = ctxt & ~(Ctx.FallthroughOk | Ctx.FinalSwitchCase);
  let n = list.length;
  // trailing empty statements are permitted - skip them
  while (n > 0 && list[n - 1].kind === "EmptyStmt") n--;
  for (let i = 0; i < list.length; i++) {
    let c = inner;
    if (ok && i + 1 === n) c |= Ctx.FallthroughOk | (ctxt & Ctx.FinalSwitchCase);
    stmt(check, c, list[i]);
  }
}

function multipleDefaults(check: Checker, list: (ast.CaseClause | ast.CommClause)[]): void {
  let first: ast.Node | null = null;
  for (const c of list) {
    const isDefault = c.kind === "CaseClause" ? c.list.length === 0 : c.comm === undefined;
    if (isDefault) {
      if (first !== null) check.error(c, `multiple defaults (first at ${check.posString(nodePos(first))})`);
      else first = c;
    }
  }
}

function suspendedCall(check: Checker, keyword: string, call: ast.CallExpr): void {
  const x = new Operand();
  const kind = rawExpr(check, x, call, null, false);
  let msg: string;
  switch (kind) {
    case ExprKind.Conversion:
      msg = "requires function call, not conversion";
      break;
    case ExprKind.Expression:
      msg = "discards result of";
      break;
    default:
      return;
  }
  check.error(x, `${keyword} ${msg} ${check.o(x)}`);
}

/** A Go value usable as a map key for duplicate-case detection (null if none). */
function goVal(v: Value | null): string | null {
  if (v === null) return null;
  switch (v.kind) {
    case Kind.Int: {
      const [n, ok] = int64Val(v);
      return ok ? "i" + n : "I" + v.toString();
    }
    case Kind.Float: {
      const [f, exact] = float64Val(v);
      void exact;
      return "f" + f;
    }
    case Kind.String:
      return "s" + stringVal(v);
  }
  return null;
}

function caseValues(check: Checker, x: Operand, values: ast.Expr[], seen: Map<string, { pos: number; type: Type }[]>): void {
  for (const e of values) {
    const v = new Operand();
    expr(check, v, e);
    if ((x.mode as Mode) === Mode.Invalid || (v.mode as Mode) === Mode.Invalid) continue;
    convertUntyped(check, v, x.type);
    if ((v.mode as Mode) === Mode.Invalid) continue;
    const res = v.clone();
    comparison(check, res, x, "==", true);
    if ((res.mode as Mode) === Mode.Invalid) continue;
    if ((v.mode as Mode) !== Mode.Constant) continue;
    const k = goVal(v.val);
    if (k !== null) {
      const list = seen.get(k);
      if (list !== undefined) {
        for (const vt of list) {
          if (identical(v.type, vt.type)) {
            check.error(v, `duplicate case ${check.o(v)} in expression switch\n\t${check.posString(vt.pos)}: previous case`);
            break;
          }
        }
        list.push({ pos: exprPos(e), type: v.type });
      } else seen.set(k, [{ pos: exprPos(e), type: v.type }]);
    }
  }
}

function isNilExpr(check: Checker, e: ast.Expr): boolean {
  const u = unparen(e);
  if (u.kind !== "Ident" || u.name !== "nil") return false;
  const obj = check.lookup("nil");
  return obj !== undefined && obj.constructor.name === "Nil";
}

/** Checks the types of a type switch case; returns the single case type (or null). */
function caseTypes(check: Checker, x: Operand | null, types: ast.Expr[], seen: Map<Type | null, ast.Expr>): Type | null {
  let T: Type | null = null;
  outer: for (const e of types) {
    if (isNilExpr(check, e)) {
      T = null;
      const x2 = new Operand();
      expr(check, x2, e); // record
    } else {
      T = varType(check, e);
      if (isInvalid(T)) continue;
    }
    for (const [t, other] of seen) {
      if ((T === null && t === null) || (T !== null && t !== null && identical(T, t))) {
        const Ts = T === null ? "nil" : check.t(T);
        check.error(e, `duplicate case ${Ts} in type switch\n\t${check.posString(startPos(other))}: previous case`);
        continue outer;
      }
    }
    seen.set(T, e);
    if (x !== null && T !== null) typeAssertion(check, e, x, T, true);
  }
  return T;
}

function stmt(check: Checker, ctxt: number, s: ast.Stmt): void {
  // function literals are checked before the enclosing scope's contents change
  const top = check.delayed.length;
  try {
    stmt0(check, ctxt, s);
  } finally {
    check.processDelayed(top);
  }
}

function stmt0(check: Checker, ctxt: number, s: ast.Stmt): void {
  const inner = ctxt & ~(Ctx.FallthroughOk | Ctx.FinalSwitchCase | Ctx.InTypeSwitch);
  switch (s.kind) {
    case "BadStmt":
    case "EmptyStmt":
      return;
    case "DeclStmt":
      declStmt(check, s.decl);
      return;
    case "LabeledStmt":
      check.env.hasLabel = true;
      stmt(check, ctxt, s.stmt);
      return;
    case "ExprStmt": {
      const x = new Operand();
      const kind = rawExpr(check, x, s.x, null, false);
      let msg: string;
      switch (x.mode) {
        default:
          if (kind === ExprKind.Statement) return;
          msg = "is not used";
          break;
        case Mode.Builtin:
          msg = "must be called";
          break;
        case Mode.TypExpr:
          msg = "is not an expression";
          break;
      }
      check.error(x, `${check.o(x)} ${msg}`);
      return;
    }
    case "SendStmt": {
      const ch = new Operand();
      const val = new Operand();
      expr(check, ch, s.chan);
      expr(check, val, s.value);
      if ((ch.mode as Mode) === Mode.Invalid || (val.mode as Mode) === Mode.Invalid) return;
      const u = coreType(ch.type);
      if (u === null) {
        check.error(s, `invalid operation: cannot send to ${check.o(ch)}: no core type`);
        return;
      }
      if (!(u instanceof Chan)) {
        check.error(s, `invalid operation: cannot send to non-channel ${check.o(ch)}`);
        return;
      }
      if (u.dir === ChanDir.RecvOnly) {
        check.error(s, `invalid operation: cannot send to receive-only channel ${check.o(ch)}`);
        return;
      }
      assignment(check, val, u.elem, "send");
      return;
    }
    case "IncDecStmt": {
      const x = new Operand();
      expr(check, x, s.x);
      if ((x.mode as Mode) === Mode.Invalid) return;
      if (!allNumeric(x.type)) {
        check.error(s.x, `invalid operation: ${check.e(s.x)}${s.tok} (non-numeric type ${check.t(x.type)})`);
        return;
      }
      const one: ast.BasicLit = { kind: "BasicLit", pos: s.tokPos, litKind: "INT", value: "1" };
      binary(check, x, null, s.x, one, s.tok === "++" ? "+" : "-");
      if ((x.mode as Mode) === Mode.Invalid) return;
      assignVar(check, s.x, x);
      return;
    }
    case "AssignStmt": {
      switch (s.tok) {
        case "=":
          if (s.rhs.length === 0) return;
          assignVars(check, s.lhs, s.rhs);
          return;
        case ":=":
          shortVarDecl(check, s.tokPos, s.lhs, s.rhs);
          return;
        default: {
          if (s.lhs.length !== 1 || s.rhs.length !== 1) {
            check.error(s, `assignment operation ${s.tok} requires single-valued expressions`);
            return;
          }
          const op = s.tok.slice(0, -1);
          const x = new Operand();
          binary(check, x, null, s.lhs[0], s.rhs[0], op);
          if ((x.mode as Mode) === Mode.Invalid) return;
          assignVar(check, s.lhs[0], x);
          return;
        }
      }
    }
    case "GoStmt":
      suspendedCall(check, "go", s.call);
      return;
    case "DeferStmt":
      suspendedCall(check, "defer", s.call);
      return;
    case "ReturnStmt": {
      const res = (check.env.sig as Signature).results;
      if (s.results.length === 0 && res.vars.length > 0 && res.vars[0].name !== "") {
        for (const obj of res.vars) {
          const alt = check.lookup(obj.name);
          if (alt !== undefined && alt !== obj) {
            check.error(s, `result parameter ${obj.name} not in scope at return\n\t${check.posString(alt.pos)}: inner declaration of var ${obj.name} ${check.t(alt.typ())}`);
          }
        }
      } else {
        initVars(check, res.vars, s.results, s);
      }
      return;
    }
    case "BranchStmt":
      if (s.label !== undefined) check.env.hasLabel = true;
      return;
    case "BlockStmt":
      openScope(check, s, "block");
      stmtList(check, inner, s.list);
      closeScope(check);
      return;
    case "IfStmt": {
      openScope(check, s, "if");
      if (s.init !== undefined) simpleStmt(check, s.init);
      const x = new Operand();
      expr(check, x, s.cond);
      if ((x.mode as Mode) !== Mode.Invalid && !isBoolean(x.type)) check.error(s.cond, "non-boolean condition in if statement");
      stmt(check, inner, s.body);
      if (s.else !== undefined) {
        if (s.else.kind === "IfStmt" || s.else.kind === "BlockStmt") stmt(check, inner, s.else);
        else check.error(s.else, "invalid else branch in if statement");
      }
      closeScope(check);
      return;
    }
    case "SwitchStmt":
      switchStmt(check, inner | Ctx.BreakOk, s);
      return;
    case "TypeSwitchStmt":
      typeSwitchStmt(check, inner | Ctx.BreakOk | Ctx.InTypeSwitch, s);
      return;
    case "SelectStmt": {
      const inner2 = inner | Ctx.BreakOk;
      const clauses = s.body.list as ast.CommClause[];
      multipleDefaults(check, clauses);
      for (const clause of clauses) {
        const comm = clause.comm;
        let valid = false;
        let rhs: ast.Expr | null = null;
        if (comm === undefined || comm.kind === "SendStmt") valid = true;
        else if (comm.kind === "AssignStmt") {
          if (comm.rhs.length === 1) rhs = comm.rhs[0];
        } else if (comm.kind === "ExprStmt") rhs = comm.x;
        if (rhs !== null) {
          const u = unparen(rhs);
          if (u.kind === "UnaryExpr" && u.op === "<-") valid = true;
        }
        if (!valid) {
          check.error(comm as ast.Stmt, "select case must be send or receive (possibly with assignment)");
          continue;
        }
        openScope(check, clause, "case");
        if (comm !== undefined) stmt(check, inner2, comm);
        stmtList(check, inner2, clause.body);
        closeScope(check);
      }
      return;
    }
    case "ForStmt": {
      const inner2 = inner | Ctx.BreakOk | Ctx.ContinueOk;
      openScope(check, s, "for");
      if (s.init !== undefined) simpleStmt(check, s.init);
      if (s.cond !== undefined) {
        const x = new Operand();
        expr(check, x, s.cond);
        if ((x.mode as Mode) !== Mode.Invalid && !isBoolean(x.type)) check.error(s.cond, "non-boolean condition in for statement");
      }
      if (s.post !== undefined) {
        simpleStmt(check, s.post);
        if (s.post.kind === "AssignStmt" && s.post.tok === ":=") {
          check.softError(s.post, "cannot declare in post statement of for loop");
          use(check, ...s.post.rhs);
        }
      }
      stmt(check, inner2, s.body);
      closeScope(check);
      return;
    }
    case "RangeStmt":
      rangeStmt(check, inner | Ctx.BreakOk | Ctx.ContinueOk, s);
      return;
    case "CaseClause":
    case "CommClause":
      check.error(s, "invalid statement");
      return;
  }
}

function summary(check: Checker, ts: Type[]): string {
  return "(" + ts.map((t) => check.t(t)).join(", ") + ")";
}

function simpleStmt(check: Checker, s: ast.Stmt): void {
  stmt(check, 0, s);
}

function switchStmt(check: Checker, inner: number, s: ast.SwitchStmt): void {
  openScope(check, s, "switch");
  if (s.init !== undefined) simpleStmt(check, s.init);
  const x = new Operand();
  if (s.tag !== undefined) {
    expr(check, x, s.tag);
    assignment(check, x, null, "switch expression");
    if ((x.mode as Mode) !== Mode.Invalid && !isComparable(x.type) && !hasNilType(x.type)) {
      check.error(x, `cannot switch on ${check.o(x)} (${check.t(x.type)} is not comparable)`);
      x.mode = Mode.Invalid;
    }
  } else {
    x.mode = Mode.Constant;
    x.type = Typ[BasicKind.Bool];
    x.val = makeTrue();
    const id: ast.Ident = { kind: "Ident", pos: nodeEnd(s.body) - 1, name: "true" };
    x.expr = id;
  }
  const clauses = s.body.list as ast.CaseClause[];
  multipleDefaults(check, clauses);
  const seen = new Map<string, { pos: number; type: Type }[]>();
  clauses.forEach((clause, i) => {
    caseValues(check, x, clause.list, seen);
    openScope(check, clause, "case");
    let ctx = inner;
    if (i + 1 < clauses.length) ctx |= Ctx.FallthroughOk;
    else ctx |= Ctx.FinalSwitchCase;
    stmtList(check, ctx, clause.body);
    closeScope(check);
  });
  closeScope(check);
}

function hasNilType(t: Type): boolean {
  const u = underT(t);
  return u instanceof Slice || u instanceof MapType || u.tag === 7; /* Signature */
}

import { makeBool } from "../constant/index.js";
function makeTrue(): Value {
  return makeBool(true);
}

function typeSwitchStmt(check: Checker, inner: number, s: ast.TypeSwitchStmt): void {
  openScope(check, s, "type switch");
  if (s.init !== undefined) simpleStmt(check, s.init);
  // assign is `x := y.(type)` or `y.(type)`
  let lhs: ast.Ident | null = null;
  let rhs: ast.Expr | null = null;
  const a = s.assign;
  if (a.kind === "AssignStmt" && a.lhs.length === 1 && a.rhs.length === 1 && a.tok === ":=") {
    const l = a.lhs[0];
    if (l.kind === "Ident") lhs = l;
    rhs = a.rhs[0];
  } else if (a.kind === "ExprStmt") rhs = a.x;
  if (rhs === null || rhs.kind !== "TypeAssertExpr" || rhs.type !== undefined) {
    check.error(s, "invalid AST: incorrect form of type switch guard");
    closeScope(check);
    return;
  }
  if (lhs !== null) {
    if (lhs.name === "_") {
      check.softError(lhs, "no new variable on left side of :=");
      lhs = null;
    } else check.recordDef(lhs, null);
  }
  const x = new Operand();
  expr(check, x, rhs.x);
  if ((x.mode as Mode) === Mode.Invalid) {
    closeScope(check);
    return;
  }
  let sx: Operand | null = null;
  if (x.type instanceof TypeParam) {
    check.error(x, `cannot use type switch on type parameter value ${check.o(x)}`);
  } else if (underT(x.type) instanceof Interface) sx = x;
  else check.error(x, `${check.o(x)} is not an interface`);
  const clauses = s.body.list as ast.CaseClause[];
  multipleDefaults(check, clauses);
  const lhsVars: Var[] = [];
  const seen = new Map<Type | null, ast.Expr>();
  clauses.forEach((clause, i) => {
    const end = i + 1 < clauses.length ? nodePos(clauses[i + 1]) : s.body.rbrace;
    let T = caseTypes(check, sx, clause.list, seen);
    openScopeUntil(check, clause, end, "case");
    if (lhs !== null) {
      if (clause.list.length !== 1 || T === null) T = x.type;
      const obj = new Var(lhs.pos, check.pkg, lhs.name, T);
      let scopePos = nodePos(clause);
      if (clause.list.length > 0) scopePos = nodeEnd(clause.list[clause.list.length - 1]);
      declare(check, check.env.scope, null, obj, scopePos);
      check.recordImplicit(clause, obj);
      lhsVars.push(obj);
    }
    stmtList(check, inner, clause.body);
    closeScope(check);
  });
  if (lhs !== null) {
    let used = false;
    for (const v of lhsVars) {
      if (v.used) used = true;
      v.used = true;
    }
    if (!used) check.softError(lhs, `${lhs.name} declared but not used`);
  }
  closeScope(check);
}

function rangeKeyVal(check: Checker, t: Type | null): [Type | null, Type | null] {
  if (t === null) return [null, null];
  if (t instanceof Basic) {
    if (isString(t)) return [Typ[BasicKind.Int], universeRune.type as Type];
    if (isInteger(t) && check.allowVersion(1, 22)) {
      if (isUntyped(t)) return [Typ[BasicKind.Int], null];
      return [t, null];
    }
  } else if (t instanceof Array) return [Typ[BasicKind.Int], t.elem];
  else if (t instanceof Slice) return [Typ[BasicKind.Int], t.elem];
  else if (t instanceof Pointer) {
    const a = underT(t.base);
    if (a instanceof Array) return [Typ[BasicKind.Int], a.elem];
  } else if (t instanceof MapType) return [t.key, t.elem];
  else if (t instanceof Chan) return [t.elem, null];
  else if (t instanceof Signature && check.allowVersion(1, 23)) {
    // range-over-func (Go 1.23): func(yield func(K[, V]) bool)
    if (t.params.vars.length === 1 && t.results.vars.length === 0) {
      const y = underT(t.params.vars[0].typ());
      if (y instanceof Signature && y.results.vars.length === 1 && isBoolean(y.results.vars[0].typ())) {
        const ps = y.params.vars;
        if (ps.length <= 2) return [ps.length > 0 ? ps[0].typ() : null, ps.length > 1 ? ps[1].typ() : null];
      }
    }
  }
  return [null, null];
}

function rangeStmt(check: Checker, inner: number, s: ast.RangeStmt): void {
  const sKey = s.key ?? null;
  const sValue = s.value ?? null;
  const x = new Operand();
  expr(check, x, s.x);
  let key: Type | null = null;
  let val: Type | null = null;
  let rangeOverInt = false;
  if ((x.mode as Mode) !== Mode.Invalid) {
    let cause = "";
    const u = coreType(x.type);
    if (u instanceof Chan) {
      if (sValue !== null) check.softError(sValue, `range over ${check.o(x)} permits only one iteration variable`);
      if (u.dir === ChanDir.SendOnly) cause = "receive from send-only channel";
    } else if (u === null) cause = `${check.t(x.type)} has no core type`;
    [key, val] = rangeKeyVal(check, u);
    if (u instanceof Basic && isInteger(u) && key !== null) {
      rangeOverInt = true;
      if (sValue !== null) check.softError(sValue, `range over ${check.o(x)} permits only one iteration variable`);
      if (isUntyped(x.type) && (x.mode as Mode) === Mode.Constant) {
        // the key gets the default type int unless assigned
        convertUntyped(check, x, Typ[BasicKind.Int]);
        key = x.type;
      }
    }
    if (key === null || cause !== "") {
      if (cause === "") check.softError(x, `cannot range over ${check.o(x)}`);
      else check.softError(x, `cannot range over ${check.o(x)} (${cause})`);
    }
  }
  void rangeOverInt;
  openScope(check, s, "range");
  const lhs = [sKey, sValue];
  const rhs = [key, val];
  if (s.tok === ":=") {
    const vars: Var[] = [];
    for (let i = 0; i < 2; i++) {
      const l = lhs[i];
      if (l === null) continue;
      let obj: Var;
      if (l.kind === "Ident") {
        obj = new Var(l.pos, check.pkg, l.name, null);
        check.recordDef(l, obj);
        if (l.name !== "_") vars.push(obj);
      } else {
        check.error(l, `cannot declare ${check.e(l)}`);
        obj = new Var(nodePos(l), check.pkg, "_", null);
      }
      const t = rhs[i];
      if (t !== null) {
        const o = new Operand();
        o.mode = Mode.Value;
        o.expr = l;
        o.type = t;
        initVar(check, obj, o, "range clause");
      } else {
        obj.type = Typ[BasicKind.Invalid];
        obj.used = true;
      }
    }
    if (vars.length > 0) {
      const scopePos = nodePos(s.body);
      for (const obj of vars) declare(check, check.env.scope, null, obj, scopePos);
    } else check.error(s, "no new variables on left side of :=");
  } else {
    for (let i = 0; i < 2; i++) {
      const l = lhs[i];
      if (l === null) continue;
      const t = rhs[i];
      if (t !== null) {
        const o = new Operand();
        o.mode = Mode.Value;
        o.expr = l;
        o.type = t;
        assignVar(check, l, o);
      } else use(check, l);
    }
  }
  stmt(check, inner, s.body);
  closeScope(check);
}

export { exprOrType, boolVal, NoPos, defaultType };

/** gc's own position of an expression (a call's is its "("), as used for "previous case". */
function exprPos(e: ast.Expr): number {
  if (e.kind === "CallExpr") return e.lparen;
  if (e.kind === "BinaryExpr") return e.opPos;
  return startPos(e);
}
import { startPos } from "./checker.js";
