#!/usr/bin/env node
// Generates gort's Unicode tables:
//   go/unicode/tables.go   categories, scripts, properties, case ranges,
//                          fold orbits, FoldCategory/FoldScript
//   go/strconv/isprint.go  the printable/graphic ranges strconv needs
//
// Data source: Perl's Unicode::UCD (core Perl; Debian's perl ships Unicode
// 14.0), asked through a small Perl program below. Go 1.19 uses Unicode
// 13.0.0, so every character first assigned after 13.0 is dropped
// (Assigned minus Present_In=13.0); unassigned code points that a property
// covers (noncharacters, default-ignorable reserved ranges) are kept.
// Characters whose properties changed between 13.0 and Perl's version are
// the one residual difference; test/unicode/unicode_diff.go measures it.
//
// Usage: node scripts/gen-unicode.mjs   (from packages/stdlib)
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const GO_UNICODE = "13.0.0";

const perl = String.raw`
use strict; use warnings;
use Unicode::UCD qw(prop_invlist prop_invmap prop_values prop_value_aliases);
use JSON::PP;
my %out = (version => Unicode::UCD::UnicodeVersion());
sub inv { my @l = prop_invlist($_[0]); die "no property $_[0]" unless defined $l[0] || $_[1]; return \@l; }
$out{assigned} = inv("Assigned");
$out{present13} = inv("Present_In=13.0");
for my $gc (qw(Cc Cf Co Cs Ll Lm Lo Lt Lu Mc Me Mn Nd Nl No Pc Pd Pe Pf Pi Po Ps Sc Sk Sm So Zl Zp Zs)) {
  $out{gc}{$gc} = inv("gc=$gc");
}
for my $sc (prop_values("Script")) {
  my ($short, $long) = prop_value_aliases("Script", $sc);
  next unless defined $long;
  $out{sc}{$long} = inv("sc=$short", 1);
}
for my $p (qw(ASCII_Hex_Digit Bidi_Control Dash Deprecated Diacritic Extender Hex_Digit Hyphen
  IDS_Binary_Operator IDS_Trinary_Operator Ideographic Join_Control Logical_Order_Exception
  Noncharacter_Code_Point Pattern_Syntax Pattern_White_Space Prepended_Concatenation_Mark
  Quotation_Mark Radical Regional_Indicator Sentence_Terminal Soft_Dotted Terminal_Punctuation
  Unified_Ideograph Variation_Selector White_Space
  Alphabetic Lowercase Uppercase Math ID_Start ID_Continue Default_Ignorable_Code_Point
  Grapheme_Extend)) {
  $out{prop}{$p} = inv($p);
}
for my $m (qw(Simple_Uppercase_Mapping Simple_Lowercase_Mapping Simple_Titlecase_Mapping Simple_Case_Folding)) {
  my ($l, $v, $f) = prop_invmap($m);
  die "unexpected format $f for $m" unless $f eq "a";
  my @pairs;
  for my $i (0 .. $#$l - 1) {
    next if $v->[$i] eq "0" || ref $v->[$i];
    for my $c ($l->[$i] .. $l->[$i + 1] - 1) { push @pairs, $c, $v->[$i] + ($c - $l->[$i]); }
  }
  $out{map}{$m} = \@pairs;
}
print encode_json(\%out);
`;
const data = JSON.parse(execFileSync("perl", ["-e", perl], { maxBuffer: 256 << 20 }).toString());
const MAXRUNE = 0x10ffff;

// ---- sets as sorted, disjoint [lo, hi] range lists ----
function fromInv(inv) {
  const out = [];
  for (let i = 0; i < inv.length; i += 2) out.push([inv[i], (i + 1 < inv.length ? inv[i + 1] : MAXRUNE + 1) - 1]);
  return out;
}
function toBits(ranges) {
  const b = new Uint8Array(MAXRUNE + 1);
  for (const [lo, hi] of ranges) b.fill(1, lo, hi + 1);
  return b;
}
function toRanges(bits) {
  const out = [];
  for (let c = 0; c <= MAXRUNE; c++) {
    if (!bits[c]) continue;
    let e = c;
    while (e + 1 <= MAXRUNE && bits[e + 1]) e++;
    out.push([c, e]);
    c = e;
  }
  return out;
}
const or = (...sets) => { const b = new Uint8Array(MAXRUNE + 1); for (const s of sets) for (let i = 0; i <= MAXRUNE; i++) b[i] |= s[i]; return b; };
const minus = (a, ...sets) => { const b = Uint8Array.from(a); for (const s of sets) for (let i = 0; i <= MAXRUNE; i++) if (s[i]) b[i] = 0; return b; };

