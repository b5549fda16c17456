/**
 * Go abstract syntax tree.
 *
 * Mirrors go/ast node for node and field for field, with camelCase field
 * names. Nodes are plain objects discriminated by `kind`, which equals the
 * go/ast type name. Positions are `Pos` values of the FileSet the file was
 * parsed into; a Pos field is 0 (NoPos) when the token is absent.
 *
 * Differences from go/ast, all deliberate:
 * - Ident.pos / BasicLit.pos are named `pos` (go/ast: NamePos / ValuePos).
 * - There is no object resolution; `Ident.obj` is a free slot the type
 *   checker may fill.
 * - File carries `buildConstraint` and `directives` for the loader.
 * - Token-valued fields are strings ("+", ":=", "import", ...).
 */
import type { Pos } from "./position.js";

// ---------------------------------------------------------------------------
// Comments

export interface Comment {
  kind: "Comment";
  /** position of the '/' starting the comment */
  slash: Pos;
  /** comment text including the // or /* markers, excluding a trailing newline */
  text: string;
}

export interface CommentGroup {
  kind: "CommentGroup";
  list: Comment[];
}

// ---------------------------------------------------------------------------
// Fields

export interface Field {
  kind: "Field";
  doc?: CommentGroup;
  /** field/method/parameter names; empty for anonymous/embedded */
  names: Ident[];
  type: Expr;
  tag?: BasicLit;
  comment?: CommentGroup;
}

export interface FieldList {
  kind: "FieldList";
  /** position of the opening (, [ or {; 0 if none */
  opening: Pos;
  list: Field[];
  /** position of the closing ), ] or }; 0 if none */
  closing: Pos;
}

// ---------------------------------------------------------------------------
// Expressions

export interface BadExpr {
  kind: "BadExpr";
  from: Pos;
  to: Pos;
}

export interface Ident {
  kind: "Ident";
  pos: Pos;
  name: string;
  /** free slot for later phases (the parser leaves it undefined) */
  obj?: unknown;
}

export interface Ellipsis {
  kind: "Ellipsis";
  ellipsis: Pos;
  /** element type for ...T parameters; undefined in [...]T */
  elt?: Expr;
}

export type LitKind = "INT" | "FLOAT" | "IMAG" | "CHAR" | "STRING";

export interface BasicLit {
  kind: "BasicLit";
  pos: Pos;
  litKind: LitKind;
  /** raw source text, e.g. `42`, `0x1p-2`, `'a'`, `"foo\n"` or `` `raw` `` */
  value: string;
  /**
   * true if the literal is malformed (the scanner already reported it, e.g.
   * "0x" or an unterminated string); like gc's BasicLit.Bad, a type checker
   * should treat it as invalid without reporting again. (gc keeps
   * type-checking after such errors; only "syntax error: ..." stops it.)
   */
  bad?: boolean;
}

export interface FuncLit {
  kind: "FuncLit";
  type: FuncType;
  body: BlockStmt;
}

export interface CompositeLit {
  kind: "CompositeLit";
  type?: Expr;
  lbrace: Pos;
  elts: Expr[];
  rbrace: Pos;
  /** true if source expressions are missing in elts (error recovery) */
  incomplete: boolean;
}

export interface ParenExpr {
  kind: "ParenExpr";
  lparen: Pos;
  x: Expr;
  rparen: Pos;
}

export interface SelectorExpr {
  kind: "SelectorExpr";
  x: Expr;
  sel: Ident;
}

export interface IndexExpr {
  kind: "IndexExpr";
  x: Expr;
  lbrack: Pos;
  index: Expr;
  rbrack: Pos;
}

export interface IndexListExpr {
  kind: "IndexListExpr";
  x: Expr;
  lbrack: Pos;
  indices: Expr[];
  rbrack: Pos;
}

export interface SliceExpr {
  kind: "SliceExpr";
  x: Expr;
  lbrack: Pos;
  low?: Expr;
  high?: Expr;
  max?: Expr;
  /** true for 3-index slices x[a:b:c] */
  slice3: boolean;
  rbrack: Pos;
}

export interface TypeAssertExpr {
  kind: "TypeAssertExpr";
  x: Expr;
  lparen: Pos;
  /** undefined for x.(type) in a type switch */
  type?: Expr;
  rparen: Pos;
}

