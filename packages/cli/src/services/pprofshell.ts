/**
 * `gort pprof PROFILE` without a report flag: pprof's interactive shell.
 *
 *   (pprof) top 20 -cum main      a report: top/text, tree, traces, tags, raw, flame, list RE,
 *                                 peek RE, html FILE; then a node count, -cum, focus regexps,
 *                                 -ignore regexps (tagfocus/tagignore for tags), >FILE
 *   (pprof) focus=main.work       sets an option for the following reports ("o" lists them)
 *   (pprof) alloc_space           a sample type's name selects it (sample_index=alloc_space)
 *   (pprof) :                     clears focus, ignore, hide, tagfocus and tagignore
 *   (pprof) help, o, q            help, options, quit (end of input quits too)
 *
 * As in pprof's shell, headers are compact (no File/Type/Time lines: they were printed once on
 * entry) and `top` shows 10 nodes unless a count is given. Errors print one line on stderr and the
 * shell goes on. The prompt goes to stdout even when input is not a terminal, as pprof does.
 */
import { type Granularity, type Profile, ProfileError, profileHeader, type ReportOptions, sampleIndex } from "@gort/pprof";
import { emitReport, type PprofIO, type ReportRequest } from "./pprof.js";

type Kind = ReportRequest["kind"];
const COMMANDS: Record<string, { kind: Kind; param: boolean; help: string }> = {
  top: { kind: "top", param: false, help: "Outputs top entries in text form" },
  text: { kind: "top", param: false, help: "Outputs top entries in text form" },
  tree: { kind: "tree", param: false, help: "Outputs a text rendering of call graph" },
  traces: { kind: "traces", param: false, help: "Outputs all profile samples in text form" },
  tags: { kind: "tags", param: false, help: "Outputs all tags in the profile" },
  raw: { kind: "raw", param: false, help: "Outputs a text representation of the raw profile" },
  list: { kind: "list", param: true, help: "Output annotated source for functions matching regexp" },
  peek: { kind: "peek", param: true, help: "Output callers/callees of functions matching regexp" },
  flame: { kind: "flame", param: false, help: "Draws a flame graph in the terminal" },
  html: { kind: "html", param: true, help: "Writes an interactive flame-graph page to the file given" },
};

const GRANULARITIES: Granularity[] = ["addresses", "filefunctions", "files", "functions", "lines"];

/** The shell's settings: report options plus where to write. */
interface Settings {
  o: ReportOptions;
  output: string;
}

const STRING_OPTIONS = ["focus", "ignore", "hide", "show", "show_from", "prune_from", "tagfocus", "tagignore", "tagshow", "taghide", "unit", "source_path", "trim_path", "output"] as const;
const OPTION_NAMES = new Set<string>([...STRING_OPTIONS, "sample_index", "nodecount", "nodefraction", "granularity", "sort", "cum", "flat", "noinlines", ...GRANULARITIES]);

/** The ReportOptions field of a string option (output is the shell's own). */
const FIELD: Record<(typeof STRING_OPTIONS)[number], string> = {
  focus: "focus",
  ignore: "ignore",
  hide: "hide",
  show: "show",
  show_from: "showFrom",
  prune_from: "pruneFrom",
  tagfocus: "tagfocus",
  tagignore: "tagignore",
  tagshow: "tagshow",
  taghide: "taghide",
  unit: "unit",
  source_path: "sourcePath",
  trim_path: "trimPath",
  output: "output",
};

