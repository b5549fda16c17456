/**
 * Units and number formatting for reports, matching what `go tool pprof` prints.
 *
 * - Go's %.Nf and %.Ng round the exact binary value of a double to decimal, ties to even
 *   (0.125 → "0.12"); JavaScript's toFixed rounds ties up. Reports compare digit for digit with
 *   pprof, so formatFixed/formatG do the rounding exactly with BigInt arithmetic (only used while
 *   printing, never on a hot path).
 * - Unit scaling follows pprof's rules (its measurement package): three unit families (bytes,
 *   time, GCU) with aliases sniffed case-insensitively after dropping a plural "s"; "minimum" and
 *   "auto" pick the largest unit in which the value is still ≥ 1; a unit outside the families
 *   passes through unchanged.
 */

const TWO52 = 2 ** 52;

/** x ≥ 0 finite as mantissa·2^exp with an integer mantissa. */
function decompose(x: number): [bigint, number] {
  if (x === 0) return [0n, 0];
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const bexp = (hi >>> 20) & 0x7ff;
  let mant = BigInt(hi & 0xfffff) * 4294967296n + BigInt(lo);
  let e: number;
  if (bexp === 0) e = -1074;
  else {
    mant += BigInt(TWO52);
    e = bexp - 1075;
  }
  return [mant, e];
}

/** round(x · 10^shift) for x ≥ 0, exactly, ties to even. */
function scaledRound(x: number, shift: number): bigint {
  const [m, e] = decompose(x);
  let num = m;
  let den = 1n;
  if (e >= 0) num <<= BigInt(e);
  else den <<= BigInt(-e);
  if (shift >= 0) num *= 10n ** BigInt(shift);
  else den *= 10n ** BigInt(-shift);
  const q = num / den;
  const r2 = (num % den) * 2n;
  if (r2 > den || (r2 === den && (q & 1n) === 1n)) return q + 1n;
  return q;
}

/** Go's fmt %.{prec}f. */
export function formatFixed(x: number, prec: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "+Inf" : "-Inf";
  const neg = x < 0 || Object.is(x, -0);
  const q = scaledRound(Math.abs(x), prec).toString().padStart(prec + 1, "0");
  const s = prec === 0 ? q : `${q.slice(0, q.length - prec)}.${q.slice(q.length - prec)}`;
  return neg ? `-${s}` : s;
}

/** Go's fmt %.{prec}g (prec ≥ 1). */
export function formatG(x: number, prec: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "+Inf" : "-Inf";
  const neg = x < 0 || Object.is(x, -0);
  const a = Math.abs(x);
  if (a === 0) return neg ? "-0" : "0";
  // decimal point position dp: a = 0.d1d2... × 10^dp
  let dp = Math.floor(Math.log10(a)) + 1;
  if (a >= 10 ** dp) dp++;
  else if (a < 10 ** (dp - 1)) dp--;
  let q = scaledRound(a, prec - dp);
  if (q >= 10n ** BigInt(prec)) {
    dp++;
    q /= 10n;
  }
  let digits = q.toString().replace(/0+$/, "");
  if (digits === "") digits = "0";
  const nd = digits.length;
  let eprec = prec;
  if (eprec > nd && nd >= dp) eprec = nd;
  const exp = dp - 1;
  let s: string;
  if (exp < -4 || exp >= eprec) {
    const mant = nd > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const ae = Math.abs(exp);
    s = `${mant}e${exp < 0 ? "-" : "+"}${ae < 10 ? "0" : ""}${ae}`;
  } else if (dp <= 0) s = `0.${"0".repeat(-dp)}${digits}`;
  else if (dp >= nd) s = digits + "0".repeat(dp - nd);
  else s = `${digits.slice(0, dp)}.${digits.slice(dp)}`;
  return neg ? `-${s}` : s;
}

interface Unit {
  name: string;
  aliases: string[];
  factor: number;
}
interface UnitFamily {
  units: Unit[];
  dflt: Unit;
}

