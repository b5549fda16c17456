/**
 * Text reports of `gort pprof`: -top, -tree, -peek, -traces, -tags, -list, with the header lines,
 * trimming, unit selection and column layout of `go tool pprof` (Go 1.19's vendored pprof), so that
 * the same profile gives the same report under both tools.
 *
 * Pipeline (pprof's driver order):
 *   copy the profile → apply the command's defaults (node count, trimming, granularity) →
 *   pick the sample index → total = Σ|value| over all samples (before filters, so percentages
 *   stay relative to the whole profile; with --diff_base, over the base's samples) →
 *   focus/ignore/hide/show → aggregate to the granularity → build the graph and print.
 *
 * Trimming (top, tree): nodes whose |cum| is below nodeFraction (0.5 %) of the total are
 * dropped and the graph is rebuilt without them ("Dropped N nodes (cum <= X)"); then, when a node
 * count is set, only the first N nodes in sort order are kept ("Showing top N nodes out of M").
 * -top has no node limit by default; -peek and -list do not trim at all.
 *
 * Units: with the default unit "minimum", the report picks one unit for all its numbers from the
 * smallest non-zero node value (scaled ×100 when the total needs a larger unit), so "0.49s" and
 * "3.89s" print in seconds together; -traces, -tags and -list scale each number on its own.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { type Graph, type Node, newGraph, printableName, sortByFile, sortByName, sortedEdges, sortNodes, createNodes } from "./graph.js";
import { cloneProfile, isDiffBaseSample, type Profile, ProfileError, type Sample } from "./profile.js";
import { rawText } from "./raw.js";
import { goRegExp } from "./regexp.js";
import { tabwriterFormat } from "./tabwriter.js";
import { aggregate, compileTagFilter, filterSamplesByName, filterSamplesByTag, filterTagsByName, type Granularity, numLabelUnits, pruneFrom, sampleIndex, showFrom } from "./transform.js";
import { zoneAbbreviation } from "./tzabbr.js";
import { formatFixed, label, percentage, scale, scaledLabel } from "./units.js";

export type ReportKind = "top" | "tree" | "peek" | "traces" | "tags" | "list" | "raw";

/** What a report shows; the defaults are go tool pprof's. */
export interface ReportOptions {
  kind: ReportKind;
  /** the regexp of -peek and -list */
  symbol?: RegExp;
  /** sample type name or index ("" = the profile's default) */
  sampleIndex: string;
  /** output unit ("minimum" = chosen from the values) */
  unit: string;
  /** maximum nodes shown (-1 = the command's default: unlimited for top) */
  nodeCount: number;
  nodeFraction: number;
  edgeFraction: number;
  /** sort by cumulative instead of flat value */
  cum: boolean;
  focus: string;
  ignore: string;
  hide: string;
  show: string;
  /** -show_from: drop callers above the outermost frame matching it; -prune_from: drop callees below the innermost match */
  showFrom: string;
  pruneFrom: string;
  /** -noinlines: attribute inlined frames to the function they were inlined into */
  noInlines: boolean;
  /** label filters: -tagfocus, -tagignore ([key=]regexps or numeric ranges), -tagshow, -taghide (key regexps) */
  tagfocus: string;
  tagignore: string;
  tagshow: string;
  taghide: string;
  /** granularity of top/tree/peek (list always uses lines) */
  granularity: Granularity;
  /** headers without the profile's own lines (File, Type, Time, Duration), as in pprof's interactive mode */
  compactLabels: boolean;
  /** where -list looks for source files (default: the current directory) */
  sourcePath: string;
  trimPath: string;
  cwd: string;
}

export function defaultReportOptions(kind: ReportKind, cwd: string): ReportOptions {
  return {
    kind,
    sampleIndex: "",
    unit: "minimum",
    nodeCount: -1,
    nodeFraction: 0.005,
    edgeFraction: 0.001,
    cum: false,
    focus: "",
    ignore: "",
    hide: "",
    show: "",
    showFrom: "",
    pruneFrom: "",
    noInlines: false,
    tagfocus: "",
    tagignore: "",
    tagshow: "",
    taghide: "",
    granularity: "functions",
    compactLabels: false,
    sourcePath: "",
    trimPath: "",
    cwd,
  };
}