export interface CallExpr {
  kind: "CallExpr";
  fun: Expr;
  lparen: Pos;
  args: Expr[];
  /** position of "..." after the last argument; 0 if none */
  ellipsis: Pos;
  rparen: Pos;
}

export interface StarExpr {
  kind: "StarExpr";
  star: Pos;
  x: Expr;
}

export type UnaryOp = "+" | "-" | "!" | "^" | "*" | "&" | "<-" | "~";

export interface UnaryExpr {
  kind: "UnaryExpr";
  opPos: Pos;
  /** "+", "-", "!", "^", "&", "<-", "~" (a prefix * is a StarExpr) */
  op: string;
  x: Expr;
}

export type BinaryOp =
  | "||" | "&&"
  | "==" | "!=" | "<" | "<=" | ">" | ">="
  | "+" | "-" | "|" | "^"
  | "*" | "/" | "%" | "<<" | ">>" | "&" | "&^";

export interface BinaryExpr {
  kind: "BinaryExpr";
  x: Expr;
  opPos: Pos;
  op: string;
  y: Expr;
}

export interface KeyValueExpr {
  kind: "KeyValueExpr";
  key: Expr;
  colon: Pos;
  value: Expr;
}

// Types

export interface ArrayType {
  kind: "ArrayType";
  lbrack: Pos;
  /** Ellipsis for [...]T, undefined for slice types */
  len?: Expr;
  elt: Expr;
}

export interface StructType {
  kind: "StructType";
  struct: Pos;
  fields: FieldList;
  incomplete: boolean;
}

export interface FuncType {
  kind: "FuncType";
  /** position of "func"; 0 when absent (method signatures in interfaces, FuncDecl keeps it) */
  func: Pos;
  typeParams?: FieldList;
  params: FieldList;
  results?: FieldList;
}

export interface InterfaceType {
  kind: "InterfaceType";
  interface: Pos;
  /** methods (names.length === 1, type FuncType) and embedded elements (names empty) */
  methods: FieldList;
  incomplete: boolean;
}

export interface MapType {
  kind: "MapType";
  map: Pos;
  key: Expr;
  value: Expr;
}

export type ChanDir = "SEND" | "RECV" | "BOTH";

export interface ChanType {
  kind: "ChanType";
  /** position of "chan" or of "<-" (whichever comes first) */
  begin: Pos;
  /** position of "<-"; 0 if none */
  arrow: Pos;
  dir: ChanDir;
  value: Expr;
}

export type Expr =
  | BadExpr
  | Ident
  | Ellipsis
  | BasicLit
  | FuncLit
  | CompositeLit
  | ParenExpr
  | SelectorExpr
  | IndexExpr
  | IndexListExpr
  | SliceExpr
  | TypeAssertExpr
  | CallExpr
  | StarExpr
  | UnaryExpr
  | BinaryExpr
  | KeyValueExpr
  | ArrayType
  | StructType
  | FuncType
  | InterfaceType
  | MapType
  | ChanType;

// ---------------------------------------------------------------------------
// Statements

export interface BadStmt {
  kind: "BadStmt";
  from: Pos;
  to: Pos;
}

export interface DeclStmt {
  kind: "DeclStmt";
  /** a GenDecl with tok "const", "type" or "var" */
  decl: GenDecl;
}

export interface EmptyStmt {
  kind: "EmptyStmt";
  semicolon: Pos;
  /** true if the semicolon was implied (e.g. by a newline or "}") */
  implicit: boolean;
}

export interface LabeledStmt {
  kind: "LabeledStmt";
  label: Ident;
  colon: Pos;
  stmt: Stmt;
}

export interface ExprStmt {
  kind: "ExprStmt";
  x: Expr;
}

export interface SendStmt {
  kind: "SendStmt";
  chan: Expr;
  arrow: Pos;
  value: Expr;
}

export interface IncDecStmt {
  kind: "IncDecStmt";
  x: Expr;
  tokPos: Pos;
  tok: "++" | "--";
}

export type AssignTok =
  | "=" | ":="
  | "+=" | "-=" | "*=" | "/=" | "%="
  | "&=" | "|=" | "^=" | "<<=" | ">>=" | "&^=";

export interface AssignStmt {
  kind: "AssignStmt";
  lhs: Expr[];
  tokPos: Pos;
  tok: AssignTok;
  rhs: Expr[];
}

