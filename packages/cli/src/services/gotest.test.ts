/**
 * `gort test` against go test: the module in test/testdata/gotest (tests, subtests, helpers,
 * TestMain, cleanups, TempDir, Setenv, parallel subtests, skips, examples, an external test
 * package, a package without tests, one that does not compile), run with the command lines of
 * gotest.cases.txt; the expected outputs are Go 1.19's (gotest-gen.sh), with durations
 * normalised.
 */
import { describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { runTest } from "./gotest.js";

const data = fileURLToPath(new URL("../../test/testdata/", import.meta.url));
const cases = fs
  .readFileSync(path.join(data, "gotest.cases.txt"), "utf8")
  .split("\n")
  .filter((l) => l !== "")
  .map((l, i) => {
    const bar = l.indexOf("|");
    return { n: i + 1, dir: l.slice(0, bar), args: l.slice(bar + 1).split(" ").filter((a) => a !== "") };
  });

const norm = (s: string) => s.replace(/\((\d+\.\d+)s\)/g, "(0.00s)").replace(/\t\d+\.\d+s$/gm, "\tN.NNNs");

describe("gort test", () => {
  for (const c of cases) {
    it(`${c.dir}: gort test ${c.args.join(" ")}`, async () => {
      await new Promise((r) => setTimeout(r, 250)); // vitest sends task updates (throttled, 100 ms) and needs their replies before a long synchronous stretch: 60 s RPC limit
      let out = "";
      const code = runTest(c.args, {
        cwd: path.join(data, "gotest", c.dir),
        env: { GOMAXPROCS: "1", GORTCACHE: "off" },
        stdout: (s) => (out += s),
        stderr: (s) => (out += s),
      });
      expect(norm(out)).toBe(fs.readFileSync(path.join(data, "gotest.golden", `${c.n}.out`), "utf8"));
      expect(code).toBe(Number(fs.readFileSync(path.join(data, "gotest.golden", `${c.n}.exit`), "utf8")));
    }, 150_000);
  }

  it("rejects unknown flags as go test does", () => {
    let err = "";
    expect(runTest(["-nope"], { cwd: data, env: {}, stdout: () => {}, stderr: (s) => (err += s) })).toBe(2);
    expect(err.split("\n")[0]).toBe("flag provided but not defined: -nope");
  });
});
