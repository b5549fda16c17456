/**
 * Flame graphs: the call tree of a profile (flameTree) and its drawing in a terminal
 * (renderFlameText, `gort pprof --flame`). The HTML page is in html.ts.
 *
 * The tree merges stacks by function from the root down: a node is a call path, its value the sum
 * of the sample values whose stacks start with that path, its self value the part where the path
 * is the whole stack. Inlined frames are separate nodes, as in pprof's own flame graph. Children
 * are ordered by value (largest first), then by name, so the heaviest paths sit at the left.
 *
 * The terminal drawing is an icicle (root on the first row, callees below, like pprof's web flame
 * graph): each node gets the columns proportional to its value within its parent's columns
 * (rounded at both edges from running sums, so siblings tile their parent exactly), and nodes
 * narrower than one column are not drawn. With colour, frames are cells of a warm colour derived
 * from the function name (the same name always gets the same colour) with a one-column gap;
 * without colour (output not a terminal), each frame is drawn as "[name   ]" so boundaries stay
 * visible in plain text.
 */
import { createNodes, type Node as GraphNode, printableName } from "./graph.js";
import type { Report } from "./report.js";

export interface FlameNode {
  name: string;
  value: number;
  self: number;
  children: FlameNode[];
}

/** Children are found by a linear scan up to this many, then through a map (most nodes have 1–3). */
const SCAN_CHILDREN = 8;

/** The call tree of a prepared report (prepareReport with kind "flame"). */
export function flameTree(rpt: Report): FlameNode {
  const root: FlameNode = { name: "root", value: 0, self: 0, children: [] };
  const { locNodes } = createNodes(rpt.prof, { value: rpt.value, objNames: false });
  const names = new Map<GraphNode, string>();
  const index = new Map<FlameNode, Map<string, FlameNode>>();
  const all: FlameNode[] = [root];
  for (const s of rpt.prof.samples) {
    const w = rpt.value(s);
    if (w === 0) continue;
    root.value += w;
    let cur = root;
    for (let i = s.locations.length - 1; i >= 0; i--) {
      const ns = locNodes.get(s.locations[i]) ?? [];
      for (let j = ns.length - 1; j >= 0; j--) {
        const n = ns[j];
        if (n === undefined) continue;
        let name = names.get(n);
        if (name === undefined) {
          name = printableName(n.info);
          names.set(n, name);
        }
        const kids = cur.children;
        let child: FlameNode | undefined;
        if (kids.length <= SCAN_CHILDREN) {
          for (const k of kids) {
            if (k.name === name) {
              child = k;
              break;
            }
          }
        } else child = index.get(cur)?.get(name);
        if (child === undefined) {
          child = { name, value: 0, self: 0, children: [] };
          kids.push(child);
          all.push(child);
          if (kids.length === SCAN_CHILDREN + 1) index.set(cur, new Map(kids.map((k) => [k.name, k])));
          else if (kids.length > SCAN_CHILDREN + 1) index.get(cur)?.set(name, child);
        }
        child.value += w;
        cur = child;
      }
    }
    cur.self += w;
  }
  const byValue = (a: FlameNode, b: FlameNode) => b.value - a.value || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  for (const n of all) if (n.children.length > 1) n.children.sort(byValue);
  return root;
}

/** A frame placed on a row: columns [x0, x1). */
interface Cell {
  node: FlameNode;
  x0: number;
  x1: number;
}

/** Places the tree's nodes on rows of `width` columns (row 0 = root). */
export function layoutFlame(root: FlameNode, width: number): Cell[][] {
  const rows: Cell[][] = [];
  const place = (n: FlameNode, x0: number, x1: number, depth: number): void => {
    (rows[depth] ??= []).push({ node: n, x0, x1 });
    // with a -base profile subtracted, children can outweigh their parent: then they share its width
    let denom = n.value;
    let kids = 0;
    for (const c of n.children) if (c.value > 0) kids += c.value;
    if (kids > denom) denom = kids;
    if (denom <= 0) return;
    let acc = 0;
    for (const c of n.children) {
      if (c.value <= 0) continue;
      const a = x0 + Math.round((acc / denom) * (x1 - x0));
      acc += c.value;
      const b = x0 + Math.round((acc / denom) * (x1 - x0));
      if (b - a >= 1) place(c, a, b, depth + 1);
    }
  };
  if (root.value > 0) place(root, 0, width, 0);
  return rows;
}

/** The 256-colour palette index for a function name (warm colours: reds, oranges, yellows). */
export function flameColor(name: string): number {
  const palette = [160, 166, 172, 178, 184, 196, 202, 208, 214, 220, 209, 215, 203];
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return palette[(h >>> 0) % palette.length];
}

function fit(text: string, w: number): string {
  const chars = [...text];
  if (chars.length <= w) return text + " ".repeat(w - chars.length);
  if (w <= 1) return chars.slice(0, w).join("");
  return `${chars.slice(0, w - 1).join("")}…`;
}

export interface FlameTextOptions {
  width: number;
  color: boolean;
  /** header lines printed above the graph */
  header: string[];
  formatValue: (v: number) => string;
  /** the total that percentages are relative to */
  total: number;
}

/** Draws the flame graph for a terminal of o.width columns. */
export function renderFlameText(root: FlameNode, o: FlameTextOptions): string {
  const width = Math.max(10, o.width);
  // on a terminal every line fits its width (header lines are cut, not wrapped)
  const out = o.color ? o.header.map((h) => ([...h].length > width ? fit(h, width) : h)) : [...o.header];
  if (root.value <= 0) {
    out.push("No samples to draw.");
    return out.join("\n") + "\n";
  }
  const rootLabel = (n: FlameNode): string => (n === root ? `all ${o.formatValue(n.value)}` : n.name);
  for (const row of layoutFlame(root, width)) {
    let line = "";
    let x = 0;
    for (const c of row) {
      if (c.x0 > x) line += " ".repeat(c.x0 - x);
      const w = c.x1 - c.x0;
      const name = rootLabel(c.node);
      if (o.color) {
        const body = w >= 2 ? fit(` ${name}`, w - 1) : "";
        line += `\x1b[38;5;16;48;5;${flameColor(c.node.name)}m${w >= 2 ? body : " "}\x1b[0m${w >= 2 ? " " : ""}`;
      } else if (w === 1) line += "|";
      else line += `[${fit(name, w - 2)}]`;
      x = c.x1;
    }
    out.push(line.replace(/ +$/, ""));
  }
  return out.join("\n") + "\n";
}
