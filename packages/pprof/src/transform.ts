/**
 * Profile passes that run before a report, in pprof's order: merging a --base/--diff_base profile
 * (subtracted), choosing the sample index, the --focus/--ignore/--hide/--show filters, and
 * aggregation to the report's granularity. Each mutates the profile it is given (callers work on
 * a copy, see cloneProfile).
 */
import { type Func, type Location, type Mapping, type Profile, ProfileError, type Sample } from "./profile.js";
import { goRegExp } from "./regexp.js";
import { scale } from "./units.js";

/** Index of the sample type a report uses: by name, number, or the default. */
export function sampleIndex(p: Profile, want: string): number {
  if (p.sampleTypes.length === 0) throw new ProfileError("profile has no samples");
  const names = p.sampleTypes.map((t) => t.type);
  if (want === "") {
    if (p.defaultSampleType !== "") {
      const i = names.indexOf(p.defaultSampleType);
      if (i >= 0) return i;
    }
    return names.length - 1;
  }
  if (/^[+-]?\d+$/.test(want)) {
    const i = Number(want);
    if (i < 0 || i >= names.length) throw new ProfileError(`sample_index ${want} is outside the range [0..${names.length - 1}]`);
    return i;
  }
  // "inuse_space" also names a type called "space" (older heap profiles)
  const noInuse = want.startsWith("inuse_") ? want.slice(6) : want;
  const i = names.findIndex((t) => t === want || t === noInuse);
  if (i >= 0) return i;
  throw new ProfileError(`sample_index "${want}" must be one of: [${names.join(" ")}]`);
}

function matchesLine(re: RegExp, fn: Func | undefined): boolean {
  return fn !== undefined && (re.test(fn.name) || re.test(fn.filename));
}
function mappingMatches(re: RegExp, m: Mapping | undefined): boolean {
  return m !== undefined && re.test(m.file);
}
function locationMatches(re: RegExp, l: Location): boolean {
  return l.lines.some((ln) => matchesLine(re, ln.fn)) || mappingMatches(re, l.mapping);
}

/** Which filters matched something (pprof warns about those that did not). */
export interface FilterMatches {
  focus: boolean;
  ignore: boolean;
  hide: boolean;
  show: boolean;
}

/**
 * focus: keep samples with a frame matching it; ignore: drop samples with a frame matching it;
 * hide: drop matching frames from stacks; show: keep only matching frames. A frame matches when
 * its function name or file does (or its mapping's file).
 */
export function filterSamplesByName(p: Profile, focus?: RegExp, ignore?: RegExp, hide?: RegExp, show?: RegExp): FilterMatches {
  const m: FilterMatches = { focus: false, ignore: false, hide: false, show: false };
  const focusOrIgnore = new Map<Location, boolean>();
  const hidden = new Set<Location>();
  for (const l of p.locations) {
    if (ignore !== undefined && locationMatches(ignore, l)) {
      m.ignore = true;
      focusOrIgnore.set(l, false);
    } else if (focus === undefined || locationMatches(focus, l)) {
      m.focus = true;
      focusOrIgnore.set(l, true);
    }
    if (hide !== undefined && locationMatches(hide, l)) {
      m.hide = true;
      l.lines = mappingMatches(hide, l.mapping) ? [] : l.lines.filter((ln) => !matchesLine(hide, ln.fn));
      if (l.lines.length === 0) hidden.add(l);
    }
    if (show !== undefined) {
      if (!mappingMatches(show, l.mapping)) l.lines = l.lines.filter((ln) => matchesLine(show, ln.fn));
      if (l.lines.length === 0) hidden.add(l);
      else m.show = true;
    }
  }
  const kept: Sample[] = [];
  for (const s of p.samples) {
    let focused = false;
    let ignored = false;
    for (const l of s.locations) {
      const f = focusOrIgnore.get(l);
      if (f === true) focused = true;
      else if (f === false) {
        ignored = true;
        break;
      }
    }
    if (ignored || !focused) continue;
    if (hidden.size > 0) {
      const locs = s.locations.filter((l) => !hidden.has(l));
      if (locs.length === 0) continue;
      s.locations = locs;
    }
    kept.push(s);
  }
  p.samples = kept;
  return m;
}

export type Granularity = "functions" | "filefunctions" | "files" | "lines" | "addresses";

