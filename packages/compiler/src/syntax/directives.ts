/**
 * Compiler directives (`//go:name args`): splitting their text and finding
 * the declaration each one applies to.
 *
 * The parser records every `//go:` line comment in File.directives. gc
 * treats them in three groups:
 * - file-scoped: //go:build (build constraint) and //go:linkname (may appear
 *   anywhere at top level; names a local and a target symbol);
 * - declaration pragmas: //go:noinline, //go:nosplit, //go:norace,
 *   //go:noescape, //go:embed, ... apply to the declaration that follows;
 *   gc ignores them unless the comment is alone on its line, and a pragma
 *   separated from its declaration by another declaration or statement
 *   does not carry over.
 *
 * `declDirectives` implements the second rule for top-level declarations:
 * each own-line directive (except build/linkname) is attached to the first
 * FuncDecl or spec that starts after it, provided no other top-level
 * declaration lies in between and the directive is not inside one. In a
 * parenthesised group (`var ( ... )`) the anchors are the specs; a directive
 * written before the `var (` line itself attaches to nothing (gc reports it
 * as misplaced).
 */
import type * as ast from "./ast.js";
import { nodeEnd, nodePos, inspect } from "./ast.js";
import type { FileSet, Pos } from "./position.js";
import type { Diagnostic } from "../diag.js";

export interface Directive {
  /** the comment, e.g. text "//go:linkname now runtime.nanotime" */
  comment: ast.Comment;
  /** directive name without "//", e.g. "go:linkname" */
  name: string;
  /** whitespace-separated arguments (for go:embed, quoted patterns are unquoted) */
  args: string[];
}

/** Splits a `//go:` comment into name and arguments. */
export function parseDirective(c: ast.Comment): Directive {
  const body = c.text.startsWith("//") ? c.text.slice(2) : c.text;
  const sp = body.search(/\s/);
  const name = sp < 0 ? body : body.slice(0, sp);
  const rest = sp < 0 ? "" : body.slice(sp);
  return { comment: c, name, args: splitArgs(rest) };
}

/** Whitespace-separated fields; "double-quoted" and `back-quoted` fields are unquoted (go:embed syntax). */
function splitArgs(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    while (i < s.length && /\s/.test(s[i])) i++;
    if (i >= s.length) break;
    const q = s[i];
    if (q === '"' || q === "`") {
      let j = i + 1;
      let v = "";
      while (j < s.length && s[j] !== q) {
        if (q === '"' && s[j] === "\\" && j + 1 < s.length) {
          j++;
          v += s[j] === "n" ? "\n" : s[j] === "t" ? "\t" : s[j];
        } else v += s[j];
        j++;
      }
      out.push(v);
      i = j + 1;
    } else {
      let j = i;
      while (j < s.length && !/\s/.test(s[j])) j++;
      out.push(s.slice(i, j));
      i = j;
    }
  }
  return out;
}

/** Is the comment at `pos` preceded only by blanks on its line? */
function ownLine(fset: FileSet, pos: Pos): boolean {
  const f = fset.file(pos);
  if (f === undefined) return false;
  const src = f.src;
  for (let i = pos - f.base - 1; i >= 0; i--) {
    const b = src[i];
    if (b === 0x0a) return true;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  }
  return true;
}

/** A declaration a pragma can attach to. */
export type DirectiveTarget = ast.FuncDecl | ast.ValueSpec | ast.TypeSpec | ast.ImportSpec;

/**
 * Maps top-level FuncDecls and specs to the declaration pragmas written
 * directly before them (see the file comment for the rules). File-scoped
 * directives (go:build, go:linkname) are not included; read them from
 * File.directives with parseDirective.
 */
export function declDirectives(fset: FileSet, file: ast.File): Map<DirectiveTarget, Directive[]> {
  // anchors in source order: [start, end, target or undefined (a group opener)]
  const anchors: { start: Pos; end: Pos; target: DirectiveTarget | undefined }[] = [];
  for (const d of file.decls) {
    if (d.kind === "FuncDecl") {
      anchors.push({ start: d.type.func, end: nodeEnd(d), target: d });
    } else if (d.kind === "GenDecl") {
      if (d.lparen !== 0) {
        // the group opener absorbs directives written before "var ("
        anchors.push({ start: d.tokPos, end: d.lparen + 1, target: undefined });
        for (const s of d.specs) anchors.push({ start: specStart(s), end: nodeEnd(s), target: s });
      } else if (d.specs.length > 0) {
        anchors.push({ start: d.tokPos, end: nodeEnd(d), target: d.specs[0] });
      }
    }
  }
  const out = new Map<DirectiveTarget, Directive[]>();
  let k = 0;
  for (const c of file.directives) {
    const dir = parseDirective(c);
    if (dir.name === "go:build" || dir.name === "go:linkname") continue;
    if (!ownLine(fset, c.slash)) continue;
    while (k < anchors.length && anchors[k].start < c.slash) k++;
    if (k >= anchors.length) continue;
    // inside the previous anchor (e.g. a function body) => applies to nothing here
    if (k > 0 && anchors[k - 1].end > c.slash) continue;
    const t = anchors[k].target;
    if (t === undefined) continue;
    const list = out.get(t);
    if (list === undefined) out.set(t, [dir]);
    else list.push(dir);
  }
  return out;
}

