import { it } from "vitest";
import { createReadStream, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { FileSet } from "./position.js";
import { parseFile } from "./parser.js";

function cmp(g: unknown, o: unknown, path: string, out: string[]): void {
  if (out.length > 0) return;
  if (g === null) {
    if (o !== undefined && o !== null && !(Array.isArray(o) && o.length === 0)) out.push(`${path}: go=null ours=${JSON.stringify(o).slice(0, 80)}`);
    return;
  }
  if (Array.isArray(g)) {
    if (!Array.isArray(o)) { out.push(`${path}: go=array ours=${JSON.stringify(o)?.slice(0, 80)}`); return; }
    if (g.length !== o.length) { out.push(`${path}: len go=${g.length} ours=${o.length}`); return; }
    for (let i = 0; i < g.length; i++) cmp(g[i], o[i], `${path}[${i}]`, out);
    return;
  }
  if (typeof g === "object") {
    if (typeof o !== "object" || o === null) { out.push(`${path}: go=${JSON.stringify(g).slice(0, 80)} ours=${JSON.stringify(o)}`); return; }
    const go = g as Record<string, unknown>;
    const oo = o as Record<string, unknown>;
    if (go.kind !== oo.kind) { out.push(`${path}: kind go=${go.kind} ours=${oo.kind}`); return; }
    for (const k of Object.keys(go)) {
      if (k === "kind") continue;
      cmp(go[k], oo[k], `${path}.${go.kind}.${k}`, out);
    }
    return;
  }
  if (g !== o) out.push(`${path}: go=${JSON.stringify(g)} ours=${JSON.stringify(o)}`);
}

it("goast", async () => {
  const rl = createInterface({ input: createReadStream(process.env.TSV ?? "/tmp/sx/goast.tsv"), crlfDelay: Infinity });
  let n = 0, bad = 0;
  const kinds = new Map<string, number>();
  const examples: string[] = [];
  for await (const line of rl) {
    const tab = line.indexOf("\t");
    const fn = line.slice(0, tab);
    const g = JSON.parse(line.slice(tab + 1));
    const r = parseFile(new FileSet(), fn, readFileSync(fn), { comments: process.env.COMMENTS === "1" });
    const out: string[] = [];
    try { cmp(g, r.file, "", out); } catch { out.push("STACK"); }
    n++;
    if (out.length > 0) {
      bad++;
      const key = out[0].replace(/\[\d+\]/g, "[]").replace(/go=.*/, "");
      kinds.set(key, (kinds.get(key) ?? 0) + 1);
      if (examples.length < 15) examples.push(fn + " " + out[0]);
    }
  }
  console.log({ n, bad });
  console.log([...kinds.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20));
  console.log(examples.join("\n"));
}, 600000);
