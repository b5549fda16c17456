/**
 * Checks our syntax errors against the `// ERROR "regexp"` annotations of
 * Go's own errorcheck tests ($GOROOT/test, first line `// errorcheck`):
 * every error the parser reports must be on a line carrying an ERROR
 * comment whose pattern matches our message (gc's errorcheck rule), and
 * every file that expects a "syntax error" must produce at least one error.
 * Positions are //line-adjusted, as in gc (the annotations of files with
 * line directives are written against the adjusted lines).
 */
import { describe, it, expect } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FileSet } from "./position.js";
import { parseFile } from "./parser.js";
import { formatDiagnostic } from "../diag.js";

const root = existsSync("/usr/lib/go-1.19/test") ? "/usr/lib/go-1.19/test" : process.env.GOROOT ? join(process.env.GOROOT, "test") : "";

/**
 * Lines where we knowingly differ: gc reports "range over ch permits only
 * one iteration variable" from its type checker there, while our parser
 * reports the (also correct) "at most two iteration variables" because the
 * go/ast RangeStmt cannot hold a third variable.
 */
const knownDifferences = new Set(["fixedbugs/issue50372.go:27", "fixedbugs/issue50372.go:28"]);

function listGo(dir: string, out: string[]): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) listGo(p, out);
    else if (e.name.endsWith(".go")) out.push(p);
  }
}

/** Extracts the patterns of an ERROR comment: "..." (Go-quoted) or `...`. */
function patterns(s: string): RegExp[] {
  const out: RegExp[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|`([^`]*)`/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    let pat: string;
    if (m[1] !== undefined) {
      try {
        pat = JSON.parse('"' + m[1].replace(/\\([^"\\\/bfnrtu])/g, "\\\\$1") + '"') as string;
      } catch {
        pat = m[1];
      }
    } else pat = m[2];
    try {
      out.push(new RegExp(pat));
    } catch {
      // a Go-only regexp construct: accept anything
      out.push(/.*/);
    }
  }
  return out;
}

describe("errorcheck annotations of $GOROOT/test", () => {
  it("agree with our syntax errors", () => {
    if (root === "") throw new Error("no Go test suite found (install Go 1.19 at /usr/lib/go-1.19 or set GOROOT)");
    const files: string[] = [];
    listGo(root, files);
    const problems: string[] = [];
    let checked = 0;
    let withErrors = 0;
    for (const f of files) {
      const src = readFileSync(f);
      const text = src.toString("utf8");
      if (!text.startsWith("// errorcheck")) continue;
      checked++;
      const lines = text.split("\n");
      const fset = new FileSet();
      const { errors } = parseFile(fset, f, src);
      if (errors.length > 0) withErrors++;
      for (const e of errors) {
        const p = fset.position(e.pos);
        const line = lines[p.line - 1] ?? "";
        const m = /\/\/ (?:GC_)?ERROR (.*)$/.exec(line);
        const pats = m !== null ? patterns(m[1]) : [];
        if (!pats.some((r) => r.test(e.msg)) && !knownDifferences.has(f.slice(root.length + 1) + ":" + p.line)) {
          problems.push(formatDiagnostic(fset, e));
        }
      }
      if (errors.length === 0 && /\/\/ (?:GC_)?ERROR "syntax error[^"|]*"/.test(text)) {
        problems.push(f + ": expected a syntax error, got none");
      }
    }
    console.log(`errorcheck: ${checked} files checked, ${withErrors} with syntax errors`);
    expect(checked).toBeGreaterThan(400);
    expect(problems).toEqual([]);
  });
});