// Characters assigned after Unicode 13.0: dropped from every table.
const newer = minus(toBits(fromInv(data.assigned)), toBits(fromInv(data.present13)));
const load = (inv) => minus(toBits(fromInv(inv)), newer);

const gc = {};
for (const [k, v] of Object.entries(data.gc)) gc[k] = load(v);

// Properties of characters that already existed in 13.0 but changed in
// 14.0 (listed in the 14.0 UCD change notes; found here by
// test/unicode/unicode_diff.go in full mode). Restore the 13.0 values.
const restore13 = (sets) => {
  if (!data.version.startsWith("14.")) return; // other editions: revisit
  sets();
};
restore13(() => {
  gc.Mc[0x1734] = 0; // HANUNOO SIGN PAMUDPOD: Mn in 13.0, Mc from 14.0
  gc.Mn[0x1734] = 1;
});
const major = (p) => or(...Object.keys(gc).filter((k) => k[0] === p).map((k) => gc[k]));
for (const p of ["C", "L", "M", "N", "P", "S", "Z"]) gc[p] = major(p);

const sc = {};
for (const [k, v] of Object.entries(data.sc)) {
  if (k === "Unknown") continue;
  const s = load(v);
  if (s.some((x) => x)) sc[k] = s;
}
restore13(() => {
  // U+16FE2 OLD CHINESE HOOK MARK, U+16FE3 OLD CHINESE ITERATION MARK:
  // Common in 13.0, Han from 14.0.
  for (const c of [0x16fe2, 0x16fe3]) {
    sc.Han[c] = 0;
    sc.Common[c] = 1;
  }
});
const P = {};
for (const [k, v] of Object.entries(data.prop)) P[k] = load(v);
// Pattern_Syntax is stable and covers reserved code points, some of which
// 14.0 assigned: keep it unfiltered.
P.Pattern_Syntax = toBits(fromInv(data.prop.Pattern_Syntax));
restore13(() => {
  // Diacritic gained these existing characters in 14.0.
  for (const c of [0x1714, 0x1abe, 0x1dfb, 0x1dfc, 0x11046]) P.Diacritic[c] = 0;
});
// Contributory properties that Unicode::UCD does not expose, derived from
// their defining identities in DerivedCoreProperties.txt.
const props = {};
for (const k of ["ASCII_Hex_Digit", "Bidi_Control", "Dash", "Deprecated", "Diacritic", "Extender", "Hex_Digit",
  "Hyphen", "IDS_Binary_Operator", "IDS_Trinary_Operator", "Ideographic", "Join_Control", "Logical_Order_Exception",
  "Noncharacter_Code_Point", "Pattern_Syntax", "Pattern_White_Space", "Prepended_Concatenation_Mark",
  "Quotation_Mark", "Radical", "Regional_Indicator", "Sentence_Terminal", "Soft_Dotted", "Terminal_Punctuation",
  "Unified_Ideograph", "Variation_Selector", "White_Space"]) props[k] = P[k];
props.Other_Lowercase = minus(P.Lowercase, gc.Ll);
props.Other_Uppercase = minus(P.Uppercase, gc.Lu);
props.Other_Alphabetic = minus(P.Alphabetic, gc.Lu, gc.Ll, gc.Lt, gc.Lm, gc.Lo, gc.Nl);
props.Other_Math = minus(P.Math, gc.Sm);
props.Other_ID_Start = minus(P.ID_Start, gc.L, gc.Nl);
props.Other_ID_Continue = minus(P.ID_Continue, P.ID_Start, gc.Mn, gc.Mc, gc.Nd, gc.Pc);
props.Other_Default_Ignorable_Code_Point = minus(P.Default_Ignorable_Code_Point, gc.Cf, P.Variation_Selector);
props.Other_Grapheme_Extend = minus(P.Grapheme_Extend, gc.Me, gc.Mn);

