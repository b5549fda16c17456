/**
 * Checks our syntax errors against the `// ERROR "regexp"` annotations of
 * Go's own errorcheck tests ($GOROOT/test, first line `// errorcheck`):
 * every error the parser reports must be on a line carrying an ERROR
 * comment whose pattern matches our message (gc's errorcheck rule, read by
 * the conformance harness's expectedErrors, as test/run.go reads it), and
 * every file that expects a "syntax error" must produce at least one error.
 * Positions are //line-adjusted, as in gc (the annotations of files with
 * line directives are written against the adjusted lines).
 */
import { describe, it, expect } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { FileSet } from "./position.js";
import { parseFile } from "./parser.js";
import { formatDiagnostic } from "../diag.js";
import { expectedErrors } from "../../test/conformance/sweeps.js";

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
      const want = new Map(expectedErrors(text, basename(f)).map((e) => [e.line, e.regexps]));
      const fset = new FileSet();
      const { errors } = parseFile(fset, f, src);
      if (errors.length > 0) withErrors++;
      for (const e of errors) {
        const p = fset.position(e.pos);
        const pats = want.get(p.line) ?? [];
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
