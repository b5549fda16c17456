/**
 * Reading a profile file: gzip or raw protobuf → Profile (profile.ts).
 *
 * 1. gunzip when the data starts with the gzip magic (1f 8b), as pprof does; a truncated or damaged
 *    gzip stream is reported as such.
 * 2. Walk the protobuf wire format ourselves (checkMessage) before handing the bytes to
 *    pprof-format: its decoder trusts lengths and silently reads short fields from a truncated
 *    buffer, so a cut-off file would decode into a wrong profile instead of failing. The walk
 *    checks every varint and length against the end of its enclosing message, descending into the
 *    sub-messages the Profile schema defines.
 * 3. Decode with pprof-format and resolve ids and string indexes, checking what pprof's reader
 *    checks (string_table[0] == "", indexes in range, non-zero unique ids, one value per sample
 *    type, every referenced location and function exists).
 *
 * Every failure is a ProfileError whose message says what is wrong; the caller prefixes the
 * file name. Rejected: pprof's legacy text formats (debug=1 output) are not read.
 */
import * as zlib from "node:zlib";
import * as pf from "pprof-format";
import { type Func, type Line, type Location, type Mapping, type Profile, ProfileError, type Sample, type ValueType } from "./profile.js";

/** Which fields of which message are sub-messages (field number → message name). */
const SUBMESSAGES: Record<string, Record<number, string>> = {
  Profile: { 1: "ValueType", 2: "Sample", 3: "Mapping", 4: "Location", 5: "Function", 11: "ValueType" },
  Sample: { 3: "Label" },
  Location: { 4: "Line" },
  ValueType: {},
  Label: {},
  Mapping: {},
  Function: {},
  Line: {},
};

/** Reads one varint at pos (within [pos, end)); returns [value (low 53 bits exact), next pos] or throws. */
function readVarint(b: Uint8Array, pos: number, end: number, what: string): [number, number] {
  let v = 0;
  let mul = 1;
  for (let i = 0; i < 10; i++) {
    if (pos >= end) throw new ProfileError(`truncated protobuf data (${what} ends early)`);
    const c = b[pos++];
    v += (c & 0x7f) * mul;
    mul *= 128;
    if ((c & 0x80) === 0) return [v, pos];
  }
  throw new ProfileError(`malformed protobuf data (${what}: varint longer than 10 bytes)`);
}

/** Checks the wire structure of message `name` in b[pos, end). */
function checkMessage(b: Uint8Array, pos: number, end: number, name: string): void {
  const subs = SUBMESSAGES[name];
  while (pos < end) {
    const start = pos;
    let tag: number;
    [tag, pos] = readVarint(b, pos, end, `a ${name} field tag`);
    const field = Math.floor(tag / 8);
    const wire = tag % 8;
    if (field === 0) throw new ProfileError(`not a pprof profile (field number 0 at byte ${start} in a ${name})`);
    if (wire !== 2 && (subs[field] !== undefined || (name === "Profile" && field === 6))) {
      throw new ProfileError(`not a pprof profile (${name} field ${field} at byte ${start} has wire type ${wire}, want a length-delimited message)`);
    }
    switch (wire) {
      case 0:
        [, pos] = readVarint(b, pos, end, `${name} field ${field}`);
        break;
      case 1:
      case 5:
        // pprof-format cannot decode fixed-width fields; the Profile schema has none
        throw new ProfileError(`not a pprof profile (fixed-width field ${field} in a ${name} at byte ${start})`);
      case 2: {
        let len: number;
        [len, pos] = readVarint(b, pos, end, `the length of ${name} field ${field}`);
        if (pos + len > end) throw new ProfileError(`truncated protobuf data (${name} field ${field} needs ${len} bytes, ${end - pos} left)`);
        const sub = subs[field];
        if (sub !== undefined) checkMessage(b, pos, pos + len, sub);
        pos += len;
        break;
      }
      default:
        throw new ProfileError(`not a pprof profile (wire type ${wire} at byte ${start} in a ${name})`);
    }
    if (field >= 16 && name === "Profile") {
      // pprof-format reads the field number from the tag's first byte only
      throw new ProfileError(`not a pprof profile (unknown Profile field ${field})`);
    }
  }
}