/** Sets option name to value; returns an error message or "". */
function configure(st: Settings, p: Profile, name: string, value: string, bare: boolean): string {
  const o = st.o;
  if ((STRING_OPTIONS as readonly string[]).includes(name) || name === "sample_index" || name === "nodecount" || name === "nodefraction" || name === "granularity" || name === "sort") {
    if (bare) return `please specify a value, e.g. ${name}=<val>`;
  }
  switch (name) {
    case "sample_index": {
      try {
        o.sampleIndex = p.sampleTypes[sampleIndex(p, value)].type;
      } catch (e) {
        return e instanceof Error ? e.message : String(e);
      }
      return "";
    }
    case "nodecount":
      if (!/^[+-]?\d+$/.test(value)) return `strconv.Atoi: parsing "${value}": invalid syntax`;
      o.nodeCount = Number(value);
      return "";
    case "nodefraction":
      if (value.trim() === "" || Number.isNaN(Number(value))) return `strconv.ParseFloat: parsing "${value}": invalid syntax`;
      o.nodeFraction = Number(value);
      return "";
    case "granularity":
      if (!(GRANULARITIES as string[]).includes(value)) return `invalid "granularity" value "${value}"`;
      o.granularity = value as Granularity;
      return "";
    case "sort":
      if (value !== "cum" && value !== "flat") return `invalid "sort" value "${value}"`;
      o.cum = value === "cum";
      return "";
    case "cum":
    case "flat":
      o.cum = name === "cum";
      return "";
    case "noinlines":
      o.noInlines = bare || value === "true" || value === "1";
      return "";
    default:
      if ((GRANULARITIES as string[]).includes(name)) {
        o.granularity = name as Granularity;
        return "";
      }
      if (name === "output") st.output = value;
      else (o as unknown as Record<string, string>)[FIELD[name as (typeof STRING_OPTIONS)[number]]] = value;
      return "";
  }
}

