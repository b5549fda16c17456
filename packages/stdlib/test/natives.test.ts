// Checks that NATIVES.md lists exactly the body-less (runtime-provided)
// functions declared in packages/stdlib/go, by qualified name.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const goTree = join(root, "go");

function goFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) goFiles(p, out);
    else if (name.endsWith(".go")) out.push(p);
  }
  return out;
}

/** Qualified names ("sync/atomic.AddInt32") of top-level functions without a body. */
function declaredNatives(): Set<string> {
  const out = new Set<string>();
  for (const f of goFiles(goTree)) {
    const pkg = relative(goTree, dirname(f));
    for (const line of readFileSync(f, "utf8").split("\n")) {
      const m = /^func ([A-Za-z_]\w*)\(/.exec(line);
      if (m && !line.includes("{")) out.add(`${pkg}.${m[1]}`);
    }
  }
  return out;
}

/**
 * Names listed in NATIVES.md tables: `pkg.Name`, and the grouped form
 * `pkg.SwapInt32/Int64/Pointer` (the prefix before the last capital of the
 * first name is shared).
 */
function listedNatives(): Set<string> {
  const text = readFileSync(join(root, "NATIVES.md"), "utf8");
  const tables = text.split("\n## Removed")[0];
  const out = new Set<string>();
  for (const line of tables.split("\n")) {
    if (!line.startsWith("| `")) continue;
    const cell = line.split("|")[1];
    for (const m of cell.matchAll(/`([\w/]+)\.([\w/]+)`/g)) {
      const [pkg, names] = [m[1], m[2].split("/")];
      const first = names[0];
      out.add(`${pkg}.${first}`);
      let cut = first.length - 1;
      while (cut > 0 && !/[A-Z]/.test(first[cut])) cut--;
      const prefix = first.slice(0, cut);
      for (const suffix of names.slice(1)) out.add(`${pkg}.${prefix}${suffix}`);
    }
  }
  return out;
}

describe("NATIVES.md", () => {
  it("lists every body-less function of go/ and nothing else", () => {
    const declared = declaredNatives();
    const listed = listedNatives();
    expect(declared.size).toBeGreaterThan(50);
    const missing = [...declared].filter((n) => !listed.has(n)).sort();
    const stale = [...listed].filter((n) => !declared.has(n)).sort();
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });
});
