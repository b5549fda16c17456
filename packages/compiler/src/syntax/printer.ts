// TEMPORARY STUB — replaced by the real printer shortly.
import type * as ast from "./ast.js";
export function exprString(e: ast.Expr): string { return e.kind; }
