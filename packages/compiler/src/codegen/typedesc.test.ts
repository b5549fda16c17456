import { describe, expect, test } from "vitest";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const { loadPackages } = await import("../loader/index.js");
const { Info } = await import("../types/index.js");
const { goTypeString } = await import("./typedesc.js");

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "testdata");

describe("goTypeString", () => {
  // testdata/typestr.go prints %T of values of many types; typestr.out is Go 1.19's output.
  test("spells types as Go's %T does (every kind, generics, tags, channel directions)", () => {
    const r = loadPackages(["typestr.go"], { cwd: dir, keepSyntax: true, makeInfo: () => new Info(), progress: false });
    const pkg = r.packages[0];
    expect(pkg.errors).toEqual([]);
    const info = pkg.info as InstanceType<typeof Info>;
    let lit: { elts: unknown[] } | null = null;
    for (const [e, tv] of info.types) {
      const n = e as { kind: string; elts?: unknown[] };
      if (n.kind === "CompositeLit" && tv.type.toString() === "[]interface{}") lit = n as { elts: unknown[] };
    }
    if (lit === null) throw new Error("no []interface{} literal in typestr.go");
    const got = lit.elts.map((e) => goTypeString(info.types.get(e as never)?.type as never));
    const want = fs.readFileSync(path.join(dir, "typestr.out"), "utf8").trimEnd().split("\n");
    expect(got).toEqual(want);
  });
});
