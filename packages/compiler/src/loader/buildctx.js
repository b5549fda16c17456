/**
 * The build context: which target gort builds for and which source files that selects.
 *
 * gort always builds for GOOS=linux GOARCH=amd64 with the gc compiler's tags and cgo disabled
 * (gort has no cgo), and it implements the language up to Go 1.22, so the release tags are
 * go1.1 … go1.22. A file is selected when
 *   - its name ends in ".go", does not start with "_" or ".", and does not end in "_test.go";
 *   - its name's `_GOOS`, `_GOARCH` or `_GOOS_GOARCH` suffix (if any, from the known lists)
 *     matches; `unix` is a tag, never a suffix;
 *   - its header's `//go:build` expression holds, or, when there is none, every legacy
 *     `// +build` line holds;
 *   - it does not `import "C"` (cgo files are ignored when cgo is off);
 *   - its package clause is not `package documentation`.
 * The header is the leading run of blank lines and comments before the first other text; a
 * `// +build` line only counts when a blank line follows it inside that run (so a package doc
 * comment is never read as a constraint), exactly the rule go/build applies.
 */
import { evalConstraint, isGoBuildLine, isPlusBuildLine, parseGoBuildExpr, parsePlusBuildLine } from "./constraint.js";
/** Operating systems recognised in file-name suffixes. */
export const KNOWN_OS = new Set([
    "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux",
    "nacl", "netbsd", "openbsd", "plan9", "solaris", "windows", "zos",
]);
/** Operating systems matched by the `unix` tag. */
export const UNIX_OS = new Set([
    "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "linux", "netbsd",
    "openbsd", "solaris",
]);
/** Architectures recognised in file-name suffixes. */
export const KNOWN_ARCH = new Set([
    "386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64", "mips", "mipsle",
    "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le", "riscv", "riscv64",
    "s390", "s390x", "sparc", "sparc64", "wasm",
]);
/** The newest Go language version gort implements (minor number). */
export const NEWEST_GO_MINOR = 22;
/** The newest language version as the checker wants it. */
export const NEWEST_GO_VERSION = `go1.${NEWEST_GO_MINOR}`;
/** The context gort builds for. The goexperiment tags match what Go 1.19's gc sets on amd64. */
export function defaultBuildContext() {
    const releaseTags = [];
    for (let i = 1; i <= NEWEST_GO_MINOR; i++)
        releaseTags.push(`go1.${i}`);
    return {
        goos: "linux",
        goarch: "amd64",
        compiler: "gc",
        cgoEnabled: false,
        releaseTags,
        toolTags: ["goexperiment.regabiwrappers", "goexperiment.regabiargs"],
        buildTags: [],
    };
}
/** Whether build tag `name` is satisfied in `ctx`. */
export function matchTag(ctx, name) {
    if (name === "cgo")
        return ctx.cgoEnabled;
    if (name === ctx.goos || name === ctx.goarch || name === ctx.compiler)
        return true;
    if (ctx.goos === "android" && name === "linux")
        return true;
    if (ctx.goos === "illumos" && name === "solaris")
        return true;
    if (ctx.goos === "ios" && name === "darwin")
        return true;
    if (name === "unix" && UNIX_OS.has(ctx.goos))
        return true;
    if (name === "boringcrypto")
        name = "goexperiment.boringcrypto";
    return ctx.buildTags.includes(name) || ctx.toolTags.includes(name) || ctx.releaseTags.includes(name);
}
/**
 * Whether the `_GOOS`/`_GOARCH`/`_GOOS_GOARCH` suffix of a file name (if any) matches `ctx`.
 * Only the part after the first "_" counts, so "linux.go" carries no constraint.
 */
export function goodOSArchFile(ctx, filename) {
    let name = filename;
    const dot = name.indexOf(".");
    if (dot >= 0)
        name = name.slice(0, dot);
    const us = name.indexOf("_");
    if (us < 0)
        return true;
    const parts = name.slice(us).split("_");
    if (parts.length > 0 && parts[parts.length - 1] === "test")
        parts.pop();
    const n = parts.length;
    if (n >= 2 && KNOWN_OS.has(parts[n - 2]) && KNOWN_ARCH.has(parts[n - 1])) {
        return matchTag(ctx, parts[n - 1]) && matchTag(ctx, parts[n - 2]);
    }
    if (n >= 1 && (KNOWN_OS.has(parts[n - 1]) || KNOWN_ARCH.has(parts[n - 1]))) {
        return matchTag(ctx, parts[n - 1]);
    }
    return true;
}
/**
 * Reads the leading comments of a Go file for build constraints (see the file comment for the
 * rule). `src` is the whole file or at least its header.
 */
export function readConstraintHeader(src) {
    let goBuild;
    let multipleGoBuild = false;
    const lines = src.split("\n");
    let endLine = 0; // lines [0, endLine) are the header region where +build counts
    let ended = false;
    let inStar = false;
    outer: for (let i = 0; i < lines.length; i++) {
        let line = lines[i].trim();
        if (line.length === 0 && !ended) {
            endLine = i + 1;
            continue;
        }
        if (!line.startsWith("//"))
            ended = true;
        if (!inStar && isGoBuildLine(line)) {
            if (goBuild !== undefined)
                multipleGoBuild = true;
            else
                goBuild = line.slice("//go:build".length).trim();
        }
        while (line.length > 0) {
            if (inStar) {
                const j = line.indexOf("*/");
                if (j < 0)
                    continue outer;
                inStar = false;
                line = line.slice(j + 2).trim();
                continue;
            }
            if (line.startsWith("//"))
                continue outer;
            if (line.startsWith("/*")) {
                inStar = true;
                line = line.slice(2).trim();
                continue;
            }
            break outer;
        }
    }
    const plusBuild = [];
    for (let i = 0; i < endLine; i++) {
        const line = lines[i].trim();
        if (line.startsWith("//") && isPlusBuildLine(line)) {
            plusBuild.push(line.slice(2).trimStart().slice("+build".length).trim());
        }
    }
    return { goBuild, plusBuild, multipleGoBuild };
}
/** Evaluates a file's header constraints in `ctx`. */
export function headerMatches(ctx, h) {
    if (h.multipleGoBuild)
        return { error: "multiple //go:build comments" };
    const has = (t) => matchTag(ctx, t);
    if (h.goBuild !== undefined) {
        const p = parseGoBuildExpr(h.goBuild);
        if ("error" in p)
            return { error: `parsing //go:build line: ${p.error}` };
        return { ok: evalConstraint(p.expr, has) };
    }
    let ok = true;
    for (const line of h.plusBuild) {
        const p = parsePlusBuildLine(line);
        // Go ignores malformed +build lines rather than rejecting the file.
        if ("error" in p)
            continue;
        if (!evalConstraint(p.expr, has))
            ok = false;
    }
    return { ok };
}
/** Whether a file name alone makes it a candidate (extension, leading _ or ., _test.go). */
export function isCandidateGoFile(name) {
    return name.endsWith(".go") && !name.startsWith("_") && !name.startsWith(".") && !name.endsWith("_test.go");
}
