import { it } from "vitest";
import { readFileSync, existsSync } from "node:fs";
import { basename } from "node:path";
import { FileSet } from "./position.js";
import { parseFile } from "./parser.js";
import { formatDiagnostic } from "../diag.js";
it("cmp", () => {
  const files = readFileSync("/tmp/sx/errfiles.txt", "utf8").trim().split("\n");
  let same = 0, diff = 0, typeOnly = 0;
  const out: string[] = [];
  for (const f of files) {
    const gcf = "/tmp/sx/gcout/" + f.replace(/\//g, "_") + ".txt";
    if (!existsSync(gcf)) continue;
    const gc = readFileSync(gcf, "utf8").split("\n").filter((l) => /^[^ :]+\.go:\d+:\d+: /.test(l));
    const fset = new FileSet();
    const r = parseFile(fset, basename(f), readFileSync(f));
    const ours = r.errors.map((e) => formatDiagnostic(fset, e));
    const gcSyntax = gc.some((l) => / syntax error: /.test(l));
    if (ours.length === 0 && !gcSyntax) { typeOnly++; if (process.env.V) out.push("TYPEONLY " + f + "\n   gc: " + gc.slice(0, 2).join("\n   gc: ")); continue; }
    const strip = (l: string) => l.replace(/:\d+: /, ": ");
    if (ours.length > 0 && gc.length > 0 && ours[0] === gc[0] && ours.length === gc.length && ours.every((l, i) => l === gc[i])) { same++; continue; }
    diff++;
    out.push("DIFF " + f + "\n   ours: " + ours.slice(0, 4).join("\n   ours: ") + "\n   gc:   " + gc.slice(0, 4).join("\n   gc:   "));
    void strip;
  }
  console.log(out.join("\n"));
  console.log({ same, diff, typeOnly });
});
