/**
 * `-raw`: the profile's content as text, in the layout of pprof's Profile.String (period, time,
 * duration, one line per sample with its values and location ids and its labels, then the
 * locations with their lines and the mappings). The quickest way to see exactly what a profile
 * file holds, and to compare a profile gort wrote with one Go wrote.
 */
import type { Profile } from "./profile.js";
import { zoneAbbreviation } from "./tzabbr.js";

/** Go's time.Duration.String(). */
export function goDuration(ns: number): string {
  if (ns === 0) return "0s";
  const neg = ns < 0;
  let u = Math.abs(ns);
  let s: string;
  const frac = (v: number, digits: number): string => {
    // v in units of 10^-digits, printed with trailing zeros dropped
    const whole = Math.floor(v / 10 ** digits);
    let f = String(v % 10 ** digits).padStart(digits, "0").replace(/0+$/, "");
    if (f !== "") f = `.${f}`;
    return `${whole}${f}`;
  };
  if (u < 1000) s = `${u}ns`;
  else if (u < 1e6) s = `${frac(u, 3)}µs`;
  else if (u < 1e9) s = `${frac(u, 6)}ms`;
  else {
    const secs = u % 60e9;
    u = Math.floor(u / 60e9);
    s = `${frac(secs, 9)}s`;
    if (u > 0) {
      s = `${u % 60}m${s}`;
      u = Math.floor(u / 60);
      if (u > 0) s = `${u}h${s}`;
    }
  }
  return neg ? `-${s}` : s;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** Go's time.Time.String() for a Unix time in nanoseconds, in the local time zone. */
export function goTime(unixNanos: bigint): string {
  const ms = Number(unixNanos / 1000000n);
  const d = new Date(ms);
  let nanos = Number(((unixNanos % 1000000000n) + 1000000000n) % 1000000000n);
  let frac = "";
  if (nanos !== 0) frac = `.${String(nanos).padStart(9, "0").replace(/0+$/, "")}`;
  nanos = 0;
  const off = -d.getTimezoneOffset();
  const sign = off < 0 ? "-" : "+";
  const zoneOff = `${sign}${pad2(Math.floor(Math.abs(off) / 60))}${pad2(Math.abs(off) % 60)}`;
  const zone = zoneAbbreviation(Math.floor(ms / 1000));
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}${frac} ${zoneOff} ${zone}`;
}

/** The text of -raw. */
export function rawText(p: Profile): string {
  const out: string[] = [];
  for (const c of p.comments) out.push(`Comment: ${c}`);
  if (p.periodType !== undefined) out.push(`PeriodType: ${p.periodType.type} ${p.periodType.unit}`);
  out.push(`Period: ${p.period}`);
  if (p.timeNanos !== 0n) out.push(`Time: ${goTime(p.timeNanos)}`);
  if (p.durationNanos !== 0) out.push(`Duration: ${[...goDuration(p.durationNanos)].slice(0, 4).join("")}`);
  out.push("Samples:");
  out.push(p.sampleTypes.map((t) => `${t.type}/${t.unit}${t.type === p.defaultSampleType ? "[dflt]" : ""}`).join(" "));
  const header = " ".repeat(16);
  for (const s of p.samples) {
    out.push(`${s.values.map((v) => ` ${String(v).padStart(10)}`).join("")}: ${s.locations.map((l) => `${l.id} `).join("")}`);
    if (s.labels.size > 0) out.push(header + [...s.labels].map(([k, v]) => `${k}:[${v.join(" ")}]`).sort().join(" "));
    if (s.numLabels.size > 0) {
      const parts = [...s.numLabels].map(([k, vs]) => {
        const us = s.numUnits.get(k) ?? [];
        return us.length === vs.length ? `${k}:[${vs.map((v, i) => `${v} ${us[i]}`).join(" ")}]` : `${k}:[${vs.join(" ")}]`;
      });
      out.push(header + parts.sort().join(" "));
    }
  }
  out.push("Locations");
  for (const l of p.locations) {
    let loc = `${String(l.id).padStart(6)}: 0x${l.address.toString(16)} `;
    if (l.mapping !== undefined) loc += `M=${l.mapping.id} `;
    if (l.isFolded) loc += "[F] ";
    if (l.lines.length === 0) out.push(loc);
    for (const ln of l.lines) {
      let t = "??";
      if (ln.fn !== undefined) {
        t = `${ln.fn.name} ${ln.fn.filename}:${ln.line} s=${ln.fn.startLine}`;
        if (ln.fn.name !== ln.fn.systemName) t += `(${ln.fn.systemName})`;
      }
      out.push(loc + t);
      loc = " ".repeat(13);
    }
  }
  out.push("Mappings");
  for (const m of p.mappings) {
    const bits = `${m.hasFunctions ? "[FN]" : ""}${m.hasFilenames ? "[FL]" : ""}${m.hasLineNumbers ? "[LN]" : ""}${m.hasInlineFrames ? "[IN]" : ""}`;
    out.push(`${m.id}: 0x${m.start.toString(16)}/0x${m.limit.toString(16)}/0x${m.offset.toString(16)} ${m.file} ${m.buildId} ${bits}`);
  }
  return out.join("\n") + "\n";
}
