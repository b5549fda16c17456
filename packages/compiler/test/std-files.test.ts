// File selection against `go list` (Go 1.19, CGO_ENABLED=0 GOOS=linux GOARCH=amd64) for every
// std package, from the committed fixture; needs only Go 1.19's source tree (GOROOT).
import { describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as path from "node:path";
import { defaultBuildContext } from "../src/loader/buildctx.js";
import { selectFiles } from "../src/loader/select.js";
import { Loader } from "../src/loader/loader.js";
import { walkPackageDirs } from "../src/loader/patterns.js";
import { requireGoroot } from "./harness.js";

interface Fixture {
  packages: Record<string, { name: string; goFiles: string[]; ignoredGoFiles: string[] }>;
}

const fixture = JSON.parse(
  fs.readFileSync(new URL("./fixtures/std-gofiles.json", import.meta.url), "utf8"),
) as Fixture;

describe("std file selection matches go list", () => {
  it("selects the same GoFiles for every std package", () => {
    const goroot = requireGoroot();
    const ctx = defaultBuildContext();
    // go list ran with release tags up to go1.19; no 1.19 source file mentions go1.20+.
    const mismatches: string[] = [];
    let n = 0;
    for (const [ip, want] of Object.entries(fixture.packages)) {
      const sel = selectFiles(ctx, path.join(goroot, "src", ip));
      const got = sel.files.map((f) => path.basename(f.path));
      n++;
      if (JSON.stringify(got) !== JSON.stringify(want.goFiles)) {
        mismatches.push(`${ip}: got [${got.join(" ")}] want [${want.goFiles.join(" ")}]`);
      } else if (got.length > 0 && sel.name !== want.name) {
        mismatches.push(`${ip}: name ${sel.name} want ${want.name}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(n).toBeGreaterThan(200);
  });

  it("reads the imports of every selected file", () => {
    const goroot = requireGoroot();
    const sel = selectFiles(defaultBuildContext(), path.join(goroot, "src", "net/http"));
    const all = new Set(sel.files.flatMap((f) => f.imports.map((i) => i.path)));
    expect(sel.files.every((f) => f.headerError === undefined)).toBe(true);
    for (const p of ["context", "crypto/tls", "golang.org/x/net/http/httpguts", "net/url"]) expect(all.has(p)).toBe(true);
  });

  it("walks the same std packages as go list std (minus test-only ones)", () => {
    const goroot = requireGoroot();
    const loader = new Loader({ goroot, progress: false });
    const src = path.join(goroot, "src");
    const got = walkPackageDirs(loader, src, { skipStdTopDirs: true }).map((d) => path.relative(src, d));
    const want = fs.readFileSync(new URL("./fixtures/std-packages.txt", import.meta.url), "utf8")
      .split("\n").filter((l) => l !== "" && !l.startsWith("#") && l !== "embed/internal/embedtest");
    expect(got.sort()).toEqual(want.sort());
  });
});
