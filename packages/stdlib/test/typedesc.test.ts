// Keeps TYPEDESC.md (the binding descriptor layout) and the Go structs of
// go/reflect/type.go that read it in agreement: every field the page lists
// must sit at the same offset with the same width in the Go struct.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const doc = readFileSync(fileURLToPath(new URL("../TYPEDESC.md", import.meta.url)), "utf8");
const typeGo = readFileSync(fileURLToPath(new URL("../go/reflect/type.go", import.meta.url)), "utf8");

type Field = { off: number; width: number; name: string };

const WIDTH: Record<string, number> = { uint8: 1, uint16: 2, uint32: 4, u8: 1, u16: 2, u32: 4 };

/** Field offsets of a Go struct in type.go (fields of uint8/16/32, `[1]uint32`, embedded rtype). */
function goStruct(name: string): Field[] {
  const m = new RegExp(`^type ${name} struct \\{\\n([\\s\\S]*?)^\\}`, "m").exec(typeGo);
  if (!m) throw new Error(`struct ${name} not found in type.go`);
  const out: Field[] = [];
  let off = 0;
  for (const raw of m[1].split("\n")) {
    const line = raw.replace(/\/\/.*/, "").trim();
    if (line === "") continue;
    if (line === "rtype") {
      for (const f of goStruct("rtype")) out.push(f);
      off = 36;
      continue;
    }
    const fm = /^([\w, ]+?)\s+(\[1\])?(uint8|uint16|uint32)$/.exec(line);
    if (!fm) throw new Error(`unexpected field line in ${name}: ${line}`);
    for (const fname of fm[1].split(",").map((s) => s.trim())) {
      const w = WIDTH[fm[3]];
      off = Math.ceil(off / w) * w;
      out.push({ off, width: w, name: fname });
      off += w;
    }
  }
  return out;
}

/** Rows "| off | u32 | name | ..." of the first table after `heading`. */
function docTable(heading: string): Field[] {
  const at = doc.indexOf(heading);
  if (at < 0) throw new Error(`heading not found: ${heading}`);
  const out: Field[] = [];
  let started = false;
  for (const line of doc.slice(at).split("\n").slice(1)) {
    const m = /^\| (\d+) \| (u8|u16|u32) \| (\w+) \|/.exec(line);
    if (m) {
      started = true;
      out.push({ off: Number(m[1]), width: WIDTH[m[2]], name: m[3] });
    } else if (started) break;
  }
  return out;
}

/** Lines "36 u32 elem" of the code block under "### heading". */
function docBlock(heading: string): Field[] {
  const at = doc.indexOf(`### ${heading}\n`);
  if (at < 0) throw new Error(`section not found: ${heading}`);
  const block = doc.slice(at).split("```")[1];
  const out: Field[] = [];
  for (const line of block.split("\n")) {
    const m = /^(\d+) (u8|u16|u32)\s+(\w+)/.exec(line);
    if (m) out.push({ off: Number(m[1]), width: WIDTH[m[2]], name: m[3] });
  }
  return out;
}

function expectLayout(goName: string, spec: Field[], rename: Record<string, string> = {}): void {
  const go = goStruct(goName).filter((f) => f.name !== "_");
  const byOff = new Map(go.map((f) => [f.off, f]));
  expect(spec.length, goName).toBeGreaterThan(0);
  for (const f of spec) {
    const g = byOff.get(f.off);
    expect(g, `${goName}: nothing at offset ${f.off} (${f.name})`).toBeDefined();
    expect({ off: f.off, width: g!.width, name: g!.name.toLowerCase() }, goName).toEqual({
      off: f.off,
      width: f.width,
      name: (rename[f.name] ?? f.name).toLowerCase(),
    });
  }
}

describe("TYPEDESC.md matches reflect/type.go", () => {
  it("header and uncommon word", () => expectLayout("rtype", docTable("## 1. Common header"), { uncommon: "xuncommon" }));
  it("uncommon record", () => expectLayout("uncommonType", docTable("## 2. Uncommon record"), { mcnt: "mcount" }));
  it("method record", () => expectLayout("method", docTable("Method record (24 bytes)")));
  it("array", () => expectLayout("arrayType", docBlock("Array")));
  it("chan", () => expectLayout("chanType", docBlock("Chan")));
  it("func", () => expectLayout("funcType", docBlock("Func")));
  it("interface and imethod", () => {
    expectLayout("interfaceType", docBlock("Interface"));
    expectLayout("imethod", docTable("imethod record (12 bytes)"));
  });
  it("map", () => expectLayout("mapType", docBlock("Map")));
  it("pointer and slice", () => {
    expectLayout("ptrType", docBlock("Pointer / Slice"));
    expectLayout("sliceType", docBlock("Pointer / Slice"));
  });
  it("struct and field record", () => {
    expectLayout("structType", docBlock("Struct"));
    expectLayout("structField", docTable("Field record (24 bytes)"));
  });
  it("itab: inter, type, hash, pad, fun[0] at 0, 4, 8, 12, 16", () => {
    const go = goStruct("itab");
    expect(go.map((f) => [f.off, f.name])).toEqual([[0, "inter"], [4, "typ"], [8, "hash"], [12, "_"], [16, "fun"]]);
    expect(doc).toMatch(/│ inter  │ type   │ hash   │ \(0\)    │ fun\[0\] │/);
  });
});