// ---- case mappings ----
function mapOf(pairs) {
  const m = new Map();
  for (let i = 0; i < pairs.length; i += 2) if (!newer[pairs[i]] && !newer[pairs[i + 1]]) m.set(pairs[i], pairs[i + 1]);
  return m;
}
const upper = mapOf(data.map.Simple_Uppercase_Mapping);
const lower = mapOf(data.map.Simple_Lowercase_Mapping);
const title = mapOf(data.map.Simple_Titlecase_Mapping);
const fold = mapOf(data.map.Simple_Case_Folding);

// ---- Go source emission ----
// A RangeTable is built like Go's: from each first member, the distance to
// the next member sets the stride, and the range grows while members keep
// to that stride; ranges are split at U+FFFF into R16 and R32.
function rangeTable(bits) {
  const r16 = [], r32 = [];
  let c = 0;
  const next = (from) => { while (from <= MAXRUNE && !bits[from]) from++; return from; };
  c = next(0);
  while (c <= MAXRUNE) {
    const lo = c;
    let hi = lo, stride = 1;
    const second = next(lo + 1);
    if (second <= MAXRUNE) {
      stride = second - lo;
      for (let i = second; i <= MAXRUNE; i++) {
        const on = (i - lo) % stride === 0;
        if (!!bits[i] !== on) break;
        if (on) hi = i;
      }
    }
    const one = (a, b) => (a === b ? 1 : stride); // a single point has stride 1
    if (hi <= 0xffff) r16.push([lo, hi, one(lo, hi)]);
    else if (lo > 0xffff) r32.push([lo, hi, one(lo, hi)]);
    else {
      let last16 = lo;
      while (last16 + stride <= 0xffff) last16 += stride;
      r16.push([lo, last16, one(lo, last16)]);
      r32.push([last16 + stride, hi, one(last16 + stride, hi)]);
    }
    c = next(hi + 1);
  }
  const latin = r16.filter((r) => r[1] <= 0xff).length;
  const hex = (v, w) => "0x" + v.toString(16).padStart(w, "0");
  let s = "&RangeTable{\n";
  if (r16.length) {
    s += "\tR16: []Range16{\n";
    for (const [a, b, st] of r16) s += `\t\t{${hex(a, 4)}, ${hex(b, 4)}, ${st}},\n`;
    s += "\t},\n";
  }
  if (r32.length) {
    s += "\tR32: []Range32{\n";
    for (const [a, b, st] of r32) s += `\t\t{${hex(a, 5)}, ${hex(b, 5)}, ${st}},\n`;
    s += "\t},\n";
  }
  if (latin) s += `\tLatinOffset: ${latin},\n`;
  return s + "}";
}

const header = (pkg) =>
  `// Code generated by packages/stdlib/scripts/gen-unicode.mjs from Unicode ${GO_UNICODE} data; DO NOT EDIT.\n` +
  `// gort standard library: package ${pkg}.\n\n`;

let out = header("unicode") + "package unicode\n\n";
out += `// Version is the Unicode edition the tables follow.\nconst Version = "${GO_UNICODE}"\n\n`;

const catNames = Object.keys(gc).sort();
// Maps are emitted on one line and variables one declaration each, which
// gofmt leaves as they are (no column alignment to imitate).
const oneLineMap = (name, entries) =>
  `var ${name} = map[string]*RangeTable{${entries.map(([k, v]) => `"${k}": ${v}`).join(", ")}}\n\n`;
out += "// Categories maps general category names to their tables.\n";
out += oneLineMap("Categories", catNames.map((k) => [k, k]));
const catAliases = { Cc: [], Cf: [], Co: [], Cs: [], Nd: ["Digit"], L: ["Letter"], Lm: [], Lo: [], Ll: ["Lower"],
  M: ["Mark"], Mc: [], Me: [], Mn: [], Nl: [], No: [], N: ["Number"], C: ["Other"], Pc: [], Pd: [], Pe: [], Pf: [],
  Pi: [], Po: [], Ps: [], P: ["Punct"], Sc: [], Sk: [], Sm: [], So: [], Z: ["Space"], S: ["Symbol"], Lt: ["Title"],
  Lu: ["Upper"], Zl: [], Zp: [], Zs: [] };
