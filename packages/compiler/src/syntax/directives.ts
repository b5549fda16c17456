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
import { nodeEnd } from "./ast.js";
import type { FileSet, Pos } from "./position.js";

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