/** The kind of profile when data is one of runtime/pprof's text forms (debug=1), else undefined. */
function legacyTextKind(data: Uint8Array): string | undefined {
  const head = new TextDecoder("latin1").decode(data.subarray(0, 64));
  const m = /^(goroutine|threadcreate) profile: total \d+/.exec(head);
  if (m !== null) return m[1];
  if (/^heap profile: /.test(head)) return "heap";
  if (/^--- contention:/.test(head)) return "contention (block)";
  if (/^--- mutex:/.test(head)) return "mutex";
  return undefined;
}

/** A decoded number as a JS number: int64 two's complement for 10-byte varints. */
function num(v: number | bigint): number {
  if (typeof v === "number") return v;
  return Number(BigInt.asIntN(64, v));
}
function big(v: number | bigint): bigint {
  return typeof v === "bigint" ? BigInt.asUintN(64, v) : BigInt(v);
}

/**
 * Decodes a profile from the bytes of a file (gzipped or not).
 * Throws ProfileError with a one-line reason.
 */
export function decodeProfile(data: Uint8Array): Profile {
  if (data.length === 0) throw new ProfileError("empty file");
  let raw = data;
  if (data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b) {
    try {
      raw = zlib.gunzipSync(data);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      throw new ProfileError(msg === "unexpected end of file" ? "truncated gzip data" : `corrupt gzip data (${msg})`);
    }
    if (raw.length === 0) throw new ProfileError("empty profile (the gzip stream holds no data)");
  }
  const legacy = legacyTextKind(raw);
  if (legacy !== undefined) {
    throw new ProfileError(`a text ${legacy} profile (written with debug=1); gort pprof reads the protobuf form (debug=0, as pprof.WriteHeapProfile and --cpuprofile write it)`);
  }
  checkMessage(raw, 0, raw.length, "Profile");
  let p: pf.Profile;
  try {
    p = pf.Profile.decode(raw);
  } catch (e) {
    throw new ProfileError(`malformed protobuf data (${e instanceof Error ? e.message : String(e)})`);
  }
  return resolve(p);
}

