import { it } from "vitest";
import { FileSet } from "./position.js";
import { parseFile } from "./parser.js";
const mk: Record<string, (n: number) => string> = {
  parens: (n) => "package p\nvar x = " + "(".repeat(n) + "1" + ")".repeat(n) + "\n",
  blocks: (n) => "package p\nfunc f() " + "{".repeat(n) + "}".repeat(n) + "\n",
  unary: (n) => "package p\nvar x = " + "!".repeat(n) + "1\n",
  types: (n) => "package p\nvar x " + "*".repeat(n) + "int\n",
  complit: (n) => "package p\nvar x = T" + "{".repeat(n) + "}".repeat(n) + "\n",
  funclit: (n) => "package p\nvar x = " + "func(){".repeat(n) + "}".repeat(n) + "\n",
  ifs: (n) => "package p\nfunc f() {" + "if x {".repeat(n) + "}".repeat(n) + "}\n",
  elseifs: (n) => "package p\nfunc f() {" + "if x {} else ".repeat(n) + "{}}\n",
  calls: (n) => "package p\nvar x = " + "f(".repeat(n) + ")".repeat(n) + "\n",
  index: (n) => "package p\nvar x = " + "a[".repeat(n) + "0" + "]".repeat(n) + "\n",
  structs: (n) => "package p\nvar x " + "struct{x ".repeat(n) + "int" + "}".repeat(n) + "\n",
};
it("probe", () => {
  for (const [k, f] of Object.entries(mk)) {
    let lo = 100, hi = 200000;
    while (hi - lo > 50) {
      const mid = (lo + hi) >> 1;
      const r = parseFile(new FileSet(), "a.go", f(mid), { maxNesting: 1e9 });
      if (r.errors.length > 0) hi = mid; else lo = mid;
    }
    console.log(k, lo);
  }
});
