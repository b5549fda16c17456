/**
 * metricshist.ts — the runtime's time histogram (Go's histogram.go role, written afresh): the
 * distribution behind /gc/pauses:seconds and /sched/latencies:seconds.
 *
 * BUCKETS (nanoseconds; reference/metrics.md "Histogram bucket layouts"): an HDR-style layout of
 * 45 super-buckets × 16 sub-buckets. Super-bucket 0 holds 0…15 ns, one nanosecond each. Super-
 * bucket s ≥ 1 covers [2^(s+3), 2^(s+4)) ns split into 16 equal sub-buckets of 2^(s−1) ns, so
 * every bucket is at most 1/16 of its lower bound wide (≤ 6.25 % relative error). Durations at
 * or past the last finite boundary (2^47 + 15·2^43 ns ≈ 75.7 h) land in the last bucket, whose
 * upper bound is +Inf; negative durations count in a separate underflow bucket.
 *
 *   counts index:   0          1 … 16      17 … 32        …     705 … 720
 *   range (ns):   (−Inf,0)   [0,1)…[15,16) [16,17)…[31,32)  …    [2^47, …) … [2^47+15·2^43, +Inf)
 *
 * `counts` is laid out exactly as runtime/metrics reports it (underflow first, 721 entries), so a
 * reader copies it out unchanged; `timeHistogramBuckets()` gives the 722 boundaries in seconds.
 *
 * Recording is a clz and two shifts on an integer (no allocation): cheap enough for every GC
 * pause and every sampled goroutine switch. Counts are f64 (exact below 2^53).
 */

const SUB_BUCKET_BITS = 4;
const SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
const SUPER_BUCKETS = 45;
/** Buckets of a time histogram as runtime/metrics reports them: underflow + 45 × 16. */
export const TIME_HIST_COUNTS = 1 + SUPER_BUCKETS * SUB_BUCKETS;

/** A cumulative distribution of durations (ns). */
export class TimeHistogram {
  /** counts[0]: negative durations; counts[1 + i]: bucket i (see the file header). */
  readonly counts = new Float64Array(TIME_HIST_COUNTS);

  /** Counts one duration of `ns` nanoseconds (fractions are truncated). */
  record(ns: number): void {
    this.counts[timeBucketIndex(ns)]++;
  }

  /** Total observations. */
  total(): number {
    let n = 0;
    for (let i = 0; i < TIME_HIST_COUNTS; i++) n += this.counts[i];
    return n;
  }
}

/** Index into TimeHistogram.counts of a duration in ns. */
export function timeBucketIndex(ns: number): number {
  if (!(ns >= 0)) return 0; // negative (NaN too: never a real duration)
  if (ns < SUB_BUCKETS) return 1 + Math.floor(ns);
  if (ns >= 2 ** 48) return TIME_HIST_COUNTS - 1;
  // Position of the top bit: 32-bit halves keep it exact past 2^32.
  const hi = Math.floor(ns / 2 ** 32);
  const lo = Math.floor(ns) >>> 0;
  const top = hi !== 0 ? 63 - Math.clz32(hi) : 31 - Math.clz32(lo);
  const sup = top - SUB_BUCKET_BITS + 1; // 1 for [16, 32)
  const sub = Math.floor(ns / 2 ** (sup - 1)) - SUB_BUCKETS;
  return 1 + sup * SUB_BUCKETS + sub;
}

/** Lower bound (ns) of bucket i of the 720 non-underflow buckets. */
function bucketMinNs(i: number): number {
  const sup = Math.floor(i / SUB_BUCKETS);
  const sub = i % SUB_BUCKETS;
  if (sup === 0) return sub;
  return 2 ** (sup + SUB_BUCKET_BITS - 1) + sub * 2 ** (sup - 1);
}

let timeBuckets: number[] | null = null;

/**
 * The 722 bucket boundaries in seconds, as runtime/metrics reports them: −Inf, then each
 * bucket's lower bound (ns / 1e9, exact in a double's division), then +Inf. Shared: do not modify.
 */
export function timeHistogramBuckets(): readonly number[] {
  if (timeBuckets === null) {
    const b: number[] = [-Infinity];
    for (let i = 0; i < SUPER_BUCKETS * SUB_BUCKETS; i++) b.push(bucketMinNs(i) / 1e9);
    b.push(Infinity);
    timeBuckets = b;
  }
  return timeBuckets;
}

/**
 * A representative duration (seconds) for observations in counts index k: the bucket's midpoint
 * (its lower bound for the +Inf bucket, 0 for underflow). Used to re-record bucketed counts into
 * another histogram (OpenTelemetry), where only the bucket, not the exact value, is known.
 */
export function timeBucketMidSeconds(k: number): number {
  if (k <= 0) return 0;
  const b = timeHistogramBuckets();
  const lo = b[k];
  const hi = b[k + 1];
  return hi === Infinity ? lo : (lo + hi) / 2;
}
