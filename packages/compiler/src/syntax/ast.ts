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
  switch (n.kind) {
    case "Comment": return n.slash;
    case "CommentGroup": return n.list.length > 0 ? n.list[0].slash : 0;
    case "Field":
      if (n.names.length > 0) return n.names[0].pos;
      return nodePos(n.type);
    case "FieldList":
      if (n.opening) return n.opening;
      if (n.list.length > 0) return nodePos(n.list[0]);
      return 0;
    case "BadExpr": return n.from;
    case "Ident": return n.pos;
    case "Ellipsis": return n.ellipsis;
    case "BasicLit": return n.pos;
    case "FuncLit": return n.type.func;
    case "CompositeLit": return n.type !== undefined ? nodePos(n.type) : n.lbrace;
    case "ParenExpr": return n.lparen;
    case "SelectorExpr": return nodePos(n.x);
    case "IndexExpr": return nodePos(n.x);
    case "IndexListExpr": return nodePos(n.x);
    case "SliceExpr": return nodePos(n.x);
    case "TypeAssertExpr": return nodePos(n.x);
    case "CallExpr": return nodePos(n.fun);
    case "StarExpr": return n.star;
    case "UnaryExpr": return n.opPos;
    case "BinaryExpr": return nodePos(n.x);
    case "KeyValueExpr": return nodePos(n.key);
    case "ArrayType": return n.lbrack;
    case "StructType": return n.struct;
    case "FuncType":
      if (n.func) return n.func;
      if (n.typeParams !== undefined) return nodePos(n.typeParams);
      return nodePos(n.params);
    case "InterfaceType": return n.interface;
    case "MapType": return n.map;
    case "ChanType": return n.begin;
    case "BadStmt": return n.from;
    case "DeclStmt": return nodePos(n.decl);
    case "EmptyStmt": return n.semicolon;
    case "LabeledStmt": return n.label.pos;
    case "ExprStmt": return nodePos(n.x);
    case "SendStmt": return nodePos(n.chan);
    case "IncDecStmt": return nodePos(n.x);
    case "AssignStmt": return n.lhs.length > 0 ? nodePos(n.lhs[0]) : n.tokPos;
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
  switch (n.kind) {
    case "Comment": return n.slash + utf8Len(n.text);
    case "CommentGroup": return n.list.length > 0 ? nodeEnd(n.list[n.list.length - 1]) : 0;
    case "Field":
      if (n.tag !== undefined) return nodeEnd(n.tag);
      return nodeEnd(n.type);
    case "FieldList":
      if (n.closing) return n.closing + 1;
      if (n.list.length > 0) return nodeEnd(n.list[n.list.length - 1]);
      return 0;
    case "BadExpr": return n.to;
    case "Ident": return n.pos + utf8Len(n.name);
    case "Ellipsis": return n.elt !== undefined ? nodeEnd(n.elt) : n.ellipsis + 3;
    case "BasicLit": return n.pos + utf8Len(n.value);
    case "FuncLit": return nodeEnd(n.body);
    case "CompositeLit": return n.rbrace + 1;
    case "ParenExpr": return n.rparen + 1;
    case "SelectorExpr": return nodeEnd(n.sel);
    case "IndexExpr": return n.rbrack + 1;
    case "IndexListExpr": return n.rbrack + 1;
    case "SliceExpr": return n.rbrack + 1;
    case "TypeAssertExpr": return n.rparen + 1;
    case "CallExpr": return n.rparen + 1;
    case "StarExpr": return nodeEnd(n.x);
    case "UnaryExpr": return nodeEnd(n.x);
    case "BinaryExpr": return nodeEnd(n.y);
    case "KeyValueExpr": return nodeEnd(n.value);
    case "ArrayType": return nodeEnd(n.elt);
    case "StructType": return nodeEnd(n.fields);
    case "FuncType": return n.results !== undefined ? nodeEnd(n.results) : nodeEnd(n.params);
    case "InterfaceType": return nodeEnd(n.methods);
    case "MapType": return nodeEnd(n.value);
    case "ChanType": return nodeEnd(n.value);
    case "BadStmt": return n.to;
    case "DeclStmt": return nodeEnd(n.decl);
    case "EmptyStmt": return n.implicit ? n.semicolon : n.semicolon + 1;
    case "LabeledStmt": return nodeEnd(n.stmt);
    case "ExprStmt": return nodeEnd(n.x);
    case "SendStmt": return nodeEnd(n.value);
    case "IncDecStmt": return n.tokPos + 2;
    case "AssignStmt": return n.rhs.length > 0 ? nodeEnd(n.rhs[n.rhs.length - 1]) : n.tokPos + n.tok.length;
    case "GoStmt": return nodeEnd(n.call);
    case "DeferStmt": return nodeEnd(n.call);
    case "ReturnStmt": return n.results.length > 0 ? nodeEnd(n.results[n.results.length - 1]) : n.return + 6;
    case "BranchStmt": return n.label !== undefined ? nodeEnd(n.label) : n.tokPos + n.tok.length;
    case "BlockStmt":
      if (n.rbrace) return n.rbrace + 1;
      if (n.list.length > 0) return nodeEnd(n.list[n.list.length - 1]);
      return n.lbrace + 1;
    case "IfStmt": return n.else !== undefined ? nodeEnd(n.else) : nodeEnd(n.body);
    case "CaseClause": return n.body.length > 0 ? nodeEnd(n.body[n.body.length - 1]) : n.colon + 1;
    case "SwitchStmt": return nodeEnd(n.body);
    case "TypeSwitchStmt": return nodeEnd(n.body);
    case "CommClause": return n.body.length > 0 ? nodeEnd(n.body[n.body.length - 1]) : n.colon + 1;
    case "SelectStmt": return nodeEnd(n.body);
    case "ForStmt": return nodeEnd(n.body);
    case "RangeStmt": return nodeEnd(n.body);
    case "ImportSpec": return n.endPos ? n.endPos : nodeEnd(n.path);
    case "ValueSpec":
      if (n.values.length > 0) return nodeEnd(n.values[n.values.length - 1]);
      if (n.type !== undefined) return nodeEnd(n.type);
      return n.names.length > 0 ? nodeEnd(n.names[n.names.length - 1]) : 0;
    case "TypeSpec": return nodeEnd(n.type);
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

/**
 * Depth-first traversal like go/ast.Inspect: `f(n)` is called before the
 * children of `n`; if it returns false the children are skipped. After the
 * children, `f(undefined)` is NOT called (unlike go/ast) unless `post` is given,
 * in which case `post(n)` runs after the children of every visited node.
 */
export function inspect(root: Node, f: (n: Node) => boolean, post?: (n: Node) => void): void {
  const visit = (n: Node): void => {
    if (!f(n)) return;
    forEachChild(n, visit);
    if (post !== undefined) post(n);
  };
  visit(root);
}

/** Visitor for `walk`: return the visitor for the children, or undefined to skip them. */
export interface Visitor {
  visit(n: Node): Visitor | undefined;
}

/** go/ast.Walk: calls v.visit(n); if it returns a visitor w, walks the children with w. */
export function walk(v: Visitor, n: Node): void {
  const w = v.visit(n);
  if (w === undefined) return;
  forEachChild(n, (c) => walk(w, c));
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
