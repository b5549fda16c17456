/**
 * Random operation chains replayed against go/constant (testdata/chains.json from
 * testdata/chains_golden.go, Go 1.19): after every step, String, ExactString, ToInt and
 * Float64Val must match Go — including results that have switched to 512-bit floats.
 */
import { expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as c from "./index.js";

interface Step {
  op: string;
  y: number;
  neg?: boolean;
  str: string;
  exact: string;
  toInt: string;
  f64: string;
  kind: number;
}
const data = JSON.parse(readFileSync(fileURLToPath(new URL("./testdata/chains.json", import.meta.url)), "utf8")) as {
  pool: { lit: string; tok: c.LiteralKind }[];
  chains: { start: number; steps: Step[] }[];
};

function fnv1a32(s: string): string {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(s, "utf8")) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16);
}

function abbrev(s: string): string {
  return s.length <= 60 ? s : `${s.slice(0, 30)}...${s.length}:${fnv1a32(s)}`;
}

function goFloat(s: string): number {
  return s === "+Inf" ? Infinity : s === "-Inf" ? -Infinity : Number(s);
}

test("random chains agree with go/constant step by step", () => {
  const mk = (i: number): c.Value => c.makeFromLiteral(data.pool[i]!.lit, data.pool[i]!.tok);
  const failures: string[] = [];
  let steps = 0;
  for (const [n, ch] of data.chains.entries()) {
    let acc = mk(ch.start);
    for (const [k, s] of ch.steps.entries()) {
      let y = mk(s.y);
      if (s.neg) y = c.unaryOp("-", y);
      acc = s.op === "quo" ? c.quo(acc, y) : c.binaryOp(acc, s.op as c.BinaryOperator, y);
      const got = [acc.kind, acc.toString(), abbrev(acc.exactString()), abbrev(c.toInt(acc).exactString())];
      const want = [s.kind, s.str, s.exact, s.toInt];
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        failures.push(`chain ${n} step ${k} (${s.op} ${data.pool[s.y]!.lit}): got ${JSON.stringify(got)} want ${JSON.stringify(want)}`);
        break;
      }
      if (acc.kind !== c.Kind.Complex && c.float64Val(acc)[0] !== goFloat(s.f64)) {
        failures.push(`chain ${n} step ${k}: float64 ${c.float64Val(acc)[0]} want ${s.f64}`);
        break;
      }
      steps++;
    }
  }
  expect(failures).toEqual([]);
  expect(steps).toBeGreaterThan(1000);
});
