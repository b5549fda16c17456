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

/** Formats one diagnostic as "file.go:LINE:COL: msg" (just msg without a position). */
export function formatDiagnostic(fset: FileSet, d: Diagnostic): string {
  const p = fset.position(d.pos);
  if (p.line === 0) return d.msg;
  return `${p.filename}:${p.line}:${p.column}: ${d.msg}`;
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
