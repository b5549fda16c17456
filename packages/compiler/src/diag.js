/** Formats one diagnostic as "file.go:LINE:COL: msg" (just msg without a position). */
export function formatDiagnostic(fset, d) {
    const p = fset.position(d.pos);
    if (p.line === 0)
        return d.msg;
    return `${p.filename}:${p.line}:${p.column}: ${d.msg}`;
}
/** Returns a new array sorted by filename, line and column (stable). */
export function sortDiagnostics(fset, ds) {
    const keyed = ds.map((d, i) => ({ d, i, p: fset.position(d.pos) }));
    keyed.sort((a, b) => {
        if (a.p.filename !== b.p.filename)
            return a.p.filename < b.p.filename ? -1 : 1;
        if (a.p.line !== b.p.line)
            return a.p.line - b.p.line;
        if (a.p.column !== b.p.column)
            return a.p.column - b.p.column;
        return a.i - b.i;
    });
    return keyed.map((k) => k.d);
}
