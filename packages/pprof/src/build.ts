/**
 * build.ts — turns the runtime's raw profiles into pprof files: a `perftools.profiles.Profile`
 * protobuf (encoded by pprof-format), gzipped, with Go 1.19's conventions
 * (/work/shared/reference/pprof-profiles.md):
 *
 *   - string_table[0] = ""; ValueTypes as given (sample types, period type, period);
 *   - Location ids from 1 in first-use order, one Location per distinct address, each with one
 *     Line (gort does not inline, so there is never more than one frame per pc);
 *   - Function ids from 1, one per distinct function name, name == system_name, filename the
 *     absolute source path, start_line unset;
 *   - one Mapping (id 1) covering the program's code, filename = the program, has_functions set
 *     (every location is symbolized, so pprof never tries to symbolize against a binary);
 *   - string labels from goroutine labels, the heap profile's numeric `bytes` label;
 *   - default_sample_type only when the runtime names one (the allocs profile: alloc_space);
 *   - gzip at level 1 (Go's BestSpeed).
 *
 * RawProfile is produced by packages/runtime (prof.ts); it is declared again here rather than
 * imported so this package does not depend on the runtime (the shapes are checked where the CLI
 * hands one to the other).
 */

import { gzipSync } from "node:zlib";
import { Function as PFunction, Label, Line, Location, Mapping, Profile, Sample, StringTable, ValueType } from "pprof-format";

// The profiles the runtime produces (runtime prof.ts); pprof reads what the runtime emits.
export type { RawFrame, RawProfile, RawSample } from "@gort/runtime";
import type { RawProfile } from "@gort/runtime";

/** The pprof-format Profile for a raw profile (not yet serialized). */
export function buildProfile(raw: RawProfile): Profile {
  const st = new StringTable();
  const vt = ([type, unit]: [string, string]): ValueType => new ValueType({ type: st.dedup(type), unit: st.dedup(unit) });
  const sampleType = raw.sampleTypes.map(vt);
  const periodType = vt(raw.periodType);
  const locations: Location[] = [];
  const functions: PFunction[] = [];
  const locIds = new Map<number, number>();
  const funcIds = new Map<string, number>();
  const samples: Sample[] = [];
  for (const s of raw.samples) {
    if (s.values.length !== sampleType.length) {
      throw new Error(`pprof build: ${raw.name} sample has ${s.values.length} values vs. ${sampleType.length} types`);
    }
    const locs: number[] = [];
    for (const f of s.frames) {
      let id = locIds.get(f.addr);
      if (id === undefined) {
        let fid = funcIds.get(f.func);
        if (fid === undefined) {
          fid = functions.length + 1;
          funcIds.set(f.func, fid);
          const name = st.dedup(f.func);
          functions.push(new PFunction({ id: fid, name, systemName: name, filename: st.dedup(f.file) }));
        }
        id = locations.length + 1;
        locIds.set(f.addr, id);
        locations.push(new Location({ id, mappingId: 1, address: f.addr, line: [new Line({ functionId: fid, line: f.line })] }));
      }
      locs.push(id);
    }
    const label: Label[] = [];
    for (const [k, v] of s.labels) label.push(new Label({ key: st.dedup(k), str: st.dedup(v) }));
    for (const [k, n] of s.numLabels) label.push(new Label({ key: st.dedup(k), num: n }));
    samples.push(new Sample({ locationId: locs, value: s.values.map((v) => Math.trunc(v)), label }));
  }
  const mapping = new Mapping({
    id: 1,
    memoryStart: raw.codeStart,
    memoryLimit: raw.codeLimit,
    fileOffset: 0,
    filename: st.dedup(raw.mainBinary),
    hasFunctions: true,
  });
  return new Profile({
    sampleType,
    sample: samples,
    mapping: [mapping],
    location: locations,
    function: functions,
    stringTable: st,
    timeNanos: BigInt(Math.round(raw.timeNanos)),
    durationNanos: raw.durationNanos > 0 ? BigInt(Math.round(raw.durationNanos)) : 0,
    periodType,
    period: raw.period,
    defaultSampleType: raw.defaultSampleType !== "" ? st.dedup(raw.defaultSampleType) : 0,
  });
}

/** The pprof file for a raw profile: gzipped protobuf, as Go's runtime/pprof writes it. */
export function encodeProfile(raw: RawProfile): Uint8Array {
  return new Uint8Array(gzipSync(buildProfile(raw).encode(), { level: 1 }));
}