export interface GoStmt {
  kind: "GoStmt";
  go: Pos;
  call: CallExpr;
}

export interface DeferStmt {
  kind: "DeferStmt";
  defer: Pos;
  call: CallExpr;
}

export interface ReturnStmt {
  kind: "ReturnStmt";
  return: Pos;
  results: Expr[];
}

export interface BranchStmt {
  kind: "BranchStmt";
  tokPos: Pos;
  tok: "break" | "continue" | "goto" | "fallthrough";
  label?: Ident;
}

export interface BlockStmt {
  kind: "BlockStmt";
  lbrace: Pos;
  list: Stmt[];
  /** 0 if the closing brace is missing */
  rbrace: Pos;
}

export interface IfStmt {
  kind: "IfStmt";
  if: Pos;
  init?: Stmt;
  cond: Expr;
  body: BlockStmt;
  /** an IfStmt or a BlockStmt */
  else?: Stmt;
}

export interface CaseClause {
  kind: "CaseClause";
  /** position of "case" or "default" */
  case: Pos;
  /** expressions or types; empty means default */
  list: Expr[];
  colon: Pos;
  body: Stmt[];
}

export interface SwitchStmt {
  kind: "SwitchStmt";
  switch: Pos;
  init?: Stmt;
  tag?: Expr;
  /** list of CaseClause */
  body: BlockStmt;
}

export interface TypeSwitchStmt {
  kind: "TypeSwitchStmt";
  switch: Pos;
  init?: Stmt;
  /** x := y.(type) (AssignStmt) or y.(type) (ExprStmt) */
  assign: Stmt;
  /** list of CaseClause */
  body: BlockStmt;
}

export interface CommClause {
  kind: "CommClause";
  case: Pos;
  /** send or receive statement; undefined means default */
  comm?: Stmt;
  colon: Pos;
  body: Stmt[];
}

export interface SelectStmt {
  kind: "SelectStmt";
  select: Pos;
  /** list of CommClause */
  body: BlockStmt;
}

export interface ForStmt {
  kind: "ForStmt";
  for: Pos;
  init?: Stmt;
  cond?: Expr;
  post?: Stmt;
  body: BlockStmt;
}

export interface RangeStmt {
  kind: "RangeStmt";
  for: Pos;
  key?: Expr;
  value?: Expr;
  /** position of tok; 0 when tok is "ILLEGAL" (for range x) */
  tokPos: Pos;
  tok: "ILLEGAL" | "=" | ":=";
  /** position of "range" */
  range: Pos;
  x: Expr;
  body: BlockStmt;
}

export type Stmt =
  | BadStmt
  | DeclStmt
  | EmptyStmt
  | LabeledStmt
  | ExprStmt
  | SendStmt
  | IncDecStmt
  | AssignStmt
  | GoStmt
  | DeferStmt
  | ReturnStmt
  | BranchStmt
  | BlockStmt
  | IfStmt
  | CaseClause
  | SwitchStmt
  | TypeSwitchStmt
  | CommClause
  | SelectStmt
  | ForStmt
  | RangeStmt;

// ---------------------------------------------------------------------------
// Specs and declarations

export interface ImportSpec {
  kind: "ImportSpec";
  doc?: CommentGroup;
  /** local name: an Ident, "." or "_"; undefined if absent */
  name?: Ident;
  path: BasicLit;
  comment?: CommentGroup;
  /** end of the spec (overrides path end if nonzero) */
  endPos: Pos;
}

export interface ValueSpec {
  kind: "ValueSpec";
  doc?: CommentGroup;
  names: Ident[];
  type?: Expr;
  values: Expr[];
  comment?: CommentGroup;
}

export interface TypeSpec {
  kind: "TypeSpec";
  doc?: CommentGroup;
  name: Ident;
  typeParams?: FieldList;
  /** position of '=' for alias declarations; 0 otherwise */
  assign: Pos;
  type: Expr;
  comment?: CommentGroup;
}

export type Spec = ImportSpec | ValueSpec | TypeSpec;

export interface BadDecl {
  kind: "BadDecl";
  from: Pos;
  to: Pos;
}

