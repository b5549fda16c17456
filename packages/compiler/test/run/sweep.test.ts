/**
 * Conformance sweep over Go 1.19's single-file `// run` tests (test/, test/ken, test/fixedbugs):
 * every program either produces exactly Go's output (stdout+stderr = the .out file, exit 0),
 * or stops at compile time (a "not supported yet" diagnostic or a package gort's stdlib lacks),
 * and NEVER crashes or prints something else. About a minute of CPU, so it only runs with
 * GORT_SWEEP=1:   GORT_SWEEP=1 npx vitest run packages/compiler/test/run/sweep.test.ts
 * (GOROOT_TEST overrides the test directory, default /usr/lib/go-1.19/test). Prints the counts.
 *
 * sweep-pass.txt lists the programs that already give exactly Go's output: they must keep doing
 * so (the list only grows). GORT_SWEEP_WRITE=1 rewrites it from the run.
 */
import { expect, test } from "vitest";
import * as fs from "node:fs";
import * as path from "node:path";

const root = process.env.GOROOT_TEST ?? "/usr/lib/go-1.19/test";
const passList = new URL("./sweep-pass.txt", import.meta.url);

test.skipIf(process.env.GORT_SWEEP !== "1" || !fs.existsSync(root))("Go test suite sweep", async () => {
  const { runRun } = await import("../../../cli/src/services/run.js");
  const stats: Record<string, number> = {};
  const bad: string[] = [];
  const reasons = new Map<string, number>();
  const passing: string[] = [];
  for (const sub of ["", "ken", "fixedbugs"]) {
    const dir = path.join(root, sub);
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith(".go")).sort()) {
      const head = fs.readFileSync(path.join(dir, f), "utf8").split("\n").slice(0, 5).join("\n");
      if (!/^\/\/ run\s*$/m.test(head)) continue;
      const outFile = path.join(dir, f.replace(/\.go$/, ".out"));
      const want = fs.existsSync(outFile) ? fs.readFileSync(outFile, "utf8") : "";
      let got = "";
      let kind: string;
      try {
        const code = runRun([f], { cwd: dir, env: {}, stdout: (s) => void (got += s), stderr: (s) => void (got += s) });
        if (code === 1) kind = got.includes("not supported yet") ? "unsupported" : "not compiled";
        else kind = code === 0 && got === want ? "pass" : "FAIL";
      } catch (e) {
        kind = "CRASH";
        got = (e as Error).message;
      }
      stats[kind] = (stats[kind] ?? 0) + 1;
      if (kind === "pass") passing.push(path.join(sub, f));
      const why = /gort: (.*) not supported yet/.exec(got)?.[1];
      if (kind === "unsupported" && why !== undefined) reasons.set(why, (reasons.get(why) ?? 0) + 1);
      if (kind === "FAIL" || kind === "CRASH") bad.push(`${kind} ${path.join(sub, f)}: ${got.slice(0, 300)}`);
    }
  }
  console.log(JSON.stringify(stats));
  console.log([...reasons].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([w, n]) => `${n}\t${w}`).join("\n"));
  expect(bad).toEqual([]);
  if (process.env.GORT_SWEEP_WRITE === "1") {
    fs.writeFileSync(passList, "# gort run gives exactly Go's output on these run tests; the list only grows\n" + passing.join("\n") + "\n");
    return;
  }
  const expected = fs.readFileSync(passList, "utf8").split("\n").filter((l) => l !== "" && !l.startsWith("#"));
  const now = new Set(passing);
  const fresh = passing.filter((p) => !expected.includes(p));
  if (fresh.length > 0) console.log(`newly passing (add with GORT_SWEEP_WRITE=1):\n  ${fresh.join("\n  ")}`);
  expect(expected.filter((p) => !now.has(p))).toEqual([]);
}, 900_000);
