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

/** A deep copy: analysis passes mutate profiles (filters, aggregation). */
export function cloneProfile(p: Profile): Profile {
  return structuredClone(p);
}

/** Whether sample s belongs to a --diff_base base profile (pprof's "pprof::base" label). */
export function isDiffBaseSample(s: Sample): boolean {
  const v = s.labels.get("pprof::base");
  return v !== undefined && v.includes("true");
}