/** Forgets what the granularity does not distinguish (names, files, lines, addresses). */
export function aggregate(p: Profile, g: Granularity, inlines = true): void {
  const fn = g !== "files";
  const file = g === "files" || g === "filefunctions" || g === "lines" || g === "addresses";
  const line = g === "lines" || g === "addresses";
  const addr = g === "addresses";
  if (addr && inlines) return;
  for (const f of p.functions) {
    if (!fn) {
      f.name = "";
      f.systemName = "";
    }
    if (!file) f.filename = "";
  }
  for (const l of p.locations) {
    if (!inlines && l.lines.length > 1) l.lines = l.lines.slice(-1);
    if (!line) l.lines = l.lines.map((ln) => ({ fn: ln.fn, line: 0 }));
    if (!addr) l.address = 0n;
  }
}

function typesEqual(a: { type: string; unit: string } | undefined, b: { type: string; unit: string } | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.type === b.type && a.unit === b.unit;
}

function fmtTypes(p: Profile): string {
  return `[${p.sampleTypes.map((t) => `${t.type}/${t.unit}`).join(" ")}]`;
}

/**
 * Subtracts `base` from p (pprof's -base), or with diff marks the base's samples so percentages
 * are relative to the base (-diff_base). Samples with the same stack and labels are merged and
 * those that cancel out are dropped; the result is a new profile.
 */
export function subtractBase(p: Profile, base: Profile, diff: boolean): Profile {
  checkCompatible(p, base);
  for (const s of base.samples) {
    s.values = s.values.map((v) => -v);
    if (diff) s.labels.set("pprof::base", ["true"]);
  }
  return mergeProfiles([p, base]);
}

/** Throws unless profiles a and b have the same period type and sample types. */
function checkCompatible(a: Profile, b: Profile): void {
  if (!typesEqual(a.periodType, b.periodType)) {
    const t = (v: Profile["periodType"]) => (v === undefined ? "none" : `${v.type}/${v.unit}`);
    throw new ProfileError(`incompatible profiles: period types ${t(a.periodType)} and ${t(b.periodType)}`);
  }
  if (a.sampleTypes.length !== b.sampleTypes.length || a.sampleTypes.some((t, i) => !typesEqual(t, b.sampleTypes[i]))) {
    throw new ProfileError(`incompatible profiles: sample types ${fmtTypes(a)} and ${fmtTypes(b)}`);
  }
}

/** Merges profiles of the same types (pprof's profile.Merge, minus mapping address relocation). */
export function mergeProfiles(srcs: Profile[]): Profile {
  const first = srcs[0];
  for (const s of srcs.slice(1)) checkCompatible(first, s);
  let time = 0n;
  let duration = 0;
  let period = 0;
  const comments: string[] = [];
  let dflt = "";
  for (const s of srcs) {
    if (time === 0n || s.timeNanos < time) time = s.timeNanos;
    duration += s.durationNanos;
    if (period === 0 || period < s.period) period = s.period;
    for (const c of s.comments) if (!comments.includes(c)) comments.push(c);
    if (dflt === "") dflt = s.defaultSampleType;
  }
  const out: Profile = {
    sampleTypes: first.sampleTypes.map((t) => ({ ...t })),
    defaultSampleType: dflt,
    samples: [],
    mappings: [],
    locations: [],
    functions: [],
    dropFrames: first.dropFrames,
    keepFrames: first.keepFrames,
    timeNanos: time,
    durationNanos: duration,
    periodType: first.periodType,
    period,
    comments,
  };
  const mappings = new Map<string, Mapping>();
  const funcs = new Map<string, Func>();
  const locs = new Map<string, Location>();
  const samples = new Map<string, Sample>();
  // per source object caches (the keys below are only computed once per source object)
  const mappingOf = new Map<Mapping, Mapping>();
  const funcOf = new Map<Func, Func>();
  const locOf = new Map<Location, Location>();
  const mapMapping = (m: Mapping | undefined): Mapping | undefined => {
    if (m === undefined) return undefined;
    const cached = mappingOf.get(m);
    if (cached !== undefined) return cached;
    const k = `${m.file}\x00${m.buildId}\x00${m.limit - m.start}\x00${m.offset}`;
    let r = mappings.get(k);
    if (r === undefined) {
      r = { ...m, id: out.mappings.length + 1 };
      mappings.set(k, r);
      out.mappings.push(r);
    }
    mappingOf.set(m, r);
    return r;
  };
  const mapFunc = (f: Func | undefined): Func | undefined => {
    if (f === undefined) return undefined;
    const cached = funcOf.get(f);
    if (cached !== undefined) return cached;
    const k = `${f.name}\x00${f.systemName}\x00${f.filename}\x00${f.startLine}`;
    let r = funcs.get(k);
    if (r === undefined) {
      r = { ...f, id: out.functions.length + 1 };
      funcs.set(k, r);
      out.functions.push(r);
    }
    funcOf.set(f, r);
    return r;
  };
  const mapLoc = (l: Location): Location => {
    const cached = locOf.get(l);
    if (cached !== undefined) return cached;
    const m = mapMapping(l.mapping);
    const addr = l.mapping !== undefined && m !== undefined ? l.address - l.mapping.start + m.start : l.address;
    const lines = l.lines.map((ln) => ({ fn: mapFunc(ln.fn), line: ln.line }));
    const k = `${m?.id ?? 0}\x00${addr}\x00${l.isFolded}\x00${lines.map((ln) => `${ln.fn?.id ?? 0}:${ln.line}`).join(",")}`;
    let r = locs.get(k);
    if (r === undefined) {
      r = { id: out.locations.length + 1, mapping: m, address: addr, lines, isFolded: l.isFolded };
      locs.set(k, r);
      out.locations.push(r);
    }
    locOf.set(l, r);
    return r;
  };
  for (const src of srcs) {
    if (out.mappings.length === 0 && src.mappings.length > 0) mapMapping(src.mappings[0]);
    for (const s of src.samples) {
      if (s.values.every((v) => v === 0)) continue;
      const ls = s.locations.map(mapLoc);
      let k = ls.map((l) => l.id).join(",");
      if (s.labels.size > 0 || s.numLabels.size > 0) {
        const byKey = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);
        k += `\x00${JSON.stringify([...s.labels].sort(byKey))}\x00${JSON.stringify([...s.numLabels].sort(byKey))}\x00${JSON.stringify([...s.numUnits].sort(byKey))}`;
      }
      const have = samples.get(k);
      if (have !== undefined) {
        for (let i = 0; i < have.values.length; i++) have.values[i] += s.values[i];
        continue;
      }
      const ns: Sample = {
        locations: ls,
        values: [...s.values],
        labels: new Map([...s.labels].map(([key, v]) => [key, [...v]])),
        numLabels: new Map([...s.numLabels].map(([key, v]) => [key, [...v]])),
        numUnits: new Map([...s.numUnits].map(([key, v]) => [key, [...v]])),
      };
      samples.set(k, ns);
      out.samples.push(ns);
    }
  }
  out.samples = out.samples.filter((s) => s.values.some((v) => v !== 0));
  return out;
}

