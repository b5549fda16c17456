export { versionString } from "./services/version.js";
// Embedding: run a gort program from JavaScript with a MeterProvider (embed.ts, EMBEDDING.md).
export { run } from "./embed.js";
export type { RunOptions, RunResult } from "./embed.js";
