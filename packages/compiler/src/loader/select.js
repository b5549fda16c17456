/**
 * File selection: which .go files of a directory make up the package for gort's build context
 * (see buildctx.ts for the rules), with the package name and the imports read from each
 * selected file's header.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { goodOSArchFile, headerMatches, isCandidateGoFile, readConstraintHeader } from "./buildctx.js";
import { readImports } from "./header.js";
/** Whether one file (name and contents) is part of the build in `ctx`; errors excluded files. */
export function fileMatches(ctx, name, src) {
    if (!goodOSArchFile(ctx, name))
        return { ok: false };
    const r = headerMatches(ctx, readConstraintHeader(headerPart(src)));
    if ("error" in r)
        return { ok: false, error: `${name}: ${r.error}` };
    return { ok: r.ok };
}
/** The file up to the package clause is all the constraint reader needs; cap the scan. */
function headerPart(src) {
    const i = src.search(/^\s*package\s/m);
    return i < 0 ? src : src.slice(0, i + 1);
}
/**
 * Selects the package files of `dir`. `explicitFiles`, when given, are taken as the package's
 * files (build constraints are still applied to them, as `go build a.go` does, except that the
 * file-name rules about "_" and "." do not apply).
 */
export function selectFiles(ctx, dir, explicitFiles) {
    const sel = { dir, name: "", files: [], ignored: [] };
    let names;
    if (explicitFiles !== undefined) {
        names = explicitFiles.map((f) => path.basename(f));
    }
    else {
        let entries;
        try {
            entries = fs.readdirSync(dir, { withFileTypes: true });
        }
        catch {
            sel.error = `cannot find directory ${dir}`;
            return sel;
        }
        names = entries.filter((e) => !e.isDirectory() && e.name.endsWith(".go")).map((e) => e.name).sort();
    }
    const errors = [];
    let firstFile = "";
    let sawTestFile = false;
    for (const name of names) {
        if (explicitFiles === undefined && !isCandidateGoFile(name)) {
            if (name.endsWith("_test.go") && !name.startsWith("_") && !name.startsWith("."))
                sawTestFile = true;
            continue;
        }
        const full = path.join(dir, name);
        let bytes;
        try {
            bytes = fs.readFileSync(full);
        }
        catch {
            errors.push(`open ${full}: no such file or directory`);
            continue;
        }
        const src = bytes.toString("utf8");
        const m = fileMatches(ctx, name, src);
        if (m.error !== undefined)
            errors.push(m.error);
        if (!m.ok) {
            sel.ignored.push(name);
            continue;
        }
        const h = readImports(src);
        if (h.packageName === "documentation" || (!ctx.cgoEnabled && h.imports.some((i) => i.path === "C"))) {
            sel.ignored.push(name);
            continue;
        }
        const file = { path: full, bytes, packageName: h.packageName, imports: h.imports };
        if (h.error !== undefined)
            file.headerError = h.error;
        if (h.goError !== undefined)
            file.goError = h.goError;
        if (h.packageName !== "") {
            if (sel.name === "") {
                sel.name = h.packageName;
                firstFile = name;
            }
            else if (h.packageName !== sel.name) {
                errors.push(`found packages ${sel.name} (${firstFile}) and ${h.packageName} (${name}) in ${dir}`);
            }
        }
        sel.files.push(file);
    }
    if (errors.length > 0)
        sel.error = errors[0];
    else if (sel.files.length === 0) {
        sel.error = sel.ignored.length > 0
            ? `build constraints exclude all Go files in ${dir}`
            : sawTestFile
                ? `no non-test Go files in ${dir}`
                : `no Go files in ${dir}`;
    }
    return sel;
}