function resolve(p: pf.Profile): Profile {
  const strings = p.stringTable.strings;
  const str = (i: number | bigint, what: string): string => {
    const n = num(i);
    if (n === 0) return "";
    if (n < 0 || n >= strings.length) throw new ProfileError(`malformed profile (${what}: string index ${n} out of range, table has ${strings.length})`);
    return strings[n];
  };
  if (strings.length > 0 && strings[0] !== "") throw new ProfileError("malformed profile (string_table[0] must be '')");
  const valueType = (v: pf.ValueType, what: string): ValueType => ({ type: str(v.type, what), unit: str(v.unit, what) });

  const mappings: Mapping[] = [];
  const mappingById = new Map<number, Mapping>();
  for (const m of p.mapping) {
    const id = num(m.id);
    if (id === 0) throw new ProfileError("malformed profile (found mapping with reserved ID=0)");
    if (mappingById.has(id)) throw new ProfileError(`malformed profile (multiple mappings with same id: ${id})`);
    const mm: Mapping = {
      id,
      start: big(m.memoryStart),
      limit: big(m.memoryLimit),
      offset: big(m.fileOffset),
      file: str(m.filename, "mapping filename"),
      buildId: str(m.buildId, "mapping build id"),
      hasFunctions: m.hasFunctions,
      hasFilenames: m.hasFilenames,
      hasLineNumbers: m.hasLineNumbers,
      hasInlineFrames: m.hasInlineFrames,
    };
    mappings.push(mm);
    mappingById.set(id, mm);
  }

  const functions: Func[] = [];
  const funcById = new Map<number, Func>();
  for (const f of p.function) {
    const id = num(f.id);
    if (id === 0) throw new ProfileError("malformed profile (found function with reserved ID=0)");
    if (funcById.has(id)) throw new ProfileError(`malformed profile (multiple functions with same id: ${id})`);
    const ff: Func = {
      id,
      name: str(f.name, "function name"),
      systemName: str(f.systemName, "function system name"),
      filename: str(f.filename, "function filename"),
      startLine: num(f.startLine),
    };
    functions.push(ff);
    funcById.set(id, ff);
  }

  const locations: Location[] = [];
  const locById = new Map<number, Location>();
  for (const l of p.location) {
    const id = num(l.id);
    if (id === 0) throw new ProfileError("malformed profile (found location with reserved ID=0)");
    if (locById.has(id)) throw new ProfileError(`malformed profile (multiple locations with same id: ${id})`);
    const mid = num(l.mappingId);
    const mapping = mid === 0 ? undefined : mappingById.get(mid);
    if (mid !== 0 && mapping === undefined) throw new ProfileError(`malformed profile (location ${id} names mapping ${mid}, which does not exist)`);
    const lines: Line[] = l.line.map((ln) => {
      const fid = num(ln.functionId);
      const fn = fid === 0 ? undefined : funcById.get(fid);
      if (fid !== 0 && fn === undefined) throw new ProfileError(`malformed profile (location ${id} names function ${fid}, which does not exist)`);
      return { fn, line: num(ln.line) };
    });
    const loc: Location = { id, mapping, address: big(l.address), lines, isFolded: l.isFolded };
    locations.push(loc);
    locById.set(id, loc);
  }

  const sampleTypes = p.sampleType.map((v) => valueType(v, "sample type"));
  if (p.sample.length > 0 && sampleTypes.length === 0) throw new ProfileError("malformed profile (missing sample type information)");
  const samples: Sample[] = p.sample.map((s, i) => {
    if (s.value.length !== sampleTypes.length) {
      throw new ProfileError(`malformed profile (mismatch: sample ${i} has ${s.value.length} values vs. ${sampleTypes.length} types)`);
    }
    const locs = s.locationId.map((lid) => {
      const loc = locById.get(num(lid));
      if (loc === undefined) throw new ProfileError(`malformed profile (sample ${i} names location ${num(lid)}, which does not exist)`);
      return loc;
    });
    const labels = new Map<string, string[]>();
    const numLabels = new Map<string, number[]>();
    const numUnits = new Map<string, string[]>();
    for (const lb of s.label) {
      const key = str(lb.key, "label key");
      if (num(lb.str) !== 0) {
        const vs = labels.get(key);
        if (vs === undefined) labels.set(key, [str(lb.str, "label value")]);
        else vs.push(str(lb.str, "label value"));
      } else if (num(lb.num) !== 0 || num(lb.numUnit) !== 0) {
        const vs = numLabels.get(key) ?? [];
        // units are recorded only when some value of the key has one (padded with "" before it)
        if (num(lb.numUnit) !== 0) {
          const us = numUnits.get(key) ?? [];
          while (us.length < vs.length) us.push("");
          us.push(str(lb.numUnit, "label unit"));
          numUnits.set(key, us);
        }
        vs.push(num(lb.num));
        numLabels.set(key, vs);
      }
    }
    return { locations: locs, values: s.value.map(num), labels, numLabels, numUnits };
  });

  return {
    sampleTypes,
    defaultSampleType: str(p.defaultSampleType, "default sample type"),
    samples,
    mappings,
    locations,
    functions,
    dropFrames: str(p.dropFrames, "drop_frames"),
    keepFrames: str(p.keepFrames, "keep_frames"),
    timeNanos: BigInt.asIntN(64, big(p.timeNanos)),
    durationNanos: num(p.durationNanos),
    periodType: p.periodType === undefined ? undefined : valueType(p.periodType, "period type"),
    period: num(p.period),
    comments: p.comment.map((c) => str(c, "comment")),
  };
}
