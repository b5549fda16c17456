// Analysis of pprof profiles (`gort pprof`): decoding, text reports, flame graphs.
export { decodeProfile } from "./decode.js";
export { ProfileError, type Profile, type Sample, type Location, type Func, type Line, type Mapping, type ValueType } from "./profile.js";
export { defaultReportOptions, generateReport, profileHeader, type ReportKind, type ReportOptions, type ReportResult } from "./report.js";
export { subtractBase, mergeProfiles, sampleIndex, type Granularity } from "./transform.js";
export { flameTextReport, flameHtmlReport } from "./flamereport.js";
export { goRegExp } from "./regexp.js";
// Profile building (the runtime's raw profiles → gzipped pprof protobuf; build.ts, used by the CLI's runprof.ts — keep).
export { buildProfile, encodeProfile, type RawProfile, type RawSample, type RawFrame } from "./build.js";
