/**
 * The call graph behind pprof's text reports (-top, -tree, -peek, -list).
 *
 * A node is one distinct NodeInfo (function name, and file/line/address when the granularity
 * keeps them; the profile's aggregation pass has already zeroed what it drops), so all frames of a
 * function merge into one node at function granularity. Each location contributes one node per
 * line (inlined frames innermost first). For every sample with a non-zero value w:
 *   - every distinct node on the stack gets cum += w once (recursion does not count twice);
 *   - every distinct caller→callee pair gets an edge weight += w once; an edge that skips nodes
 *     outside the kept set is "residual", one between frames of the same location is "inline";
 *   - the leaf node gets flat += w (unless the leaf itself was cut away).
 * Nodes with flat = cum = 0 are left out. This is pprof's algorithm (internal/graph in the pprof
 * sources vendored with Go); the sort orders and tie-breaks below are pprof's too, because the
 * row order of -top is compared with pprof's output.
 */
import type { Location, Profile, Sample } from "./profile.js";

/** What identifies a node. */
export interface NodeInfo {
  name: string;
  address: bigint;
  file: string;
  startLine: number;
  lineno: number;
  objfile: string;
}

export interface Edge {
  src: Node;
  dest: Node;
  weight: number;
  residual: boolean;
  inline: boolean;
  /** @internal the last sample (newGraph's counter) that added to this edge */
  stamp: number;
}

export class Node {
  flat = 0;
  cum = 0;
  /** @internal the last sample (newGraph's counter) that added to cum */
  stamp = -1;
  readonly in = new Map<Node, Edge>();
  readonly out = new Map<Node, Edge>();
  constructor(
    readonly info: NodeInfo,
    readonly key: string,
  ) {}

  /** Adds w to the edge this → to, creating it. */
  addToEdge(to: Node, w: number, residual: boolean, inline: boolean, stamp = -1): void {
    const e = this.out.get(to);
    if (e !== undefined) {
      e.weight += w;
      if (residual) e.residual = true;
      if (!inline) e.inline = false;
      e.stamp = stamp;
      return;
    }
    const ne: Edge = { src: this, dest: to, weight: w, residual, inline, stamp };
    this.out.set(to, ne);
    to.in.set(this, ne);
  }
}

export function infoKey(i: NodeInfo): string {
  // the order and spacing of Go's fmt.Sprint of the struct, used as the last tie-break
  return `{${i.name}  ${i.address} ${i.file} ${i.startLine} ${i.lineno} ${i.objfile}}`;
}

function basename(p: string): string {
  const i = p.lastIndexOf("/");
  return i < 0 ? p : p.slice(i + 1);
}

/** Cleans a path as Go's filepath.Clean does (a/./b/../c → a/c). */
export function cleanPath(p: string): string {
  if (p === "") return ".";
  const rooted = p.startsWith("/");
  const out: string[] = [];
  for (const part of p.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!rooted) out.push("..");
      continue;
    }
    out.push(part);
  }
  const s = out.join("/");
  return rooted ? `/${s}` : s === "" ? "." : s;
}

/** The parts of a node's name: address, function, file:line or file, binary. */
export function nameComponents(i: NodeInfo): string[] {
  const name: string[] = [];
  if (i.address !== 0n) name.push(i.address.toString(16).padStart(16, "0"));
  if (i.name !== "") name.push(i.name);
  if (i.lineno !== 0) name.push(`${i.file}:${i.lineno}`);
  else if (i.file !== "") name.push(i.file);
  else if (i.name !== "") {
    // the function name is already there
  } else if (i.objfile !== "") name.push(`[${basename(i.objfile)}]`);
  else name.push("<unknown>");
  return name;
}

export function printableName(i: NodeInfo): string {
  return nameComponents(i).join(" ");
}

export interface GraphOptions {
  /** the value of a sample that the graph adds up */
  value: (s: Sample) => number;
  /** keep the object file's name in every node (source and address reports) */
  objNames: boolean;
  /** when set, only nodes whose key is in the set are built */
  kept?: Set<string>;
}

export interface Graph {
  nodes: Node[];
}

function nodeInfo(l: Location, li: number, o: GraphOptions): NodeInfo {
  const objfile = l.mapping !== undefined && l.mapping.file !== "" ? l.mapping.file : "";
  const line = l.lines.length > 0 ? l.lines[li] : { fn: undefined, line: 0 };
  if (line.fn === undefined) return { name: "", address: l.address, file: "", startLine: 0, lineno: 0, objfile };
  const info: NodeInfo = {
    name: line.fn.name,
    address: l.address,
    file: line.fn.filename !== "" ? cleanPath(line.fn.filename) : "",
    startLine: 0,
    lineno: line.line,
    objfile: "",
  };
  if (o.objNames || info.name === "") {
    info.objfile = objfile;
    info.startLine = line.fn.startLine;
  }
  return info;
}