function optionsText(st: Settings, p: Profile): string {
  const o = st.o;
  const rows: [string, string, string][] = [
    ["focus", JSON.stringify(o.focus), ""],
    ["granularity", o.granularity, GRANULARITIES.join(" | ")],
    ["hide", JSON.stringify(o.hide), ""],
    ["ignore", JSON.stringify(o.ignore), ""],
    ["nodecount", String(o.nodeCount), o.nodeCount === -1 ? "default" : ""],
    ["nodefraction", String(o.nodeFraction), ""],
    ["noinlines", String(o.noInlines), ""],
    ["output", JSON.stringify(st.output), ""],
    ["sample_index", o.sampleIndex !== "" ? o.sampleIndex : (p.sampleTypes[safeIndex(p)]?.type ?? ""), p.sampleTypes.map((t) => t.type).join(" | ")],
    ["prune_from", JSON.stringify(o.pruneFrom), ""],
    ["show", JSON.stringify(o.show), ""],
    ["show_from", JSON.stringify(o.showFrom), ""],
    ["sort", o.cum ? "cum" : "flat", "cum | flat"],
    ["source_path", JSON.stringify(o.sourcePath), ""],
    ["tagfocus", JSON.stringify(o.tagfocus), ""],
    ["taghide", JSON.stringify(o.taghide), ""],
    ["tagignore", JSON.stringify(o.tagignore), ""],
    ["tagshow", JSON.stringify(o.tagshow), ""],
    ["trim_path", JSON.stringify(o.trimPath), ""],
    ["unit", o.unit, ""],
  ];
  return rows.map(([n, v, c]) => `  ${n.padEnd(25)} = ${v.padEnd(20)} ${c !== "" ? `//: ${c}` : ""}`.trimEnd() + "\n").join("");
}

function safeIndex(p: Profile): number {
  try {
    return sampleIndex(p, "");
  } catch {
    return -1;
  }
}

function helpText(): string {
  const lines = ["  Commands:"];
  for (const [name, c] of Object.entries(COMMANDS)) lines.push(`    ${(c.param ? `${name} <arg>` : name).padEnd(16)} ${c.help}`);
  lines.push(`    ${"o/options".padEnd(16)} List options and their current values`);
  lines.push(`    ${"q/quit/exit/^D".padEnd(16)} Exit pprof`);
  lines.push("");
  lines.push("  Options (name=value): focus ignore hide show show_from prune_from tagfocus tagignore tagshow taghide");
  lines.push("    sample_index nodecount nodefraction unit granularity sort source_path trim_path output;");
  lines.push("    noinlines; cum/flat and functions/filefunctions/files/lines/addresses alone set sort and granularity;");
  lines.push("    a sample type's name selects it.");
  lines.push("");
  lines.push("  Command arguments: N (node count), -cum, regexps to focus on, -regexps to ignore, >file.");
  lines.push("  :   Clear focus/ignore/hide/tagfocus/tagignore");
  return lines.join("\n") + "\n";
}

/** Runs one report command line (tokens); returns an error message or "". */
function runCommand(st: Settings, p: Profile, tokens: string[], title: string, io: PprofIO): string {
  let name = tokens[0];
  let args = tokens.slice(1);
  let c = COMMANDS[name];
  if (c === undefined) {
    const m = /^(.*?)(\d+)$/.exec(name);
    if (m !== null && m[1] !== "" && COMMANDS[m[1]] !== undefined) {
      name = m[1];
      args = [m[2], ...args];
      c = COMMANDS[name];
    }
  }
  if (c === undefined) {
    if (OPTION_NAMES.has(name)) return `did you mean: ${name}=${args[0] ?? "<val>"}`;
    return `unrecognized command: "${name}"`;
  }
  let arg = "";
  if (c.param) {
    if (args.length === 0) return `command ${name} requires an argument`;
    arg = args[0];
    args = args.slice(1);
  }
  const o: ReportOptions = { ...st.o };
  let output = st.output;
  let focus = "";
  let ignore = "";
  const cat = (a: string, b: string) => (a !== "" && b !== "" ? `${a}|${b}` : a + b);
  for (let i = 0; i < args.length; i++) {
    const t = args[i];
    if (/^[+-]?\d+$/.test(t)) {
      o.nodeCount = Number(t);
      continue;
    }
    if (t.startsWith(">")) {
      output = t.slice(1);
      if (output === "") {
        if (++i >= args.length) return "unexpected end of line after >";
        output = args[i];
      }
    } else if (t === "-cum" || t === "--cum") o.cum = true;
    else if (t.startsWith("-")) ignore = cat(ignore, t.slice(1));
    else focus = cat(focus, t);
  }
  if (c.kind === "tags") {
    if (focus !== "") o.tagfocus = focus;
    if (ignore !== "") o.tagignore = ignore;
  } else {
    if (focus !== "") o.focus = focus;
    if (ignore !== "") o.ignore = ignore;
  }
  if (o.nodeCount === -1 && c.kind === "top") o.nodeCount = 10;
  try {
    emitReport(p, o, { kind: c.kind, arg, output, title }, io);
  } catch (e) {
    if (e instanceof ProfileError) return e.message;
    throw e;
  }
  return "";
}

/** The interactive shell over profile p; resolves to the exit status when input ends or on quit. */
export async function pprofShell(p: Profile, base: ReportOptions, title: string, io: PprofIO, lines: AsyncIterable<string>): Promise<number> {
  const st: Settings = { o: { ...base, compactLabels: true }, output: "" };
  try {
    const header = profileHeader(p, st.o);
    if (header.length > 0) io.stdout(`${header.join("\n")}\n`);
  } catch (e) {
    if (!(e instanceof ProfileError)) throw e;
  }
  io.stdout('Entering interactive mode (type "help" for commands, "o" for options)\n');
  const shortcuts = new Map<string, string[]>([[":", ["focus=", "ignore=", "hide=", "tagfocus=", "tagignore="]]]);
  for (const t of p.sampleTypes) shortcuts.set(t.type, [`sample_index=${t.type}`]);
  const it = lines[Symbol.asyncIterator]();
  for (;;) {
    io.stdout("(pprof) ");
    const next = await it.next();
    if (next.done === true) return 0;
    const line = next.value.trim();
    for (const input of shortcuts.get(line) ?? [line]) {
      const eq = input.indexOf("=");
      const name = (eq < 0 ? input : input.slice(0, eq)).trim();
      if (OPTION_NAMES.has(name) && (eq >= 0 || !COMMANDS[name])) {
        let value = eq < 0 ? "" : input.slice(eq + 1);
        const comment = value.lastIndexOf("//:");
        if (comment !== -1) value = value.slice(0, comment);
        const err = configure(st, p, name, value.trim(), eq < 0);
        if (err !== "") io.stderr(`${err}\n`);
        continue;
      }
      const tokens = input.split(/\s+/).filter((t) => t !== "");
      if (tokens.length === 0) continue;
      switch (tokens[0]) {
        case "o":
        case "options":
          io.stdout(optionsText(st, p));
          continue;
        case "exit":
        case "quit":
        case "q":
          return 0;
        case "help":
          io.stdout(helpText());
          continue;
      }
      const err = runCommand(st, p, tokens, title, io);
      if (err !== "") io.stderr(`${err}\n`);
    }
  }
}