const BYTES: UnitFamily = {
  units: [
    { name: "B", aliases: ["b", "byte"], factor: 1 },
    { name: "kB", aliases: ["kb", "kbyte", "kilobyte"], factor: 2 ** 10 },
    { name: "MB", aliases: ["mb", "mbyte", "megabyte"], factor: 2 ** 20 },
    { name: "GB", aliases: ["gb", "gbyte", "gigabyte"], factor: 2 ** 30 },
    { name: "TB", aliases: ["tb", "tbyte", "terabyte"], factor: 2 ** 40 },
    { name: "PB", aliases: ["pb", "pbyte", "petabyte"], factor: 2 ** 50 },
  ],
  dflt: { name: "B", aliases: ["b", "byte"], factor: 1 },
};
const TIME: UnitFamily = {
  units: [
    { name: "ns", aliases: ["ns", "nanosecond"], factor: 1 },
    { name: "us", aliases: ["μs", "us", "microsecond"], factor: 1e3 },
    { name: "ms", aliases: ["ms", "millisecond"], factor: 1e6 },
    { name: "s", aliases: ["s", "sec", "second"], factor: 1e9 },
    { name: "hrs", aliases: ["hour", "hr"], factor: 3600e9 },
  ],
  dflt: { name: "s", aliases: [], factor: 1e9 },
};
const GCU: UnitFamily = {
  units: [
    { name: "n*GCU", aliases: ["nanogcu"], factor: 1e-9 },
    { name: "u*GCU", aliases: ["microgcu"], factor: 1e-6 },
    { name: "m*GCU", aliases: ["milligcu"], factor: 1e-3 },
    { name: "GCU", aliases: ["gcu"], factor: 1 },
    { name: "k*GCU", aliases: ["kilogcu"], factor: 1e3 },
    { name: "M*GCU", aliases: ["megagcu"], factor: 1e6 },
    { name: "G*GCU", aliases: ["gigagcu"], factor: 1e9 },
    { name: "T*GCU", aliases: ["teragcu"], factor: 1e12 },
    { name: "P*GCU", aliases: ["petagcu"], factor: 1e15 },
  ],
  dflt: { name: "GCU", aliases: [], factor: 1 },
};
const FAMILIES = [BYTES, TIME, GCU];

function sniff(f: UnitFamily, unit: string): Unit | undefined {
  let u = unit.toLowerCase();
  if (u.length > 2 && u.endsWith("s")) u = u.slice(0, -1);
  return f.units.find((x) => x.aliases.includes(u));
}

/** Whether unit names a unit pprof knows (bytes, time or GCU). */
export function isKnownUnit(unit: string): boolean {
  return FAMILIES.some((f) => sniff(f, unit) !== undefined);
}

/**
 * value (in fromUnit) expressed in toUnit: [scaled value, unit name]. toUnit "minimum" or "auto"
 * picks the largest unit of the family with a scaled value ≥ 1.
 */
export function scale(value: number, fromUnit: string, toUnit: string): [number, string] {
  if (value < 0) {
    const [v, u] = scale(-value, fromUnit, toUnit);
    return [-v, u];
  }
  for (const f of FAMILIES) {
    const from = sniff(f, fromUnit);
    if (from === undefined) continue;
    const v = value * from.factor;
    if (toUnit === "minimum" || toUnit === "auto") {
      let best: Unit | undefined;
      for (const u of f.units) if ((best === undefined || u.factor >= best.factor) && v / u.factor >= 1) best = u;
      if (best !== undefined) return [v / best.factor, best.name];
      return [v / f.dflt.factor, f.dflt.name];
    }
    const to = sniff(f, toUnit);
    if (to === undefined) return [v / f.dflt.factor, f.dflt.name];
    return [v / to.factor, to.name];
  }
  switch (toUnit) {
    case "count":
    case "sample":
    case "unit":
    case "minimum":
    case "auto":
      return [value, ""];
    default:
      return [value, toUnit];
  }
}

/** value scaled to toUnit with two decimals (".00" dropped) and the unit, e.g. "1.20s", "512kB". */
export function scaledLabel(value: number, fromUnit: string, toUnit: string): string {
  const [v, u] = scale(value, fromUnit, toUnit);
  let s = formatFixed(v, 2);
  if (s.endsWith(".00")) s = s.slice(0, -3);
  if (s === "0" || s === "-0") return "0";
  return s + u;
}

/** value in unit, automatically scaled ("1.69s"). */
export function label(value: number, unit: string): string {
  return scaledLabel(value, unit, "auto");
}

/** value as a percentage of total, 6 columns wide as pprof prints it ("70.59%", "  100%", " 0.5%"). */
export function percentage(value: number, total: number): string {
  const ratio = total !== 0 ? Math.abs(value / total) * 100 : 0;
  if (ratio >= 99.95 && ratio <= 100.05) return "  100%";
  if (ratio >= 1) return `${formatFixed(ratio, 2).padStart(5)}%`;
  return `${formatG(ratio, 2).padStart(5)}%`;
}