export interface GenDecl {
  kind: "GenDecl";
  doc?: CommentGroup;
  tokPos: Pos;
  tok: "import" | "const" | "type" | "var";
  /** 0 if the declaration is not parenthesised */
  lparen: Pos;
  specs: Spec[];
  rparen: Pos;
}

export interface FuncDecl {
  kind: "FuncDecl";
  doc?: CommentGroup;
  /** receiver; undefined for functions */
  recv?: FieldList;
  name: Ident;
  /** signature; type.func is the position of the "func" keyword */
  type: FuncType;
  /** undefined for external (body-less) functions */
  body?: BlockStmt;
}

export type Decl = BadDecl | GenDecl | FuncDecl;

// ---------------------------------------------------------------------------
// Files

export interface File {
  kind: "File";
  doc?: CommentGroup;
  /** position of "package" */
  package: Pos;
  name: Ident;
  decls: Decl[];
  /** imports in this file (also present in decls) */
  imports: ImportSpec[];
  /** all comments, in source order; empty unless parsed with comments: true */
  comments: CommentGroup[];
  /** start and end of the entire file */
  fileStart: Pos;
  fileEnd: Pos;
  /** minimum Go version; always "" (not derived from build lines here) */
  goVersion: string;
  /**
   * The build constraint found before the package clause, as a //go:build
   * expression: the text after "//go:build " if such a line exists;
   * otherwise the `// +build` lines converted to the same syntax (options on
   * a line are ORed, comma-separated terms ANDed, lines ANDed, e.g.
   * "(linux || darwin) && (!cgo)"). Undefined if there is no constraint.
   */
  buildConstraint?: string;
  /** the raw `// +build` lines (text after "// +build"), if any, before the package clause */
  plusBuildLines?: string[];
  /**
   * All `//go:` directive comments in the file (e.g. //go:linkname,
   * //go:embed, //go:build, //go:noinline), in source order. Collected even
   * when comments are not kept.
   */
  directives: Comment[];
}

export type Node =
  | Comment
  | CommentGroup
  | Field
  | FieldList
  | Expr
  | Stmt
  | Spec
  | Decl
  | File;

export type NodeKind = Node["kind"];

// ---------------------------------------------------------------------------
// Helpers

/** Byte length of the UTF-8 encoding of `s`. */
function utf8Len(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      // surrogate pair: 4 bytes for 2 UTF-16 units
      n += 1;
      i++;
    } else n += 2;
  }
  return n;
}

/** Strips any number of enclosing parentheses. */
export function unparen(e: Expr): Expr {
  while (e.kind === "ParenExpr") e = e.x;
  return e;
}

/** Position of the first character belonging to the node (go/ast Pos()). */
export function nodePos(n: Node): Pos {
  // iterative along the left spine: a 7000-term string concatenation
  // (time/tzdata/zipdata.go) is a 7000-deep BinaryExpr tree
  for (;;) switch (n.kind) {
    case "Comment": return n.slash;
    case "CommentGroup": return n.list.length > 0 ? n.list[0].slash : 0;
    case "Field":
      if (n.names.length > 0) return n.names[0].pos;
      { n = n.type; continue; }
    case "FieldList":
      if (n.opening) return n.opening;
      if (n.list.length > 0) { n = n.list[0]; continue; }
      return 0;
    case "BadExpr": return n.from;
    case "Ident": return n.pos;
    case "Ellipsis": return n.ellipsis;
    case "BasicLit": return n.pos;
    case "FuncLit": return n.type.func;
    case "CompositeLit": return n.type !== undefined ? nodePos(n.type) : n.lbrace;
    case "ParenExpr": return n.lparen;
    case "SelectorExpr": { n = n.x; continue; }
    case "IndexExpr": { n = n.x; continue; }
    case "IndexListExpr": { n = n.x; continue; }
    case "SliceExpr": { n = n.x; continue; }
    case "TypeAssertExpr": { n = n.x; continue; }
    case "CallExpr": { n = n.fun; continue; }
    case "StarExpr": return n.star;
    case "UnaryExpr": return n.opPos;
    case "BinaryExpr": { n = n.x; continue; }
    case "KeyValueExpr": { n = n.key; continue; }
    case "ArrayType": return n.lbrack;
    case "StructType": return n.struct;
    case "FuncType":
      if (n.func) return n.func;
      if (n.typeParams !== undefined) { n = n.typeParams; continue; }
      { n = n.params; continue; }
    case "InterfaceType": return n.interface;
    case "MapType": return n.map;
    case "ChanType": return n.begin;
    case "BadStmt": return n.from;
    case "DeclStmt": { n = n.decl; continue; }
    case "EmptyStmt": return n.semicolon;
    case "LabeledStmt": return n.label.pos;
    case "ExprStmt": { n = n.x; continue; }
    case "SendStmt": { n = n.chan; continue; }
    case "IncDecStmt": { n = n.x; continue; }
    case "AssignStmt": if (n.lhs.length === 0) return n.tokPos; n = n.lhs[0]; continue;
    case "GoStmt": return n.go;
    case "DeferStmt": return n.defer;
    case "ReturnStmt": return n.return;
    case "BranchStmt": return n.tokPos;
    case "BlockStmt": return n.lbrace;
    case "IfStmt": return n.if;
    case "CaseClause": return n.case;
    case "SwitchStmt": return n.switch;
    case "TypeSwitchStmt": return n.switch;
    case "CommClause": return n.case;
    case "SelectStmt": return n.select;
    case "ForStmt": return n.for;
    case "RangeStmt": return n.for;
    case "ImportSpec": return n.name !== undefined ? n.name.pos : n.path.pos;
    case "ValueSpec": return n.names.length > 0 ? n.names[0].pos : 0;
    case "TypeSpec": return n.name.pos;
    case "BadDecl": return n.from;
    case "GenDecl": return n.tokPos;
    case "FuncDecl": return n.type.func;
    case "File": return n.package;
  }
}