/** Units of numeric labels: the first unit given for a key, else one implied by the key. */
export function numLabelUnits(p: Profile): Map<string, string> {
  const units = new Map<string, string>();
  const keys = new Set<string>();
  for (const s of p.samples) {
    for (const [k] of s.numLabels) {
      keys.add(k);
      for (const u of s.numUnits.get(k) ?? []) if (u !== "" && !units.has(k)) units.set(k, u);
    }
  }
  for (const k of keys) if (!units.has(k)) units.set(k, k === "alignment" || k === "request" ? "bytes" : k);
  return units;
}

/** A predicate on samples built from a -tagfocus/-tagignore value. */
export type TagMatch = (s: Sample) => boolean;

/**
 * Numeric range filters of -tagfocus: "N[unit]" (equal), "N[unit]:" (at least), ":N[unit]" (at
 * most), "N[unit]:M[unit]" (between). Undefined when value is not one of those forms.
 */
function parseTagRange(value: string): ((v: number, unit: string) => boolean) | undefined {
  const ranges = [...value.matchAll(/([+-]?[0-9]+)([A-Za-z]+)?/g)].slice(0, 2);
  if (ranges.length === 0) return undefined;
  const [lo, unit] = scale(Number(ranges[0][1]), ranges[0][2] ?? "", ranges[0][2] ?? "");
  const inUnit = (v: number, u: string): number | undefined => {
    const [sv, su] = scale(v, u, unit);
    return su === unit ? sv : undefined;
  };
  if (ranges.length === 1) {
    const m = ranges[0][0];
    if (value === m) return (v, u) => inUnit(v, u) === lo;
    if (value === `${m}:`) return (v, u) => (inUnit(v, u) ?? -Infinity) >= lo;
    if (value === `:${m}`) return (v, u) => (inUnit(v, u) ?? Infinity) <= lo;
    return undefined;
  }
  if (value !== `${ranges[0][0]}:${ranges[1][0]}`) return undefined;
  const [hi, unit2] = scale(Number(ranges[1][1]), ranges[1][2] ?? "", unit);
  if (unit2 !== unit) return undefined;
  return (v, u) => {
    const sv = inUnit(v, u);
    return sv !== undefined && sv >= lo && sv <= hi;
  };
}

/**
 * Compiles a -tagfocus/-tagignore value: [key=]regexp,regexp... matched against "key:value" of
 * string labels (every regexp must match some label), or against the values of label `key`
 * (any regexp); or a numeric range (see parseTagRange) on numeric labels, with a note on stderr.
 */