/** A report's text and the warnings pprof would print on stderr. */
export interface ReportResult {
  text: string;
  warnings: string[];
}

function compileRegexp(name: string, src: string): RegExp | undefined {
  if (src === "") return undefined;
  try {
    return goRegExp(src);
  } catch (e) {
    throw new ProfileError(`parsing ${name} regexp: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * A profile prepared for one report: the chosen sample value, its type and unit, the total and
 * the value formatter.
 */
export class Report {
  readonly prof: Profile;
  readonly o: ReportOptions;
  readonly valueIndex: number;
  readonly sampleType: string;
  readonly sampleUnit: string;
  readonly total: number;
  /** unit numbers are printed in ("minimum" until a report selects one) */
  outputUnit: string;
  readonly filters: string[] = [];
  readonly warnings: string[] = [];

  constructor(p: Profile, o: ReportOptions) {
    this.prof = p;
    this.o = o;
    this.valueIndex = sampleIndex(p, o.sampleIndex);
    const st = p.sampleTypes[this.valueIndex];
    this.sampleType = st.type;
    this.sampleUnit = st.unit;
    this.outputUnit = o.unit;
    for (const [k, v] of [
      ["focus", o.focus],
      ["ignore", o.ignore],
      ["hide", o.hide],
      ["show", o.show],
      ["show_from", o.showFrom],
      ["tagfocus", o.tagfocus],
      ["tagignore", o.tagignore],
      ["tagshow", o.tagshow],
      ["taghide", o.taghide],
    ] as const) {
      if (v !== "") this.filters.push(`${k}=${v}`);
    }
    this.total = computeTotal(p, this.value);
  }

  readonly value = (s: Sample): number => s.values[this.valueIndex];

  formatValue(v: number): string {
    return scaledLabel(v, this.sampleUnit, this.outputUnit);
  }

  graph(kept?: Set<string>, objNames = false): Graph {
    return newGraph(this.prof, { value: this.value, objNames, kept });
  }
}

/** Σ|value| over the samples, or over the --diff_base samples when there are any. */
function computeTotal(p: Profile, value: (s: Sample) => number): number {
  let total = 0;
  let diffTotal = 0;
  for (const s of p.samples) {
    const v = Math.abs(value(s));
    total += v;
    if (isDiffBaseSample(s)) diffTotal += v;
  }
  return diffTotal > 0 ? diffTotal : total;
}

/**
 * Copies p0 and prepares it for a report of kind o0.kind: the command's defaults, the sample
 * index and total, the filters, the aggregation. "flame" (flame graphs) is prepared like -traces:
 * no trimming, function granularity.
 */
export function prepareReport(p0: Profile, o0: ReportOptions | (Omit<ReportOptions, "kind"> & { kind: "flame" })): Report {
  const o = { ...o0 } as ReportOptions;
  let trim = true;
  let granularity = o.granularity;
  switch (o0.kind) {
    case "peek":
    case "flame":
      trim = false;
      break;
    case "list":
      trim = false;
      granularity = "lines";
      break;
    case "raw":
      trim = false;
      granularity = "addresses";
      break;
    case "top":
      if (o.nodeCount === -1) o.nodeCount = 0;
      break;
    default:
      if (o.nodeCount === -1) o.nodeCount = 80;
  }
  if (!trim) {
    o.nodeCount = 0;
    o.nodeFraction = 0;
    o.edgeFraction = 0;
  }
  const p = cloneProfile(p0);
  const units = numLabelUnits(p);
  const rpt = new Report(p, o);
  const focus = compileRegexp("focus", o.focus);
  const ignore = compileRegexp("ignore", o.ignore);
  const hide = compileRegexp("hide", o.hide);
  const show = compileRegexp("show", o.show);
  const warn = (s: string) => rpt.warnings.push(s);
  const tagfocus = compileTagFilter("tagfocus", o.tagfocus, units, warn);
  const tagignore = compileTagFilter("tagignore", o.tagignore, units, warn);
  const m = filterSamplesByName(p, focus, ignore, hide, show);
  if (focus !== undefined && !m.focus) warn("Focus expression matched no samples");
  if (ignore !== undefined && !m.ignore) warn("Ignore expression matched no samples");
  if (hide !== undefined && !m.hide) warn("Hide expression matched no samples");
  if (show !== undefined && !m.show) warn("Show expression matched no samples");
  const sf = compileRegexp("show_from", o.showFrom);
  const pf = compileRegexp("prune_from", o.pruneFrom);
  if (sf !== undefined && !showFrom(p, sf)) warn("ShowFrom expression matched no samples");
  const tm = filterSamplesByTag(p, tagfocus, tagignore);
  if (tagfocus !== undefined && !tm.focus) warn("TagFocus expression matched no samples");
  if (tagignore !== undefined && !tm.ignore) warn("TagIgnore expression matched no samples");
  const tagshow = compileRegexp("tagshow", o.tagshow);
  const taghide = compileRegexp("taghide", o.taghide);
  const tn = filterTagsByName(p, tagshow, taghide);
  if (tagshow !== undefined && !tn.show) warn("TagShow expression matched no samples");
  if (taghide !== undefined && !tn.hide) warn("TagHide expression matched no samples");
  if (pf !== undefined) pruneFrom(p, pf);
  // trimPath of "/proc/self/cwd" prefixes, as pprof does for every report
  if (o0.kind !== "raw") for (const f of p.functions) f.filename = trimSourcePath(f.filename, o.trimPath, "");
  aggregate(p, granularity, !o.noInlines);
  return rpt;
}

/** The profile's header lines (File, Type, Time, Duration) for options o, as a report prints them. */
export function profileHeader(p: Profile, o: ReportOptions): string[] {
  return profileLabels(new Report(p, o));
}

/** Generates a text report of profile p (which is not modified). */
export function generateReport(p0: Profile, o0: ReportOptions): ReportResult {
  const rpt = prepareReport(p0, o0);
  const o = rpt.o;
  let text: string;
  switch (o.kind) {
    case "top":
      text = printText(rpt);
      break;
    case "tree":
    case "peek":
      text = printTree(rpt);
      break;
    case "traces":
      text = printTraces(rpt);
      break;
    case "tags":
      text = printTags(rpt);
      break;
    case "list":
      text = printSource(rpt);
      break;
    case "raw":
      text = rawText(rpt.prof);
      break;
  }
  return { text, warnings: rpt.warnings };
}

/** The trimmed graph of top/tree: [graph, nodes before the node limit, nodes dropped as insignificant]. */
export function trimmedGraph(rpt: Report): [Graph, number, number] {
  const o = rpt.o;
  let g = rpt.graph();
  const total = g.nodes.reduce((a, n) => a + n.flat, 0);
  const nodeCutoff = Math.abs(Math.trunc(total * o.nodeFraction));
  let dropped = 0;
  if (nodeCutoff > 0) {
    const kept = new Set(g.nodes.filter((n) => Math.abs(n.cum) >= nodeCutoff).map((n) => n.key));
    if (kept.size !== g.nodes.length) {
      dropped = g.nodes.length - kept.size;
      g = rpt.graph(kept);
    }
  }
  const origCount = g.nodes.length;
  sortNodes(g.nodes, o.cum);
  if (o.nodeCount > 0 && o.nodeCount < g.nodes.length) {
    const kept = new Set(g.nodes.slice(0, o.nodeCount).map((n) => n.key));
    g = rpt.graph(kept);
    sortNodes(g.nodes, o.cum);
  }
  return [g, origCount, dropped];
}

/** With unit "minimum", picks the unit for the report's numbers from its smallest value. */
function selectOutputUnit(rpt: Report, g: Graph): void {
  if (rpt.outputUnit !== "minimum" || g.nodes.length === 0) return;
  let minValue = 0;
  for (const n of g.nodes) {
    let v = Math.abs(n.flat);
    if (v === 0) v = Math.abs(n.cum);
    if (v > 0 && (minValue === 0 || v < minValue)) minValue = v;
  }
  const maxValue = rpt.total;
  if (minValue === 0) minValue = maxValue;
  const [, minUnit] = scale(minValue, rpt.sampleUnit, "minimum");
  const [, maxUnit] = scale(maxValue, rpt.sampleUnit, "minimum");
  let unit = minUnit;
  if (minUnit !== maxUnit && minValue * 100 < maxValue) [, unit] = scale(100 * minValue, rpt.sampleUnit, "minimum");
  rpt.outputUnit = unit !== "" ? unit : rpt.sampleUnit;
}

function pad(s: string, w: number): string {
  return s.padStart(w);
}

function base(p: string): string {
  return path.basename(p);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A time as Go's "Jan 2, 2006 at 3:04pm (MST)" in the local time zone. */
export function formatProfileTime(unixNanos: bigint): string {
  const d = new Date(Number(unixNanos / 1000000n));
  const h = d.getHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  const zone = zoneAbbreviation(Math.floor(d.getTime() / 1000));
  return `${MONTHS[d.getMonth()]} ${d.getDate()}, ${d.getFullYear()} at ${h12}:${String(d.getMinutes()).padStart(2, "0")}${h < 12 ? "am" : "pm"} (${zone})`;
}

/** The profile's header lines: File, Build ID, comments, Type, Time, Duration. */
export function profileLabels(rpt: Report): string[] {
  const p = rpt.prof;
  const out: string[] = [];
  if (p.mappings.length > 0) {
    if (p.mappings[0].file !== "") out.push(`File: ${base(p.mappings[0].file)}`);
    if (p.mappings[0].buildId !== "") out.push(`Build ID: ${p.mappings[0].buildId}`);
  }
  for (const c of p.comments) if (!c.startsWith("#")) out.push(c);
  if (rpt.sampleType !== "") out.push(`Type: ${rpt.sampleType}`);
  if (p.timeNanos !== 0n) out.push(`Time: ${formatProfileTime(p.timeNanos)}`);
  if (p.durationNanos !== 0) {
    const [totalNanos, totalUnit] = scale(rpt.total, rpt.sampleUnit, "nanoseconds");
    const ratio = totalUnit === "ns" && totalNanos !== 0 ? `(${percentage(Math.trunc(totalNanos), p.durationNanos)})` : "";
    out.push(`Duration: ${label(p.durationNanos, "nanoseconds")}, Total samples = ${rpt.formatValue(rpt.total)} ${ratio}`);
  }
  return out;
}

/** The header of a graph report: profile labels, active filters, what is shown and dropped. */
function reportLabels(rpt: Report, g: Graph, origCount: number, droppedNodes: number): string[] {
  const out = rpt.o.compactLabels ? [] : profileLabels(rpt);
  const flatSum = g.nodes.reduce((a, n) => a + n.flat, 0);
  if (rpt.filters.length > 0) {
    out.push("Active filters:");
    for (const f of rpt.filters) out.push(`   ${[...f].length > 80 ? `${[...f].slice(0, 80).join("")}…` : f}`);
  }
  out.push(`Showing nodes accounting for ${rpt.formatValue(flatSum)}, ${percentage(flatSum, rpt.total).trim()} of ${rpt.formatValue(rpt.total)} total`);
  if (rpt.total !== 0) {
    if (droppedNodes > 0) {
      out.push(`Dropped ${droppedNodes} node${droppedNodes > 1 ? "s" : ""} (cum <= ${rpt.formatValue(Math.abs(Math.trunc(rpt.total * rpt.o.nodeFraction)))})`);
    }
    const nodeCount = g.nodes.length;
    if (nodeCount > 0 && nodeCount < origCount) out.push(`Showing top ${nodeCount} nodes out of ${origCount}`);
  }
  return out;
}

/** One row of -top. */
export interface TextItem {
  name: string;
  /** "", "(inline)" or "(partial-inline)" */
  inline: string;
  flat: number;
  cum: number;
}

/** The rows and header lines of -top. */
export function textItems(rpt: Report): [TextItem[], string[]] {
  const [g, origCount, dropped] = trimmedGraph(rpt);
  selectOutputUnit(rpt, g);
  const labels = reportLabels(rpt, g, origCount, dropped);
  const items = g.nodes.map((n) => {
    let inl = false;
    let notInl = false;
    for (const e of n.in.values()) {
      if (e.inline) inl = true;
      else notInl = true;
    }
    return { name: printableName(n.info), inline: inl ? (notInl ? "(partial-inline)" : "(inline)") : "", flat: n.flat, cum: n.cum };
  });
  return [items, labels];
}

function printText(rpt: Report): string {
  const [items, labels] = textItems(rpt);
  const out = [...labels, `${pad("flat", 10)} ${pad("flat", 5)}% ${pad("sum", 5)}% ${pad("cum", 10)} ${pad("cum", 5)}%`];
  let flatSum = 0;
  for (const it of items) {
    flatSum += it.flat;
    out.push(
      `${pad(rpt.formatValue(it.flat), 10)} ${percentage(it.flat, rpt.total)} ${percentage(flatSum, rpt.total)} ${pad(rpt.formatValue(it.cum), 10)} ${percentage(it.cum, rpt.total)}  ${it.name}${it.inline !== "" ? ` ${it.inline}` : ""}`,
    );
  }
  return out.join("\n") + "\n";
}

function printTree(rpt: Report): string {
  const separator = "----------------------------------------------------------+-------------";
  const legend = "      flat  flat%   sum%        cum   cum%   calls calls% + context \t \t ";
  const [g, origCount, dropped] = trimmedGraph(rpt);
  selectOutputUnit(rpt, g);
  const out = [...reportLabels(rpt, g, origCount, dropped), separator, legend];
  const rx = rpt.o.kind === "peek" ? rpt.o.symbol : undefined;
  let flatSum = 0;
  let matched = 0;
  for (const n of g.nodes) {
    const name = printableName(n.info);
    if (rx !== undefined && !rx.test(name)) continue;
    matched++;
    out.push(separator);
    for (const e of sortedEdges(n.in)) {
      out.push(`${pad(rpt.formatValue(e.weight), 50)} ${percentage(e.weight, n.cum)} |   ${printableName(e.src.info)}${e.inline ? " (inline)" : ""}`);
    }
    flatSum += n.flat;
    out.push(
      `${pad(rpt.formatValue(n.flat), 10)} ${percentage(n.flat, rpt.total)} ${percentage(flatSum, rpt.total)} ${pad(rpt.formatValue(n.cum), 10)} ${percentage(n.cum, rpt.total)}                | ${name}`,
    );
    for (const e of sortedEdges(n.out)) {
      out.push(`${pad(rpt.formatValue(e.weight), 50)} ${percentage(e.weight, n.cum)} |   ${printableName(e.dest.info)}${e.inline ? " (inline)" : ""}`);
    }
  }
  if (g.nodes.length > 0) out.push(separator);
  const text = out.join("\n") + "\n";
  if (rx !== undefined && matched === 0) throw new ProfileError(`no matches found for regexp: ${rx.source}`);
  return text;
}

function printTraces(rpt: Report): string {
  const out = [...profileLabels(rpt)];
  const separator = "-----------+-------------------------------------------------------";
  const { locNodes } = createNodes(rpt.prof, { value: rpt.value, objNames: false });
  const units = numLabelUnits(rpt.prof);
  for (const s of rpt.prof.samples) {
    const stack: [Node, boolean][] = [];
    for (const l of s.locations) {
      const ns = locNodes.get(l) ?? [];
      ns.forEach((n, i) => {
        if (n !== undefined) stack.push([n, i !== ns.length - 1]);
      });
    }
    if (stack.length === 0) continue;
    out.push(separator);
    const labels = [...s.labels].map(([k, vs]) => `${pad(k, 10)}:  ${vs.join(" ")}`).sort();
    out.push(...labels);
    const nums = [...s.numLabels].map(([k, vs]) => `${pad(k, 10)}:  ${vs.map((v) => label(v, units.get(k) ?? k)).join(" ")}`).sort();
    out.push(...nums);
    const v = rpt.value(s);
    stack.forEach(([n, inline], i) => {
      out.push(`${pad(i === 0 ? rpt.formatValue(v) : "", 10)}   ${printableName(n.info)}${inline ? " (inline)" : ""}`);
    });
  }
  out.push(separator);
  return out.join("\n") + "\n";
}

function cmpTag(a: [string, number], b: [string, number]): number {
  if (a[1] !== b[1] && Math.abs(a[1]) !== Math.abs(b[1])) return Math.abs(b[1]) - Math.abs(a[1]);
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

function printTags(rpt: Report): string {
  const p = rpt.prof;
  const units = numLabelUnits(p);
  const tagMap = new Map<string, Map<string, number>>();
  const add = (key: string, val: string, v: number): void => {
    let m = tagMap.get(key);
    if (m === undefined) {
      m = new Map();
      tagMap.set(key, m);
    }
    m.set(val, (m.get(val) ?? 0) + v);
  };
  for (const s of p.samples) {
    for (const [k, vs] of s.labels) for (const val of vs) add(k, val, rpt.value(s));
    for (const [k, vs] of s.numLabels) for (const nv of vs) add(k, scaledLabel(nv, units.get(k) ?? k, rpt.outputUnit), rpt.value(s));
  }
  let text = "";
  for (const key of [...tagMap.keys()].sort()) {
    const tags = [...(tagMap.get(key) ?? new Map<string, number>())];
    const total = tags.reduce((a, [, c]) => a + c, 0);
    const [f, u] = scale(total, rpt.sampleUnit, rpt.outputUnit);
    text += `${key}:\t Total ${formatFixed(f, 1)}${u}\n`;
    for (const [name, c] of tags.sort(cmpTag)) {
      const [tf, tu] = scale(c, rpt.sampleUnit, rpt.outputUnit);
      text += total > 0 ? ` \t${formatFixed(tf, 1)}${tu} (${percentage(c, total)}):\t ${name}\n` : ` \t${formatFixed(tf, 1)}${tu}:\t ${name}\n`;
    }
    text += "\n";
  }
  return tabwriterFormat(text, { minWidth: 0, padding: 1, padChar: " ", alignRight: true });
}

/** pprof's source-path clean-up: strip a configured prefix, a guessed one (the last element of a search path), or /proc/self/cwd. */
export function trimSourcePath(p: string, trim: string, searchPath: string): string {
  if (trim === "") {
    for (const dir of searchPath.split(path.delimiter).filter((d) => d !== "")) {
      const want = `/${path.basename(dir)}/`;
      const i = p.indexOf(want);
      if (i !== -1) return p.slice(i + want.length);
    }
  }
  const prefixes = [...trim.split(path.delimiter).filter((d) => d !== ""), "/proc/self/cwd/./", "/proc/self/cwd/"];
  for (let t of prefixes) {
    if (!t.endsWith("/")) t += "/";
    if (p.startsWith(t)) return p.slice(t.length);
  }
  return p;
}

/** Reads source files for -list, caching their lines and the errors opening them. */
class SourceReader {
  private files = new Map<string, string[]>();
  readonly errors = new Map<string, string>();
  constructor(
    private searchPath: string,
    private trimPath: string,
  ) {}

  private open(file: string): string {
    const p = trimSourcePath(file, this.trimPath, this.searchPath);
    if (path.isAbsolute(p)) {
      try {
        return fs.readFileSync(p, "utf8");
      } catch {
        throw new Error(`open ${p}: no such file or directory`);
      }
    }
    for (let dir of this.searchPath.split(path.delimiter)) {
      for (;;) {
        try {
          return fs.readFileSync(path.join(dir, p), "utf8");
        } catch {
          // try the parent directory
        }
        const parent = path.dirname(dir);
        if (parent === dir) break;
        dir = parent;
      }
    }
    throw new Error(`could not find file ${p} on path ${this.searchPath}`);
  }

  /** Line n (1-based) of file, or undefined past its end or when it cannot be read. */
  line(file: string, n: number): string | undefined {
    let lines = this.files.get(file);
    if (lines === undefined) {
      lines = [""];
      try {
        const text = this.open(file);
        const parts = text.split("\n");
        if (parts[parts.length - 1] === "") parts.pop();
        for (const l of parts) lines.push(l.endsWith("\r") ? l.slice(0, -1) : l);
      } catch (e) {
        this.errors.set(file, e instanceof Error ? e.message : String(e));
      }
      this.files.set(file, lines);
    }
    return n <= 0 || n >= lines.length ? undefined : lines[n];
  }
}

function sumNodes(ns: Node[]): [number, number] {
  let f = 0;
  let c = 0;
  for (const n of ns) {
    f += n.flat;
    c += n.cum;
  }
  return [f, c];
}

function printSource(rpt: Report): string {
  const rx = rpt.o.symbol;
  if (rx === undefined) throw new ProfileError("-list needs a regexp");
  const g = rpt.graph(undefined, true);
  const functions: Node[] = [];
  const byFunc = new Map<string, Node[]>();
  for (const n of g.nodes) {
    if (!rx.test(n.info.name)) continue;
    let list = byFunc.get(n.info.name);
    if (list === undefined) {
      list = [];
      byFunc.set(n.info.name, list);
      functions.push(n);
    }
    list.push(n);
  }
  sortByName(functions);
  if (byFunc.size === 0) throw new ProfileError(`no matches found for regexp: ${rx.source}`);
  const reader = new SourceReader(rpt.o.sourcePath !== "" ? rpt.o.sourcePath : rpt.o.cwd, rpt.o.trimPath);
  const valueOrDot = (v: number): string => (v === 0 ? "." : rpt.formatValue(v));
  const out = [`Total: ${rpt.formatValue(rpt.total)}`];
  for (const fn of functions) {
    const name = fn.info.name;
    const files: Node[] = [];
    const byFile = new Map<string, Node[]>();
    for (const n of byFunc.get(name) ?? []) {
      if (n.info.file === "") continue;
      let list = byFile.get(n.info.file);
      if (list === undefined) {
        list = [];
        byFile.set(n.info.file, list);
        files.push(n);
      }
      list.push(n);
    }
    if (files.length === 0) {
      out.push(`No source information for ${name}`);
      continue;
    }
    sortByFile(files);
    for (const fl of files) {
      const file = fl.info.file;
      const fns = byFile.get(file) ?? [];
      const [flatSum, cumSum] = sumNodes(fns);
      out.push(`ROUTINE ======================== ${name} in ${file}`);
      out.push(`${pad(rpt.formatValue(flatSum), 10)} ${pad(rpt.formatValue(cumSum), 10)} (flat, cum) ${percentage(cumSum, rpt.total)} of Total`);
      // the lines shown: 5 around every sampled line (from the function's first line if known)
      const margin = 5;
      let start = fns[0].info.startLine !== 0 ? fns[0].info.startLine : fns[0].info.lineno - margin;
      let end = fns[0].info.lineno + margin;
      const byLine = new Map<number, Node[]>();
      for (const n of fns) {
        const ns = n.info.startLine !== 0 ? n.info.startLine : n.info.lineno - margin;
        const ne = n.info.lineno + margin;
        if (ns < start) start = ns;
        else if (ne > end) end = ne;
        byLine.set(n.info.lineno, [...(byLine.get(n.info.lineno) ?? []), n]);
      }
      if (start < 1) start = 1;
      const rows: string[] = [];
      for (let ln = start; ln <= end; ln++) {
        const text = reader.line(file, ln);
        if (text === undefined) break;
        const [f, c] = sumNodes(byLine.get(ln) ?? []);
        rows.push(`${pad(valueOrDot(f), 10)} ${pad(valueOrDot(c), 10)} ${pad(String(ln), 6)}:${text}`);
      }
      const err = reader.errors.get(file);
      if (err !== undefined) {
        out.push(` Error: ${err}`);
        continue;
      }
      out.push(...rows);
    }
  }
  return out.join("\n") + "\n";
}