/** Position immediately after the node (go/ast End()). */
export function nodeEnd(n: Node): Pos {
  for (;;) switch (n.kind) {
    case "Comment": return n.slash + utf8Len(n.text);
    case "CommentGroup": return n.list.length > 0 ? nodeEnd(n.list[n.list.length - 1]) : 0;
    case "Field":
      if (n.tag !== undefined) { n = n.tag; continue; }
      { n = n.type; continue; }
    case "FieldList":
      if (n.closing) return n.closing + 1;
      if (n.list.length > 0) { n = n.list[n.list.length - 1]; continue; }
      return 0;
    case "BadExpr": return n.to;
    case "Ident": return n.pos + utf8Len(n.name);
    case "Ellipsis": return n.elt !== undefined ? nodeEnd(n.elt) : n.ellipsis + 3;
    case "BasicLit": return n.pos + utf8Len(n.value);
    case "FuncLit": { n = n.body; continue; }
    case "CompositeLit": return n.rbrace + 1;
    case "ParenExpr": return n.rparen + 1;
    case "SelectorExpr": { n = n.sel; continue; }
    case "IndexExpr": return n.rbrack + 1;
    case "IndexListExpr": return n.rbrack + 1;
    case "SliceExpr": return n.rbrack + 1;
    case "TypeAssertExpr": return n.rparen + 1;
    case "CallExpr": return n.rparen + 1;
    case "StarExpr": { n = n.x; continue; }
    case "UnaryExpr": { n = n.x; continue; }
    case "BinaryExpr": { n = n.y; continue; }
    case "KeyValueExpr": { n = n.value; continue; }
    case "ArrayType": { n = n.elt; continue; }
    case "StructType": { n = n.fields; continue; }
    case "FuncType": return n.results !== undefined ? nodeEnd(n.results) : nodeEnd(n.params);
    case "InterfaceType": { n = n.methods; continue; }
    case "MapType": { n = n.value; continue; }
    case "ChanType": { n = n.value; continue; }
    case "BadStmt": return n.to;
    case "DeclStmt": { n = n.decl; continue; }
    case "EmptyStmt": return n.implicit ? n.semicolon : n.semicolon + 1;
    case "LabeledStmt": { n = n.stmt; continue; }
    case "ExprStmt": { n = n.x; continue; }
    case "SendStmt": { n = n.value; continue; }
    case "IncDecStmt": return n.tokPos + 2;
    case "AssignStmt": return n.rhs.length > 0 ? nodeEnd(n.rhs[n.rhs.length - 1]) : n.tokPos + n.tok.length;
    case "GoStmt": { n = n.call; continue; }
    case "DeferStmt": { n = n.call; continue; }
    case "ReturnStmt": return n.results.length > 0 ? nodeEnd(n.results[n.results.length - 1]) : n.return + 6;
    case "BranchStmt": return n.label !== undefined ? nodeEnd(n.label) : n.tokPos + n.tok.length;
    case "BlockStmt":
      if (n.rbrace) return n.rbrace + 1;
      if (n.list.length > 0) { n = n.list[n.list.length - 1]; continue; }
      return n.lbrace + 1;
    case "IfStmt": n = n.else !== undefined ? n.else : n.body; continue;
    case "CaseClause": return n.body.length > 0 ? nodeEnd(n.body[n.body.length - 1]) : n.colon + 1;
    case "SwitchStmt": { n = n.body; continue; }
    case "TypeSwitchStmt": { n = n.body; continue; }
    case "CommClause": return n.body.length > 0 ? nodeEnd(n.body[n.body.length - 1]) : n.colon + 1;
    case "SelectStmt": { n = n.body; continue; }
    case "ForStmt": { n = n.body; continue; }
    case "RangeStmt": { n = n.body; continue; }
    case "ImportSpec": return n.endPos ? n.endPos : nodeEnd(n.path);
    case "ValueSpec":
      if (n.values.length > 0) { n = n.values[n.values.length - 1]; continue; }
      if (n.type !== undefined) { n = n.type; continue; }
      return n.names.length > 0 ? nodeEnd(n.names[n.names.length - 1]) : 0;
    case "TypeSpec": { n = n.type; continue; }
    case "BadDecl": return n.to;
    case "GenDecl":
      if (n.rparen) return n.rparen + 1;
      return n.specs.length > 0 ? nodeEnd(n.specs[0]) : n.tokPos + n.tok.length;
    case "FuncDecl": return n.body !== undefined ? nodeEnd(n.body) : nodeEnd(n.type);
    case "File": return n.fileEnd;
  }
}