out += "// General category tables.\n";
for (const k of catNames) {
  out += `var ${k} = _${k}\n`;
  for (const a of catAliases[k] ?? []) out += `var ${a} = _${k}\n`;
}
out += "\n";
for (const k of catNames) out += `var _${k} = ${rangeTable(gc[k])}\n\n`;

const scNames = Object.keys(sc).sort();
out += "// Scripts maps script names to their tables.\n";
out += oneLineMap("Scripts", scNames.map((k) => [k, k]));
out += "// Script tables.\n";
for (const k of scNames) out += `var ${k} = _${k}\n`;
out += "\n";
for (const k of scNames) out += `var _${k} = ${rangeTable(sc[k])}\n\n`;

const propNames = Object.keys(props).sort();
out += "// Properties maps property names to their tables.\n";
out += oneLineMap("Properties", propNames.flatMap((k) => (k === "Sentence_Terminal" ? [[k, k], ["STerm", "STerm"]] : [[k, k]])));
out += "// Property tables.\n";
for (const k of propNames) {
  out += `var ${k} = _${k}\n`;
  if (k === "Sentence_Terminal") out += `var STerm = _${k}\n`;
}
out += "\n";
for (const k of propNames) out += `var _${k} = ${rangeTable(props[k])}\n\n`;

// Case ranges: runs of consecutive code points with equal deltas, or
// alternating upper/lower pairs (UpperLower).
const UL = "UpperLower";
const triples = [];
for (let c = 0; c <= MAXRUNE; c++) {
  const u = upper.get(c) ?? c, l = lower.get(c) ?? c, t = title.get(c) ?? c;
  if (u !== c || l !== c || t !== c) triples.push([c, u - c, l - c, t - c]);
}
const eq = (a, b) => a[1] === b[1] && a[2] === b[2] && a[3] === b[3];
const isUp = (t) => t[1] === 0 && t[2] === 1 && t[3] === 0;
const isLow = (t) => t[1] === -1 && t[2] === 0 && t[3] === -1;
const runs = [];
for (const t of triples) {
  const run = runs[runs.length - 1];
  if (run && t[0] === run.hi + 1) {
    if (!run.ul && eq(run.d, t)) { run.hi = t[0]; continue; }
    if (run.ul && ((t[0] - run.lo) % 2 === 0 ? isUp(t) : isLow(t))) { run.hi = t[0]; continue; }
    if (!run.ul && run.lo === run.hi && isUp(run.d) && isLow(t)) { run.ul = true; run.hi = t[0]; continue; }
  }
  runs.push({ lo: t[0], hi: t[0], d: t, ul: false });
}
const hx = (v) => "0x" + v.toString(16).padStart(4, "0");
out += "// CaseRanges lists the case mappings of every letter that has one.\nvar CaseRanges = _CaseRanges\n";
out += "var _CaseRanges = []CaseRange{\n";
for (const r of runs) {
  const d = r.ul ? `d{${UL}, ${UL}, ${UL}}` : `d{${r.d[1]}, ${r.d[2]}, ${r.d[3]}}`;
  out += `\t{${hx(r.lo)}, ${hx(r.hi)}, ${d}},\n`;
}
out += "}\n\n";

