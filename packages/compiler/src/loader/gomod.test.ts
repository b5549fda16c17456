import { describe, expect, it } from "vitest";
import { langVersion, parseGoMod } from "./gomod.js";

describe("parseGoMod", () => {
  it("reads module, go, require and replace (lines and blocks)", () => {
    const r = parseGoMod("/m/go.mod", `// comment
module example.com/m // trailing

go 1.21

require example.com/dep v1.0.0
require (
\t"example.com/other" v0.1.0 // indirect
)
replace example.com/dep => ../dep
replace (
\texample.com/other v0.1.0 => ./third_party/other
\texample.com/remote => example.com/fork v1.2.3
)
exclude example.com/bad v1.0.0
`);
    if (!("mod" in r)) throw new Error(r.error);
    expect(r.mod.modulePath).toBe("example.com/m");
    expect(r.mod.dir).toBe("/m");
    expect(r.mod.goVersion).toBe("1.21");
    expect(r.mod.requires).toEqual([
      { path: "example.com/dep", version: "v1.0.0" },
      { path: "example.com/other", version: "v0.1.0" },
    ]);
    expect(r.mod.replaces).toEqual([
      { oldPath: "example.com/dep", newPath: "../dep" },
      { oldPath: "example.com/other", oldVersion: "v0.1.0", newPath: "./third_party/other" },
      { oldPath: "example.com/remote", newPath: "example.com/fork", newVersion: "v1.2.3" },
    ]);
  });

  it("reports errors with file and line", () => {
    const r = parseGoMod("/m/go.mod", "module a\ngo banana\n");
    expect("error" in r && r.error).toBe("/m/go.mod:2: invalid go version 'banana': must match format 1.23");
    const u = parseGoMod("/m/go.mod", "module a\nfrobnicate x\n");
    expect("error" in u && u.error).toBe("/m/go.mod:2: unknown directive: frobnicate");
    expect("error" in parseGoMod("/m/go.mod", "go 1.19\n")).toBe(true);
  });

  it("maps the go directive to a language version", () => {
    expect(langVersion("1.19")).toBe("go1.19");
    expect(langVersion("1.21.3")).toBe("go1.21");
    expect(langVersion("")).toBe("");
  });
});