/** Calls `f` on each direct child of `n`, in source order. */
export function forEachChild(n: Node, f: (child: Node) => void): void {
  const list = (xs: readonly Node[]): void => {
    for (const x of xs) f(x);
  };
  const opt = (x: Node | undefined): void => {
    if (x !== undefined) f(x);
  };
  switch (n.kind) {
    case "Comment":
    case "BadExpr":
    case "Ident":
    case "BasicLit":
    case "BadStmt":
    case "EmptyStmt":
    case "BadDecl":
      return;
    case "CommentGroup": list(n.list); return;
    case "Field": opt(n.doc); list(n.names); f(n.type); opt(n.tag); opt(n.comment); return;
    case "FieldList": list(n.list); return;
    case "Ellipsis": opt(n.elt); return;
    case "FuncLit": f(n.type); f(n.body); return;
    case "CompositeLit": opt(n.type); list(n.elts); return;
    case "ParenExpr": f(n.x); return;
    case "SelectorExpr": f(n.x); f(n.sel); return;
    case "IndexExpr": f(n.x); f(n.index); return;
    case "IndexListExpr": f(n.x); list(n.indices); return;
    case "SliceExpr": f(n.x); opt(n.low); opt(n.high); opt(n.max); return;
    case "TypeAssertExpr": f(n.x); opt(n.type); return;
    case "CallExpr": f(n.fun); list(n.args); return;
    case "StarExpr": f(n.x); return;
    case "UnaryExpr": f(n.x); return;
    case "BinaryExpr": f(n.x); f(n.y); return;
    case "KeyValueExpr": f(n.key); f(n.value); return;
    case "ArrayType": opt(n.len); f(n.elt); return;
    case "StructType": f(n.fields); return;
    case "FuncType": opt(n.typeParams); f(n.params); opt(n.results); return;
    case "InterfaceType": f(n.methods); return;
    case "MapType": f(n.key); f(n.value); return;
    case "ChanType": f(n.value); return;
    case "DeclStmt": f(n.decl); return;
    case "LabeledStmt": f(n.label); f(n.stmt); return;
    case "ExprStmt": f(n.x); return;
    case "SendStmt": f(n.chan); f(n.value); return;
    case "IncDecStmt": f(n.x); return;
    case "AssignStmt": list(n.lhs); list(n.rhs); return;
    case "GoStmt": f(n.call); return;
    case "DeferStmt": f(n.call); return;
    case "ReturnStmt": list(n.results); return;
    case "BranchStmt": opt(n.label); return;
    case "BlockStmt": list(n.list); return;
    case "IfStmt": opt(n.init); f(n.cond); f(n.body); opt(n.else); return;
    case "CaseClause": list(n.list); list(n.body); return;
    case "SwitchStmt": opt(n.init); opt(n.tag); f(n.body); return;
    case "TypeSwitchStmt": opt(n.init); f(n.assign); f(n.body); return;
    case "CommClause": opt(n.comm); list(n.body); return;
    case "SelectStmt": f(n.body); return;
    case "ForStmt": opt(n.init); opt(n.cond); opt(n.post); f(n.body); return;
    case "RangeStmt": opt(n.key); opt(n.value); f(n.x); f(n.body); return;
    case "ImportSpec": opt(n.doc); opt(n.name); f(n.path); opt(n.comment); return;
    case "ValueSpec": opt(n.doc); list(n.names); opt(n.type); list(n.values); opt(n.comment); return;
    case "TypeSpec": opt(n.doc); f(n.name); opt(n.typeParams); f(n.type); opt(n.comment); return;
    case "GenDecl": opt(n.doc); list(n.specs); return;
    case "FuncDecl": opt(n.doc); opt(n.recv); f(n.name); f(n.type); opt(n.body); return;
    case "File": opt(n.doc); f(n.name); list(n.decls); return;
  }
}