// Fold orbits: SimpleFold steps to the next larger member of r's
// equivalence class under simple case folding, wrapping around. Where that
// differs from "ToLower(r) if it changes r, else ToUpper(r)", foldNext
// records the answer.
const classes = new Map();
for (const [c, f] of fold) {
  if (!classes.has(f)) classes.set(f, new Set([f]));
  classes.get(f).add(c);
}
const orbitOf = new Map();
for (const set of classes.values()) {
  const members = [...set].sort((a, b) => a - b);
  for (const m of members) orbitOf.set(m, members);
}
const simpleRule = (c) => { const l = lower.get(c) ?? c; return l !== c ? l : upper.get(c) ?? c; };
const foldNext = [];
for (let c = 0; c <= MAXRUNE; c++) {
  const orbit = orbitOf.get(c);
  let want = c;
  if (orbit) want = orbit[(orbit.indexOf(c) + 1) % orbit.length];
  if (want !== simpleRule(c)) foldNext.push([c, want]);
}
out += "// foldNext holds SimpleFold's answer for the runes where it is not\n";
out += "// \"ToLower(r) if that changes r, else ToUpper(r)\"; sorted by from.\n";
out += "var foldNext = []foldPair{\n";
if (foldNext.some(([a, b]) => a > 0xffff || b > 0xffff)) throw new Error("fold exception above U+FFFF: widen foldPair");
for (const [a, b] of foldNext) out += `\t{${hx(a)}, ${hx(b)}},\n`;
out += "}\n\n";

// FoldCategory / FoldScript: code points outside a table whose fold orbit
// reaches into it.
function foldTable(bits) {
  const extra = new Uint8Array(MAXRUNE + 1);
  let any = false;
  for (const [c, orbit] of orbitOf) {
    if (bits[c]) continue;
    if (orbit.some((m) => bits[m])) { extra[c] = 1; any = true; }
  }
  return any ? extra : null;
}
const foldCat = {}, foldScr = {};
for (const k of catNames) { const t = foldTable(gc[k]); if (t) foldCat[k] = t; }
for (const k of scNames) { const t = foldTable(sc[k]); if (t) foldScr[k] = t; }
out += "// FoldCategory maps a category name to the code points outside it that\n// are equivalent under simple case folding to code points inside it.\n";
out += oneLineMap("FoldCategory", Object.keys(foldCat).map((k) => [k, `fold${k}`]));
for (const [k, v] of Object.entries(foldCat)) out += `var fold${k} = ${rangeTable(v)}\n\n`;
out += "// FoldScript maps a script name to the code points outside it that are\n// equivalent under simple case folding to code points inside it.\n";
out += oneLineMap("FoldScript", Object.keys(foldScr).map((k) => [k, `fold${k}`]));
for (const [k, v] of Object.entries(foldScr)) out += `var fold${k} = ${rangeTable(v)}\n\n`;

writeFileSync(join(root, "go/unicode/tables.go"), out.replace(/\n+$/, "\n"));

// ---- strconv: printable and graphic ranges, without importing unicode ----
const printable = or(gc.L, gc.M, gc.N, gc.P, gc.S);
printable[0x20] = 1;
const graphic = or(printable, gc.Zs);
function pairs(bits, lo, hi) {
  return toRanges(bits).map(([a, b]) => [Math.max(a, lo), Math.min(b, hi)]).filter(([a, b]) => a <= b);
}
let sv = header("strconv") + "package strconv\n\n";
sv += "// Printable runes (categories L, M, N, P, S and U+0020) as inclusive\n// [lo, hi] pairs, below and above U+10000.\n";
const emit = (name, type, list) => {
  sv += `var ${name} = []${type}{\n`;
  for (const [a, b] of list) sv += `\t${hx(a)}, ${hx(b)},\n`;
  sv += "}\n\n";
};
emit("printRanges16", "uint16", pairs(printable, 0, 0xffff));
emit("printRanges32", "uint32", pairs(printable, 0x10000, MAXRUNE));
const extraGraphic = minus(graphic, printable);
sv += "// Graphic but not printable runes (Zs other than U+0020).\n";
emit("graphicOnly", "uint16", pairs(extraGraphic, 0, 0xffff));
if (pairs(extraGraphic, 0x10000, MAXRUNE).length) throw new Error("graphic-only runes above U+FFFF: extend strconv");
writeFileSync(join(root, "go/strconv/isprint.go"), sv.replace(/\n+$/, "\n"));
console.log(`unicode tables from Unicode::UCD ${data.version} restricted to ${GO_UNICODE}: ` +
  `${catNames.length} categories, ${scNames.length} scripts, ${propNames.length} properties, ` +
  `${runs.length} case ranges, ${foldNext.length} fold exceptions`);