function specStart(s: ast.Spec): Pos {
  switch (s.kind) {
    case "ImportSpec": return s.name !== undefined ? s.name.pos : s.path.pos;
    case "ValueSpec": return s.names.length > 0 ? s.names[0].pos : 0;
    case "TypeSpec": return s.name.pos;
  }
}

// ---------------------------------------------------------------------------
// gc's directive checks

const F_BUILD = 1 << 0;
const F_NOTINHEAP = 1 << 1;
const F_FUNC = 1 << 2; // any of the function pragmas
const F_RUNTIME = 1 << 3; // systemstack / nowritebarrier(rec) / yeswritebarrierrec
const F_KEEPALIVE = 1 << 4; // uintptrkeepalive (standard library only)

/** gc's pragma flag classes for a directive verb (0: no flag, e.g. linkname, embed, unknown). */
function flagOf(verb: string): number {
  switch (verb) {
    case "go:build": return F_BUILD;
    case "go:notinheap": return F_NOTINHEAP;
    case "go:noescape": case "go:norace": case "go:nosplit": case "go:noinline": case "go:nocheckptr":
    case "go:cgo_unsafe_args": case "go:uintptrescapes": case "go:registerparams":
      return F_FUNC;
    case "go:uintptrkeepalive": return F_FUNC | F_KEEPALIVE;
    case "go:systemstack": case "go:nowritebarrier": case "go:nowritebarrierrec": case "go:yeswritebarrierrec":
      return F_FUNC | F_RUNTIME;
  }
  return 0;
}

const allowedStdPragmas = new Set([
  "go:cgo_export_static", "go:cgo_export_dynamic", "go:cgo_import_static", "go:cgo_import_dynamic",
  "go:cgo_ldflag", "go:cgo_dynamic_linker", "go:embed", "go:generate",
]);

export interface DirectiveCheckOptions {
  /** compiling package runtime (allows //go:systemstack, //go:nowritebarrier, ...) */
  compilingRuntime?: boolean;
  /** compiling a standard-library package (allows //go:uintptrkeepalive, forbids unknown pragmas) */
  std?: boolean;
  /** the file is cgo-generated (allows //go:cgo_* directives) */
  cgoGenerated?: boolean;
}

/**
 * gc's checks of //go: directives (its noder's, not the parser's), split by
 * when gc reports them:
 * - `parse`: reported together with syntax errors (gc stops there): a
 *   directive not alone on its line, a pragma that no declaration takes
 *   ("misplaced compiler directive" / "misplaced go:embed directive"),
 *   malformed //go:linkname and //go:embed, runtime-only and std-only
 *   pragmas used elsewhere;
 * - `decl`: reported after type checking: a pragma taken by a declaration
 *   that does not allow it (e.g. //go:noinline before a var), //go:embed
 *   misuse ("go:embed cannot apply to var with initializer", ...), and
 *   //go:linkname in a file that does not import "unsafe".
 * Positions are those gc uses: the "go:" after the slashes.
 */