/**
 * One node per distinct NodeInfo of the profile's locations; `locNodes` maps each location to its
 * nodes (one per line, innermost first; undefined where the node is not in o.kept).
 */
export function createNodes(p: Profile, o: GraphOptions): { nodes: Map<string, Node>; locNodes: Map<Location, (Node | undefined)[]> } {
  const nodes = new Map<string, Node>();
  const locNodes = new Map<Location, (Node | undefined)[]>();
  for (const l of p.locations) {
    const n = Math.max(1, l.lines.length);
    const arr: (Node | undefined)[] = [];
    for (let i = 0; i < n; i++) {
      const info = nodeInfo(l, i, o);
      const key = infoKey(info);
      if (o.kept !== undefined && !o.kept.has(key)) {
        arr.push(undefined);
        continue;
      }
      let node = nodes.get(key);
      if (node === undefined) {
        node = new Node(info, key);
        nodes.set(key, node);
      }
      arr.push(node);
    }
    locNodes.set(l, arr);
  }
  return { nodes, locNodes };
}

/** Builds the call graph of p's samples. */
export function newGraph(p: Profile, o: GraphOptions): Graph {
  const { nodes, locNodes } = createNodes(p, o);
  // a node or edge already counted for the current sample carries its number (recursion)
  let stamp = 0;
  for (const s of p.samples) {
    const w = o.value(s);
    if (w === 0) continue;
    stamp++;
    let parent: Node | undefined;
    let residual = false;
    for (let i = s.locations.length - 1; i >= 0; i--) {
      const ln = locNodes.get(s.locations[i]) ?? [];
      for (let ni = ln.length - 1; ni >= 0; ni--) {
        const n = ln[ni];
        if (n === undefined) {
          residual = true;
          continue;
        }
        if (n.stamp !== stamp) {
          n.stamp = stamp;
          n.cum += w;
        }
        if (parent !== undefined && n !== parent && parent.out.get(n)?.stamp !== stamp) {
          parent.addToEdge(n, w, residual, ni !== ln.length - 1, stamp);
        }
        parent = n;
        residual = false;
      }
    }
    if (parent !== undefined && !residual) parent.flat += w;
  }
  const out: Node[] = [];
  for (const n of nodes.values()) if (n.cum !== 0 || n.flat !== 0) out.push(n);
  return { nodes: out };
}

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** pprof's flat order: |flat| desc, name, |cum| desc; or with cum: |cum| desc, name, |flat| desc. */
export function sortNodes(nodes: Node[], cum: boolean): void {
  const names = new Map<Node, string>();
  const name = (n: Node): string => {
    let s = names.get(n);
    if (s === undefined) {
      s = printableName(n.info);
      names.set(n, s);
    }
    return s;
  };
  nodes.sort((l, r) => {
    const [a1, b1, a2, b2] = cum ? [l.cum, r.cum, l.flat, r.flat] : [l.flat, r.flat, l.cum, r.cum];
    if (Math.abs(a1) !== Math.abs(b1)) return Math.abs(b1) - Math.abs(a1);
    const c = cmpStr(name(l), name(r));
    if (c !== 0) return c;
    if (Math.abs(a2) !== Math.abs(b2)) return Math.abs(b2) - Math.abs(a2);
    return cmpStr(l.key, r.key);
  });
}

/** Nodes sorted by function name (then identity). */
export function sortByName(nodes: Node[]): void {
  nodes.sort((l, r) => cmpStr(l.info.name, r.info.name) || cmpStr(l.key, r.key));
}

/** Nodes sorted by file, then start line (then identity). */
export function sortByFile(nodes: Node[]): void {
  nodes.sort((l, r) => cmpStr(l.info.file, r.info.file) || l.info.startLine - r.info.startLine || cmpStr(l.key, r.key));
}

/** A node's edges in pprof's order: |weight| desc, then source name, then destination name. */
export function sortedEdges(m: Map<Node, Edge>): Edge[] {
  const es = [...m.values()];
  es.sort((a, b) => {
    if (a.weight !== b.weight) return Math.abs(b.weight) - Math.abs(a.weight);
    return cmpStr(printableName(a.src.info), printableName(b.src.info)) || cmpStr(printableName(a.dest.info), printableName(b.dest.info));
  });
  return es;
}
