/**
 * The local time zone's abbreviation at an instant ("CET", "EDT", "JST", "+04"), as Go prints it
 * in report headers. Go reads the system's TZif file ($TZ, else /etc/localtime); so does this:
 * JavaScript's Intl only knows a few abbreviations ("GMT+1" for Paris, "GST" where tzdata says
 * "+04"), so it is only the fallback when no zone file can be read.
 *
 * TZif (RFC 8536): a v1 block with 32-bit transition times, then for version ≥ 2 the same data
 * with 64-bit times, which is the one used here:
 *   header: "TZif" version(1) reserved(15) isutcnt isstdcnt leapcnt timecnt typecnt charcnt (6×u32)
 *   data:   timecnt transition times, timecnt type indexes (u8), typecnt × {utoff i32, isdst u8,
 *           abbrind u8}, charcnt abbreviation bytes (NUL-separated), leap/std/ut indicators.
 * An instant takes the type of the last transition at or before it; before the first transition,
 * the first type. (Past the last transition a zone's footer rule applies; Debian's files carry
 * transitions to 2037, so the last transition's type is used then.)
 */
import * as fs from "node:fs";

interface Zone {
  times: bigint[];
  idx: number[];
  abbrs: string[];
}

const cache = new Map<string, Zone | null>();

function zoneFile(env: Record<string, string | undefined>): string | undefined {
  const tz = env.TZ;
  if (tz === undefined) return "/etc/localtime";
  if (tz === "" || tz === "UTC" || tz === "Etc/UTC") return undefined;
  const name = tz.startsWith(":") ? tz.slice(1) : tz;
  return name.startsWith("/") ? name : `/usr/share/zoneinfo/${name}`;
}

function parseTZif(b: Buffer): Zone | null {
  if (b.length < 44 || b.toString("latin1", 0, 4) !== "TZif") return null;
  const counts = (off: number) => [0, 1, 2, 3, 4, 5].map((i) => b.readUInt32BE(off + 20 + 4 * i));
  let off = 0;
  let [isut, isstd, leap, timecnt, typecnt, charcnt] = counts(0);
  let timeSize = 4;
  if (b[4] >= 0x32) {
    // skip the v1 block to the 64-bit one
    off = 44 + timecnt * 4 + timecnt + typecnt * 6 + charcnt + leap * 8 + isstd + isut;
    if (b.length < off + 44 || b.toString("latin1", off, off + 4) !== "TZif") return null;
    [isut, isstd, leap, timecnt, typecnt, charcnt] = counts(off);
    timeSize = 8;
  }
  let p = off + 44;
  const need = timecnt * timeSize + timecnt + typecnt * 6 + charcnt;
  if (b.length < p + need || typecnt === 0) return null;
  const times: bigint[] = [];
  for (let i = 0; i < timecnt; i++, p += timeSize) times.push(timeSize === 8 ? b.readBigInt64BE(p) : BigInt(b.readInt32BE(p)));
  const idx: number[] = [];
  for (let i = 0; i < timecnt; i++) idx.push(b[p++]);
  const abbrInd: number[] = [];
  for (let i = 0; i < typecnt; i++, p += 6) abbrInd.push(b[p + 5]);
  const chars = b.toString("latin1", p, p + charcnt);
  const abbrs = abbrInd.map((a) => {
    const end = chars.indexOf("\0", a);
    return chars.slice(a, end < 0 ? undefined : end);
  });
  if (idx.some((i) => i >= typecnt)) return null;
  return { times, idx, abbrs };
}

function intlAbbreviation(d: Date): string {
  return new Intl.DateTimeFormat("en-US", { timeZoneName: "short" }).formatToParts(d).find((x) => x.type === "timeZoneName")?.value ?? "UTC";
}

/** The abbreviation of the local zone (per env.TZ, as Go chooses it) at Unix time `seconds`. */
export function zoneAbbreviation(seconds: number, env: Record<string, string | undefined> = process.env): string {
  const file = zoneFile(env);
  if (file === undefined) return "UTC";
  let zone = cache.get(file);
  if (zone === undefined) {
    try {
      zone = parseTZif(fs.readFileSync(file));
    } catch {
      zone = null;
    }
    cache.set(file, zone);
  }
  if (zone === null) return intlAbbreviation(new Date(seconds * 1000));
  const t = BigInt(Math.floor(seconds));
  let type = 0;
  for (let i = 0; i < zone.times.length && zone.times[i] <= t; i++) type = zone.idx[i];
  return zone.abbrs[type] ?? "UTC";
}