export function checkDirectives(fset: FileSet, file: ast.File, opts: DirectiveCheckOptions = {}): { parse: Diagnostic[]; decl: Diagnostic[] } {
  const parse: Diagnostic[] = [];
  const decl: Diagnostic[] = [];
  const at = (c: ast.Comment): Pos => c.slash + 2;

  // Pragma takers and clear points in source order (see file comment).
  type Anchor = { pos: Pos; kind: "clear" | "file" | "func" | "type" | "alias" | "var" | "const" | "import"; node?: ast.Node; inFunc: boolean };
  const anchors: Anchor[] = [];
  if (file.package) anchors.push({ pos: file.package, kind: "file", inFunc: false });
  const specKind = (tok: ast.GenDecl["tok"], s: ast.Spec): Anchor["kind"] =>
    tok === "type" ? ((s as ast.TypeSpec).assign ? "alias" : "type") : tok;
  const addGen = (d: ast.GenDecl, inFunc: boolean): void => {
    if (d.lparen !== 0) {
      anchors.push({ pos: d.tokPos, kind: "clear", inFunc });
      for (const s of d.specs) anchors.push({ pos: nodePos(s), kind: specKind(d.tok, s), node: s, inFunc });
    } else if (d.specs.length > 0) {
      anchors.push({ pos: d.tokPos, kind: specKind(d.tok, d.specs[0]), node: d.specs[0], inFunc });
    }
  };
  for (const d of file.decls) {
    if (d.kind === "FuncDecl") anchors.push({ pos: d.type.func, kind: "func", node: d, inFunc: false });
    else if (d.kind === "GenDecl") addGen(d, false);
    anchors.push({ pos: nodeEnd(d), kind: "clear", inFunc: false });
    // statements inside bodies: each statement start clears, except declarations, which take
    inspect(d, (n) => {
      switch (n.kind) {
        case "DeclStmt":
          addGen(n.decl, true);
          return false;
        case "CaseClause":
        case "CommClause":
        case "FuncLit":
          return true;
        default:
          // every other statement (blocks and labeled statements included) starts with a clear
          if (isStmtKind(n.kind)) anchors.push({ pos: nodePos(n), kind: "clear", inFunc: true });
          return true;
      }
    });
  }
  anchors.sort((a, b) => a.pos - b.pos);

  const importsUnsafe = file.imports.some((i) => i.path.value === '"unsafe"' || i.path.value === "`unsafe`");
  const importsEmbed = file.imports.some((i) => i.path.value === '"embed"' || i.path.value === "`embed`");

  let k = 0;
  for (const c of file.directives) {
    const d = parseDirective(c);
    const verb = d.name;
    if (!ownLine(fset, c.slash)) {
      parse.push({ pos: at(c), msg: "misplaced compiler directive" });
      continue;
    }
    const flag = flagOf(verb);
    if (verb === "go:linkname") {
      if (d.args.length < 1 || d.args.length > 2) parse.push({ pos: at(c), msg: "usage: //go:linkname localname [linkname]" });
      else if (!importsUnsafe) decl.push({ pos: at(c), msg: '//go:linkname only allowed in Go files that import "unsafe"' });
      continue;
    }
    if (verb === "go:embed" && d.args.length === 0) {
      parse.push({ pos: at(c), msg: "usage: //go:embed pattern..." });
      continue;
    }
    if (verb.startsWith("go:cgo_") && verb !== "go:cgo_import_dynamic" && !opts.cgoGenerated && !opts.std) {
      parse.push({ pos: at(c), msg: `//${c.text.slice(2)} only allowed in cgo-generated code` });
    }
    if ((flag & F_RUNTIME) !== 0 && !opts.compilingRuntime) parse.push({ pos: at(c), msg: `//${verb} only allowed in runtime` });
    if ((flag & F_KEEPALIVE) !== 0 && !opts.std) parse.push({ pos: at(c), msg: `//${verb} is only allowed in the standard library` });
    if (flag === 0 && opts.std && verb !== "go:embed" && !allowedStdPragmas.has(verb) && verb !== "go:build") {
      parse.push({ pos: at(c), msg: `//${verb} is not allowed in the standard library` });
    }
    const isEmbed = verb === "go:embed";
    if (flag === 0 && !isEmbed) continue; // nothing to attach (unknown or flag-less directive)

    while (k < anchors.length && anchors[k].pos < c.slash) k++;
    const a = k < anchors.length ? anchors[k] : undefined;
    if (a === undefined || a.kind === "clear") {
      parse.push({ pos: at(c), msg: isEmbed ? "misplaced go:embed directive" : "misplaced compiler directive" });
      continue;
    }
    // taken by a declaration: check it is allowed there
    let allowed = 0;
    if (a.kind === "file") allowed = F_BUILD;
    else if (a.kind === "func") allowed = F_FUNC | F_RUNTIME | F_KEEPALIVE;
    else if (a.kind === "type") allowed = F_NOTINHEAP;
    if (flag !== 0 && (flag & ~allowed) !== 0) {
      decl.push({ pos: at(c), msg: "misplaced compiler directive" });
      continue;
    }
    if (isEmbed) {
      if (a.kind !== "var") {
        decl.push({ pos: at(c), msg: "misplaced go:embed directive" });
        continue;
      }
      const vs = a.node as ast.ValueSpec;
      let err = "";
      if (!importsEmbed) err = 'go:embed only allowed in Go files that import "embed"';
      else if (vs.names.length > 1) err = "go:embed cannot apply to multiple vars";
      else if (vs.values.length > 0) err = "go:embed cannot apply to var with initializer";
      else if (vs.type === undefined) err = "go:embed cannot apply to var without type";
      else if (a.inFunc) err = "go:embed cannot apply to var inside func";
      if (err !== "") decl.push({ pos: at(c), msg: err });
    }
  }
  return { parse, decl };
}

function isStmtKind(k: ast.Node["kind"]): boolean {
  switch (k) {
    case "BadStmt": case "DeclStmt": case "EmptyStmt": case "LabeledStmt": case "ExprStmt": case "SendStmt":
    case "IncDecStmt": case "AssignStmt": case "GoStmt": case "DeferStmt": case "ReturnStmt": case "BranchStmt":
    case "BlockStmt": case "IfStmt": case "SwitchStmt": case "TypeSwitchStmt": case "SelectStmt":
    case "ForStmt": case "RangeStmt":
      return true;
  }
  return false;
}
