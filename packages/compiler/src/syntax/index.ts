/**
 * The Go front end's syntax layer: positions, scanner, parser, AST, printer.
 * See HACKING.md in this folder.
 */
export * from "./position.js";
export * as ast from "./ast.js";
export type {
  Node, Expr, Stmt, Decl, Spec, File, Ident, BasicLit, FuncType, FieldList, Field,
  Comment, CommentGroup, BlockStmt, GenDecl, FuncDecl, ImportSpec, ValueSpec, TypeSpec,
} from "./ast.js";
export { nodePos, nodeEnd, unparen, inspect, walk, forEachChild, isExpr } from "./ast.js";
export type { Diagnostic } from "../diag.js";
export { formatDiagnostic, sortDiagnostics } from "../diag.js";
export { parseFile, MaxErrors, MaxNesting, plusBuildToExpr } from "./parser.js";
export type { ParseMode, ParseOptions, ParseResult } from "./parser.js";
export { exprString, simpleStmtString } from "./printer.js";
export { Scanner, Tok, tokString } from "./scanner.js";
export { parseDirective, declDirectives, checkDirectives } from "./directives.js";
export type { Directive, DirectiveTarget, DirectiveCheckOptions } from "./directives.js";
