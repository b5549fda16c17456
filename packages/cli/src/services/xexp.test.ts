/**
 * golang.org/x/exp's generic helpers (slices, maps, constraints) ship with gort: a module that
 * requires golang.org/x/exp compiles against them without downloading the module; without the
 * requirement the import fails as go's does. (Expected output worked out by hand from the
 * functions' documented results: Go needs the module download to run this.)
 */
import { describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runRun } from "./run.js";

const GOMOD = "module example.com/xexp\n\ngo 1.19\n\nrequire golang.org/x/exp v0.0.0-20220722155223-a9213eeb770e\n";
const MAIN = "package main\n\nimport (\n\t\"fmt\"\n\t\"sort\"\n\n\t\"golang.org/x/exp/constraints\"\n\t\"golang.org/x/exp/maps\"\n\t\"golang.org/x/exp/slices\"\n)\n\nfunc sum[T constraints.Integer | constraints.Float](xs []T) T {\n\tvar s T\n\tfor _, x := range xs {\n\t\ts += x\n\t}\n\treturn s\n}\n\nfunc main() {\n\ts := []int{5, 2, 8, 2, 9, 1, 5, 5}\n\tslices.Sort(s)\n\tfmt.Println(s, slices.IsSorted(s), sum(s))\n\ts = slices.Compact(s)\n\tfmt.Println(s, slices.Index(s, 8), slices.Contains(s, 3))\n\ti, ok := slices.BinarySearch(s, 5)\n\tfmt.Println(i, ok)\n\ts = slices.Insert(s, 1, 100, 101)\n\tfmt.Println(s, len(s))\n\ts = slices.Delete(s, 0, 2)\n\tfmt.Println(s, slices.Equal(s, slices.Clone(s)), slices.Compare([]string{\"a\", \"b\"}, []string{\"a\", \"c\"}))\n\twords := []string{\"pear\", \"fig\", \"banana\", \"kiwis\"}\n\tslices.SortFunc(words, func(a, b string) bool { return len(a) < len(b) })\n\tfmt.Println(words)\n\tm := map[string]int{\"a\": 1, \"b\": 2, \"c\": 3}\n\tks := maps.Keys(m)\n\tsort.Strings(ks)\n\tvs := maps.Values(m)\n\tsort.Ints(vs)\n\tfmt.Println(ks, vs, maps.Equal(m, maps.Clone(m)))\n\tmaps.DeleteFunc(m, func(k string, v int) bool { return v%2 == 1 })\n\tfmt.Println(m)\n\tfl := []float64{3.5, 1.25, 2}\n\tslices.Sort(fl)\n\tfmt.Println(fl, sum(fl))\n}\n";

function run(files: Record<string, string>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gort-xexp-"));
  for (const [n, t] of Object.entries(files)) fs.writeFileSync(path.join(dir, n), t);
  let out = "";
  let err = "";
  const code = runRun(["."], { cwd: dir, env: { GORTCACHE: "off" }, stdout: (s) => void (out += s), stderr: (s) => void (err += s) });
  return { code, out, err };
}

describe("golang.org/x/exp", () => {
  it("slices, maps and constraints work in a module that requires golang.org/x/exp", async () => {
    await new Promise((r) => setTimeout(r, 250)); // vitest sends task updates (throttled, 100 ms) and needs their replies before a long synchronous stretch: 60 s RPC limit
    const r = run({ "go.mod": GOMOD, "main.go": MAIN });
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        "[1 2 2 5 5 5 8 9] true 37",
        "[1 2 5 8 9] 3 false",
        "2 true",
        "[1 100 101 2 5 8 9] 7",
        "[101 2 5 8 9] true -1",
        "[fig pear kiwis banana]",
        "[a b c] [1 2 3] true",
        "map[b:2]",
        "[1.25 2 3.5] 6.75",
        "",
      ].join("\n"),
    );
  });

  it("without the requirement the import fails as go's does", async () => {
    await new Promise((r) => setTimeout(r, 250)); // vitest sends task updates (throttled, 100 ms) and needs their replies before a long synchronous stretch: 60 s RPC limit
    const r = run({ "go.mod": "module example.com/xexp\n\ngo 1.19\n", "main.go": MAIN });
    expect(r.code).toBe(1);
    expect(r.err).toContain("no required module provides package golang.org/x/exp/slices");
  });
});
