import { it } from "vitest";
import { FileSet } from "./position.js";
import { parseFile } from "./parser.js";
import { formatDiagnostic } from "../diag.js";
import { randomBytes } from "node:crypto";
function run(name: string, src: string | Uint8Array) {
  const fset = new FileSet();
  const t0 = performance.now();
  const r = parseFile(fset, "a.go", src);
  console.log(name, (performance.now() - t0).toFixed(1) + "ms", r.errors.slice(0, 3).map((e) => formatDiagnostic(fset, e)));
}
it("robust", () => {
  const n = 10000;
  run("parens", "package p\nvar x = " + "(".repeat(n) + "1" + ")".repeat(n) + "\n");
  run("blocks", "package p\nfunc f() " + "{".repeat(n) + "}".repeat(n) + "\n");
  run("unary", "package p\nvar x = " + "-".repeat(n) + "1\n");
  run("binary", "package p\nvar x = " + "1+".repeat(n * 10) + "1\n");
  run("index", "package p\nvar x = a" + "[0]".repeat(n) + "\n");
  run("calls", "package p\nvar x = f" + "()".repeat(n) + "\n");
  run("types", "package p\nvar x " + "*".repeat(n) + "int\n");
  run("slices", "package p\nvar x " + "[]".repeat(n) + "int\n");
  run("complit", "package p\nvar x = T" + "{".repeat(n) + "}".repeat(n) + "\n");
  run("funclit", "package p\nvar x = " + "func(){".repeat(n) + "}".repeat(n) + "\n");
  run("ifs", "package p\nfunc f() {" + "if x {".repeat(n) + "}".repeat(n) + "}\n");
  run("900 parens", "package p\nvar x = " + "(".repeat(900) + "1" + ")".repeat(900) + "\n");
  run("binary", randomBytes(1 << 20));
  run("empty", "");
  run("megaline", "package p\nvar x = \"" + "a".repeat(1 << 20) + "\"\n" + "var y = 1" + " + 1".repeat(200000) + "\n");
  run("badutf8", new Uint8Array([...Buffer.from("package p\nvar x = \""), 0xff, 0xfe, ...Buffer.from("\"\n")]));
  run("bom", new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from("package p\nvar x = 1\n"), 0xef, 0xbb, 0xbf]));
  run("nul", "package p\x00\n");
});
