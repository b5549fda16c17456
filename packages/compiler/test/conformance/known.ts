/**
 * Known-failure lists (packages/compiler/test/known-failures/<sweep>.txt) and how a sweep is
 * judged against them: an item not on the list must pass; an item on the list that passes now
 * is reported so the line can be removed (the lists may only shrink), without failing.
 *
 * Environment switches (used by scripts/conformance.mjs):
 *   GORT_CONFORMANCE_WRITE=1        rewrite the list from this run instead of comparing
 *   GORT_CONFORMANCE_REPORT=<dir>   also write <dir>/<sweep>.json with the counts and failures
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import type { SweepResult } from "./sweeps.js";

const knownDir = fileURLToPath(new URL("../known-failures/", import.meta.url));

export function knownFailuresPath(sweep: string): string {
  return path.join(knownDir, `${sweep}.txt`);
}

/** Reads a list: one id per line; blank lines and "#" comments ignored. */
export function readKnownFailures(sweep: string): Set<string> {
  const f = knownFailuresPath(sweep);
  if (!fs.existsSync(f)) return new Set();
  return new Set(
    fs.readFileSync(f, "utf8").split("\n").map((l) => l.replace(/#.*/, "").trim()).filter((l) => l !== ""),
  );
}

const HEADERS: Record<string, string> = {
  std: "std packages (Go 1.19's `go list std` minus vendor/ and cmd/) that do not type-check clean",
  errorcheck: "GOROOT/test `// errorcheck` files whose error lines gort does not reproduce exactly",
  runcheck: "GOROOT/test single-file `// run` tests that gort reports type errors for",
};

export function writeKnownFailures(sweep: string, ids: string[]): void {
  const header = [
    `# Known failures of the ${sweep} conformance sweep: ${HEADERS[sweep] ?? sweep}.`,
    "# This list may only shrink. Regenerate from a fresh run with:",
    "#   node scripts/conformance.mjs --write-known-failures",
  ];
  fs.mkdirSync(knownDir, { recursive: true });
  fs.writeFileSync(knownFailuresPath(sweep), [...header, ...[...ids].sort()].join("\n") + "\n");
}

export interface Judgement {
  passed: number;
  failed: number;
  /** failures not on the known list: these fail the test */
  newFailures: string[];
  /** on the list but passing now: remove them from the list */
  fixed: string[];
  summary: string;
}

/** Compares a sweep with its known-failure list and handles the environment switches. */
export function judge(r: SweepResult): Judgement {
  const known = readKnownFailures(r.sweep);
  const failedItems = r.items.filter((i) => !i.pass);
  const newFailures = failedItems.filter((i) => !known.has(i.id)).map((i) => `${i.id}: ${i.detail}`);
  const fixed = r.items.filter((i) => i.pass && known.has(i.id)).map((i) => i.id);
  const passed = r.items.length - failedItems.length;
  const extra = r.sweep === "errorcheck" ? `, ${r.items.filter((i) => i.messagesMatch === true).length} also match messages` : "";
  const summary =
    `${r.sweep}: ${passed}/${r.items.length} pass${extra}, ${r.skipped.length} skipped, ` +
    `${newFailures.length} new failures, ${fixed.length} fixed, ${(r.durationMs / 1000).toFixed(1)} s`;
  if (process.env.GORT_CONFORMANCE_WRITE === "1") writeKnownFailures(r.sweep, failedItems.map((i) => i.id));
  const reportDir = process.env.GORT_CONFORMANCE_REPORT;
  if (reportDir !== undefined && reportDir !== "") {
    fs.mkdirSync(reportDir, { recursive: true });
    fs.writeFileSync(
      path.join(reportDir, `${r.sweep}.json`),
      JSON.stringify({
        sweep: r.sweep, total: r.items.length, passed, failed: failedItems.length, skipped: r.skipped.length,
        messagesMatch: r.items.filter((i) => i.messagesMatch === true).length,
        newFailures, fixed, durationMs: r.durationMs,
        slowest: [...r.items].sort((a, b) => (b.ms ?? 0) - (a.ms ?? 0)).slice(0, 10).map((i) => `${i.id}: ${i.ms ?? 0} ms`),
        failures: failedItems.map((i) => `${i.id}: ${i.detail}`),
      }, null, 1),
    );
  }
  return { passed, failed: failedItems.length, newFailures, fixed, summary };
}

/** What the vitest files assert and print. */
export function assertJudgement(j: Judgement): void {
  console.log(j.summary);
  if (j.fixed.length > 0) {
    console.log(`These now pass; remove them from the known-failure list:\n  ${j.fixed.join("\n  ")}`);
  }
  if (process.env.GORT_CONFORMANCE_WRITE === "1") return;
  if (j.newFailures.length > 0) {
    throw new Error(`${j.newFailures.length} failures not on the known-failure list:\n  ${j.newFailures.slice(0, 50).join("\n  ")}`);
  }
}
