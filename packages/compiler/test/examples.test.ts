// The programs in examples/ type-check clean against Go 1.19's standard library sources.
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { formatDiagnostic } from "../src/diag.js";
import { loadPackages } from "../src/loader/patterns.js";
import { requireGoroot } from "./harness.js";

describe("examples", () => {
  it("every example package checks without errors", () => {
    const examples = fileURLToPath(new URL("../../../examples/", import.meta.url));
    const r = loadPackages(["./..."], { cwd: examples, goroot: requireGoroot(), progress: false });
    expect(r.diagnostics).toEqual([]);
    expect(r.packages.map((p) => p.name)).toContain("main");
    const problems = r.loader.allPackages().flatMap((p) => [
      ...p.loadErrors.map((e) => `${p.importPath}: ${e.msg}`),
      ...p.errors.map((d) => formatDiagnostic(r.loader.fset, d)),
    ]);
    expect(problems).toEqual([]);
    expect(r.packages.every((p) => p.checked)).toBe(true);
  });
});
