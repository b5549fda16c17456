/**
 * Compiler diagnostics: positioned messages, formatted the way gc prints them
 * ("file.go:LINE:COL: msg") and sorted by file, line and column.
 */
import type { FileSet, Pos } from "./syntax/position.js";

export interface Diagnostic {
  pos: Pos;
  msg: string;
  /** soft errors (e.g. "declared but not used") do not stop later phases. */
  soft?: boolean;
}

/**
 * gc packs a position into 20 bits of line and 8 bits of column: a column of
 * 255 or more is printed as unknown ("file.go:LINE: msg"), and lines from
 * 1048574 on saturate at 1048574 with no column (cmd/internal/src lico).
 */
const gcColMax = 255;
const gcLineMax = (1 << 20) - 2;

/** Formats one diagnostic as gc does: "file.go:LINE:COL: msg" (just msg without a position). */
export function formatDiagnostic(fset: FileSet, d: Diagnostic): string {
  const p = fset.position(d.pos);
  if (p.line === 0) return d.msg;
  let line = p.line;
  let col = p.column;
  if (line >= gcLineMax) {
    line = gcLineMax;
    col = 0;
  }
  if (col > 0 && col < gcColMax) return `${p.filename}:${line}:${col}: ${d.msg}`;
  return `${p.filename}:${line}: ${d.msg}`;
}

/** Returns a new array sorted by filename, line and column (stable). */
export function sortDiagnostics(fset: FileSet, ds: Diagnostic[]): Diagnostic[] {
  const keyed = ds.map((d, i) => ({ d, i, p: fset.position(d.pos) }));
  keyed.sort((a, b) => {
    if (a.p.filename !== b.p.filename) return a.p.filename < b.p.filename ? -1 : 1;
    if (a.p.line !== b.p.line) return a.p.line - b.p.line;
    if (a.p.column !== b.p.column) return a.p.column - b.p.column;
    return a.i - b.i;
  });
  return keyed.map((k) => k.d);
}
