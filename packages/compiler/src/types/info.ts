/**
 * Info: what the checker records about the program (go/types.Info), for
 * later phases (lowering, code generation, tools). Maps are keyed by AST
 * node identity. Every map is optional in spirit but always allocated here;
 * callers that do not need them may pass no Info at all.
 */
import type { Value } from "../constant/index.js";
import type * as ast from "../syntax/ast.js";
import { Mode } from "./operand.js";
import type { Object, Var, Func } from "./object.js";
import type { Scope } from "./scope.js";
import type { Type } from "./type.js";

/** Type (and constant value) of an expression, and how it can be used. */
export class TypeAndValue {
  constructor(
    readonly mode: Mode,
    public type: Type,
    public value: Value | null,
  ) {}
  isVoid(): boolean {
    return this.mode === Mode.NoValue;
  }
  isType(): boolean {
    return this.mode === Mode.TypExpr;
  }
  isBuiltin(): boolean {
    return this.mode === Mode.Builtin;
  }
  isValue(): boolean {
    switch (this.mode) {
      case Mode.Constant:
      case Mode.Variable:
      case Mode.MapIndex:
      case Mode.Value:
      case Mode.NilValue:
      case Mode.CommaOk:
      case Mode.CommaErr:
        return true;
    }
    return false;
  }
  isNil(): boolean {
    return this.mode === Mode.NilValue;
  }
  addressable(): boolean {
    return this.mode === Mode.Variable;
  }
  assignable(): boolean {
    return this.mode === Mode.Variable || this.mode === Mode.MapIndex;
  }
  hasOk(): boolean {
    return this.mode === Mode.CommaOk || this.mode === Mode.MapIndex;
  }
}

/** An instantiation of a generic function or type at a use site. */
export interface Instance {
  typeArgs: Type[];
  type: Type;
}

export const enum SelectionKind {
  FieldVal = 0,
  MethodVal = 1,
  MethodExpr = 2,
}

/** A selector expression x.f resolved to a field or method. */
export class Selection {
  constructor(
    readonly kind: SelectionKind,
    /** type of x */
    readonly recv: Type,
    /** field (Var) or method (Func) */
    readonly obj: Var | Func,
    /** path of embedded field indices to reach obj (last entry: index of obj itself) */
    readonly index: number[],
    /** true if any pointer indirection was needed to reach the field/method */
    readonly indirect: boolean,
    /** type of x.f (method values: signature without receiver; method expressions: with receiver as first param) */
    readonly type: Type,
  ) {}
}

/** One package-level variable initialization, in execution order. */
export interface Initializer {
  lhs: Var[];
  rhs: ast.Expr;
}

export class Info {
  types = new Map<ast.Expr, TypeAndValue>();
  instances = new Map<ast.Ident, Instance>();
  defs = new Map<ast.Ident, Object | null>();
  uses = new Map<ast.Ident, Object>();
  implicits = new Map<ast.Node, Object>();
  selections = new Map<ast.SelectorExpr, Selection>();
  scopes = new Map<ast.Node, Scope>();
  initOrder: Initializer[] = [];

  typeOf(e: ast.Expr): Type | undefined {
    const tv = this.types.get(e);
    if (tv !== undefined) return tv.type;
    if (e.kind === "Ident") {
      const o = this.objectOf(e);
      if (o !== undefined && o !== null && o.type !== null) return o.type;
    }
    return undefined;
  }

  objectOf(id: ast.Ident): Object | null | undefined {
    const d = this.defs.get(id);
    if (d !== undefined && d !== null) return d;
    return this.uses.get(id);
  }
}
