/**
 * The in-memory form of a pprof profile that the analysis works on (`gort pprof`).
 *
 * The wire message (perftools.profiles.Profile, see ../shared/reference/pprof-profiles.md) refers to
 * strings, functions, locations and mappings by index or id; decode.ts resolves every reference
 * once, so a Sample holds its Location objects, a Location its Mapping and Line.fn objects, and all
 * strings are JS strings. Several samples share the same Location object and several locations the
 * same Function object: analysis passes that rewrite locations (hide/show, aggregation) see the
 * change in every sample, as pprof's own Go structs do.
 *
 * Numbers: sample values, line numbers and ids are JS numbers (exact to 2^53, which profiles never
 * approach); addresses and the start time are bigint (a 64-bit address or a Unix time in
 * nanoseconds does not fit a double exactly).
 */

/** A (type, unit) pair such as ("cpu", "nanoseconds") or ("alloc_space", "bytes"). */
export interface ValueType {
  type: string;
  unit: string;
}

/** One executable or library mapped in the profiled process. */
export interface Mapping {
  id: number;
  start: bigint;
  limit: bigint;
  offset: bigint;
  /** the object file's path ("" when unknown) */
  file: string;
  buildId: string;
  hasFunctions: boolean;
  hasFilenames: boolean;
  hasLineNumbers: boolean;
  hasInlineFrames: boolean;
}

/** A function named by some location's lines. */
export interface Func {
  id: number;
  /** the function's name as the language shows it, e.g. "main.(*T).m" */
  name: string;
  systemName: string;
  filename: string;
  /** first line of the function in filename (0: unknown; Go 1.19 never writes it) */
  startLine: number;
}

/** One frame of a location: a function and a line in it. */
export interface Line {
  fn: Func | undefined;
  line: number;
}

/**
 * A program counter. `lines` holds its frames innermost first: several when calls were inlined
 * into the function that owns the address.
 */
export interface Location {
  id: number;
  mapping: Mapping | undefined;
  address: bigint;
  lines: Line[];
  isFolded: boolean;
}

/** One stack (leaf first) with its values (one per sample type) and labels. */
export interface Sample {
  locations: Location[];
  values: number[];
  /** string labels: key → values in the order they appear */
  labels: Map<string, string[]>;
  /** numeric labels: key → values */
  numLabels: Map<string, number[]>;
  /** units of numLabels: for a key, absent when none of its values has a unit, else parallel to its values up to the last one given ("" where missing) */
  numUnits: Map<string, string[]>;
}

/** A decoded profile. */
export interface Profile {
  sampleTypes: ValueType[];
  /** the sample type a report uses when none is asked for ("" = the last one) */
  defaultSampleType: string;
  samples: Sample[];
  mappings: Mapping[];
  locations: Location[];
  functions: Func[];
  dropFrames: string;
  keepFrames: string;
  /** wall-clock start, Unix nanoseconds (0n: unknown) */
  timeNanos: bigint;
  durationNanos: number;
  periodType: ValueType | undefined;
  period: number;
  comments: string[];
}

/** An error in a profile file or in what was asked of it: the CLI prints it as one line. */
export class ProfileError extends Error {
  override name = "ProfileError";
}

/**
 * A deep copy (analysis passes mutate profiles: filters, aggregation) that keeps the sharing of
 * mappings, functions and locations. Written out because structuredClone is several times slower
 * on large profiles. References to objects outside p's own tables are copied too.
 */
export function cloneProfile(p: Profile): Profile {
  const maps = new Map<Mapping, Mapping>();
  const funcs = new Map<Func, Func>();
  const locs = new Map<Location, Location>();
  const mapping = (m: Mapping | undefined): Mapping | undefined => {
    if (m === undefined) return undefined;
    let c = maps.get(m);
    if (c === undefined) {
      c = { ...m };
      maps.set(m, c);
    }
    return c;
  };
  const func = (f: Func | undefined): Func | undefined => {
    if (f === undefined) return undefined;
    let c = funcs.get(f);
    if (c === undefined) {
      c = { ...f };
      funcs.set(f, c);
    }
    return c;
  };
  const loc = (l: Location): Location => {
    let c = locs.get(l);
    if (c === undefined) {
      c = { id: l.id, mapping: mapping(l.mapping), address: l.address, lines: l.lines.map((ln) => ({ fn: func(ln.fn), line: ln.line })), isFolded: l.isFolded };
      locs.set(l, c);
    }
    return c;
  };
  const copyMap = <T>(m: Map<string, T[]>): Map<string, T[]> => {
    const r = new Map<string, T[]>();
    for (const [k, v] of m) r.set(k, [...v]);
    return r;
  };
  return {
    sampleTypes: p.sampleTypes.map((t) => ({ ...t })),
    defaultSampleType: p.defaultSampleType,
    mappings: p.mappings.map((m) => mapping(m) as Mapping),
    functions: p.functions.map((f) => func(f) as Func),
    locations: p.locations.map(loc),
    samples: p.samples.map((s) => ({
      locations: s.locations.map(loc),
      values: [...s.values],
      labels: s.labels.size === 0 ? new Map() : copyMap(s.labels),
      numLabels: s.numLabels.size === 0 ? new Map() : copyMap(s.numLabels),
      numUnits: s.numUnits.size === 0 ? new Map() : copyMap(s.numUnits),
    })),
    dropFrames: p.dropFrames,
    keepFrames: p.keepFrames,
    timeNanos: p.timeNanos,
    durationNanos: p.durationNanos,
    periodType: p.periodType === undefined ? undefined : { ...p.periodType },
    period: p.period,
    comments: [...p.comments],
  };
}

/** Whether sample s belongs to a --diff_base base profile (pprof's "pprof::base" label). */
export function isDiffBaseSample(s: Sample): boolean {
  const v = s.labels.get("pprof::base");
  return v !== undefined && v.includes("true");
}
