import { it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { FileSet } from "./position.js";
import { parseFile } from "./parser.js";
function walk(dir: string, out: string[]): void {
  for (const ent of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, ent.name);
    if (ent.isDirectory() || (ent.isSymbolicLink() && statSync(p).isDirectory())) { if (ent.name !== "testdata") walk(p, out); }
    else if (ent.name.endsWith(".go")) out.push(p);
  }
}
it("depth", () => {
  const files: string[] = [];
  walk("/usr/lib/go-1.19/src", files);
  walk("/usr/lib/go-1.19/test", files);
  const srcs = files.map((f) => readFileSync(f));
  for (const lim of [250, 300, 500]) {
    let bad = 0; const ex: string[] = [];
    for (let i = 0; i < files.length; i++) {
      const r = parseFile(new FileSet(), files[i], srcs[i], { maxNesting: lim });
      if (r.errors.some((e) => e.msg.includes("nesting"))) { bad++; if (ex.length < 3) ex.push(files[i]); }
    }
    console.log(lim, bad, ex);
  }
});