export function compileTagFilter(name: string, value: string, units: Map<string, string>, warn: (s: string) => void): TagMatch | undefined {
  if (value === "") return undefined;
  let wantKey = "";
  const eq = value.indexOf("=");
  if (eq >= 0) {
    wantKey = value.slice(0, eq);
    value = value.slice(eq + 1);
  }
  const range = parseTagRange(value);
  if (range !== undefined) {
    warn(`${name}:Interpreted '${value}' as range, not regexp`);
    const any = (vals: number[], unit: string) => vals.some((v) => range(v, unit));
    if (wantKey === "") return (s) => [...s.numLabels].some(([k, vals]) => any(vals, units.get(k) ?? ""));
    return (s) => {
      const vals = s.numLabels.get(wantKey);
      return vals !== undefined && any(vals, units.get(wantKey) ?? "");
    };
  }
  const rxs = value.split(",").map((v) => {
    try {
      return goRegExp(v);
    } catch (e) {
      throw new ProfileError(`parsing ${name} regexp: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
  if (wantKey === "") {
    return (s) => rxs.every((rx) => [...s.labels].some(([k, vals]) => vals.some((v) => rx.test(`${k}:${v}`))));
  }
  return (s) => {
    const vals = s.labels.get(wantKey);
    return vals !== undefined && rxs.some((rx) => vals.some((v) => rx.test(v)));
  };
}

/** Keeps the samples that match focus (when given) and not ignore; returns which matched anything. */
export function filterSamplesByTag(p: Profile, focus?: TagMatch, ignore?: TagMatch): { focus: boolean; ignore: boolean } {
  let fm = false;
  let im = false;
  p.samples = p.samples.filter((s) => {
    const f = focus === undefined || focus(s);
    const i = ignore !== undefined && ignore(s);
    fm ||= f;
    im ||= i;
    return f && !i;
  });
  return { focus: fm, ignore: im };
}

/** Removes labels whose key does not match show or matches hide (-tagshow, -taghide). */
export function filterTagsByName(p: Profile, show?: RegExp, hide?: RegExp): { show: boolean; hide: boolean } {
  let sm = false;
  let hm = false;
  const remove = (key: string): boolean => {
    const ms = show === undefined || show.test(key);
    const mh = hide !== undefined && hide.test(key);
    sm ||= ms;
    hm ||= mh;
    return !ms || mh;
  };
  for (const s of p.samples) {
    for (const k of [...s.labels.keys()]) if (remove(k)) s.labels.delete(k);
    for (const k of [...s.numLabels.keys()]) if (remove(k)) s.numLabels.delete(k);
  }
  return { show: sm, hide: hm };
}

/** -show_from: drops the frames above (callers of) the outermost frame matching re; samples without one go. */
export function showFrom(p: Profile, re: RegExp): boolean {
  let matched = false;
  const keep = new Set<Location>();
  for (const l of p.locations) {
    if (mappingMatches(re, l.mapping)) {
      keep.add(l);
      matched = true;
      continue;
    }
    let last = -1;
    for (let i = l.lines.length - 1; i >= 0; i--) {
      if (matchesLine(re, l.lines[i].fn)) {
        last = i;
        break;
      }
    }
    if (last >= 0) {
      l.lines = l.lines.slice(0, last + 1);
      keep.add(l);
      matched = true;
    }
  }
  const kept: Sample[] = [];
  for (const s of p.samples) {
    for (let i = s.locations.length - 1; i >= 0; i--) {
      if (keep.has(s.locations[i])) {
        s.locations = s.locations.slice(0, i + 1);
        kept.push(s);
        break;
      }
    }
  }
  p.samples = kept;
  return matched;
}

/** A function name without a C++-style argument list (pprof matches -prune_from against this). */
function simplifyFunc(f: string): string {
  let name = f.startsWith(".") ? f.slice(1) : f;
  const re = /\(anonymous namespace\)|operator\(\)|\(/g;
  for (let m = re.exec(name); m !== null; m = re.exec(name)) {
    if (m[0] === "(") {
      name = name.slice(0, m.index);
      break;
    }
  }
  return name;
}

/** -prune_from: drops the frames below (callees of) the innermost frame matching re. */
export function pruneFrom(p: Profile, re: RegExp): void {
  const beneath = new Set<Location>();
  for (const l of p.locations) {
    for (let i = 0; i < l.lines.length; i++) {
      const fn = l.lines[i].fn;
      if (fn !== undefined && fn.name !== "" && re.test(simplifyFunc(fn.name))) {
        beneath.add(l);
        l.lines = l.lines.slice(i);
        break;
      }
    }
  }
  for (const s of p.samples) {
    const i = s.locations.findIndex((l) => beneath.has(l));
    if (i > 0) s.locations = s.locations.slice(i);
  }
}