interface PostMark {
  kind: "$post";
  node: Node;
}

/**
 * Depth-first traversal like go/ast.Inspect: `f(n)` is called before the
 * children of `n`; if it returns false the children are skipped. If `post`
 * is given, `post(n)` runs after the children of every node for which `f`
 * returned true. Uses an explicit stack, so arbitrarily deep trees (e.g.
 * 7000-term string concatenations) are fine.
 */
export function inspect(root: Node, f: (n: Node) => boolean, post?: (n: Node) => void): void {
  const stack: (Node | PostMark)[] = [root];
  const push = (c: Node): void => {
    stack.push(c);
  };
  while (stack.length > 0) {
    const n = stack.pop() as Node | PostMark;
    if (n.kind === "$post") {
      (post as (n: Node) => void)(n.node);
      continue;
    }
    if (!f(n)) continue;
    if (post !== undefined) stack.push({ kind: "$post", node: n });
    const start = stack.length;
    forEachChild(n, push);
    // children were pushed in source order; reverse so they pop in source order
    for (let i = start, j = stack.length - 1; i < j; i++, j--) {
      const t = stack[i];
      stack[i] = stack[j];
      stack[j] = t;
    }
  }
}

/** Visitor for `walk`: return the visitor for the children, or undefined to skip them. */
export interface Visitor {
  visit(n: Node): Visitor | undefined;
}

/**
 * go/ast.Walk: calls v.visit(n); if it returns a visitor w, walks each child
 * with w, in source order. (Unlike go/ast, there is no final visit(nil).)
 * Iterative, like inspect.
 */
export function walk(v: Visitor, root: Node): void {
  const nodes: Node[] = [root];
  const visitors: Visitor[] = [v];
  const kids: Node[] = [];
  const collect = (c: Node): void => {
    kids.push(c);
  };
  while (nodes.length > 0) {
    const n = nodes.pop() as Node;
    const vis = visitors.pop() as Visitor;
    const w = vis.visit(n);
    if (w === undefined) continue;
    kids.length = 0;
    forEachChild(n, collect);
    for (let i = kids.length - 1; i >= 0; i--) {
      nodes.push(kids[i]);
      visitors.push(w);
    }
  }
}

/** True if `n` is an expression node. */
export function isExpr(n: Node): n is Expr {
  switch (n.kind) {
    case "BadExpr": case "Ident": case "Ellipsis": case "BasicLit": case "FuncLit":
    case "CompositeLit": case "ParenExpr": case "SelectorExpr": case "IndexExpr":
    case "IndexListExpr": case "SliceExpr": case "TypeAssertExpr": case "CallExpr":
    case "StarExpr": case "UnaryExpr": case "BinaryExpr": case "KeyValueExpr":
    case "ArrayType": case "StructType": case "FuncType": case "InterfaceType":
    case "MapType": case "ChanType":
      return true;
    default:
      return false;
  }
}
