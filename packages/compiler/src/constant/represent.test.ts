/**
 * Representability against gc and go/types (testdata/represent.json from
 * testdata/represent_golden.go, Go 1.19): for each constant C and basic type T, gc's exact
 * error for `var _ T = C` (rebuilt here from our reason code and value formatting), and the
 * value go/types computes for the conversion T(C).
 */
import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as c from "./index.js";

interface Entry {
  c: string;
  ctype: c.BasicKindName;
  cval: string;
  assign: Record<string, string>;
  conv: Record<string, string>;
}

const entries = JSON.parse(
  readFileSync(fileURLToPath(new URL("./testdata/represent.json", import.meta.url)), "utf8"),
) as Entry[];

/** Evaluates the small constant expressions of represent_golden.go with this package. */
export function evalConst(src: string): c.Value {
  const toks = src.match(/'(?:\\.|[^'])+'|"(?:\\.|[^"])*"|<<|[-+*/()]|(?:0[xX][0-9a-fA-F_.]*(?:[pP][-+]?[0-9_]+)?|[0-9._]+(?:[eE][-+]?[0-9_]+)?)i?|true|false/g)!;
  let i = 0;
  const primary = (): c.Value => {
    const t = toks[i++]!;
    if (t === "(") {
      const v = sum();
      i++; // ")"
      return v;
    }
    if (t === "-") return c.unaryOp("-", primary());
    if (t === "+") return c.unaryOp("+", primary());
    if (t === "true" || t === "false") return c.makeBool(t === "true");
    if (t.startsWith("'")) return c.makeFromLiteral(t, "CHAR");
    if (t.startsWith('"')) return c.makeFromLiteral(t, "STRING");
    if (t.endsWith("i")) return c.makeFromLiteral(t, "IMAG");
    if (/^0[xX]/.test(t) ? /[.pP]/.test(t) : /[.eE]/.test(t)) return c.makeFromLiteral(t, "FLOAT");
    return c.makeFromLiteral(t, "INT");
  };
  const product = (): c.Value => {
    let v = primary();
    while (toks[i] === "*" || toks[i] === "/" || toks[i] === "<<") {
      const op = toks[i++]!;
      const r = primary();
      v = op === "<<" ? c.shift(v, "<<", Number(c.intVal(r))) : c.binaryOp(v, op as "*" | "/", r);
    }
    return v;
  };
  const sum = (): c.Value => {
    let v = product();
    while (toks[i] === "+" || toks[i] === "-") {
      const op = toks[i++] as "+" | "-";
      v = c.binaryOp(v, op, product());
    }
    return v;
  };
  const v = sum();
  if (i !== toks.length) throw new Error(`evalConst: trailing tokens in ${src}`);
  return v;
}

describe("representable agrees with gc", () => {
  test.each(entries.map((e) => [e.c, e] as const))("%s", (_src, e) => {
    const v = evalConst(e.c);
    if (e.cval !== "") expect(v.exactString()).toBe(e.cval);
    for (const [t, msg] of Object.entries(e.assign)) {
      const r = c.representable(v, t as c.BasicKindName, e.ctype);
      // Rebuild gc's message from our reason and value formatting.
      let got = "";
      if (!r.ok) {
        const shown = v.toString();
        got = `cannot use ${e.c} (${e.ctype} constant${shown === e.c ? "" : " " + shown}) as ${t} value in variable declaration`;
        if (r.reason !== "cannot represent") got += ` (${r.reason})`;
      }
      expect(got, `var _ ${t} = ${e.c}`).toBe(msg);
    }
    for (const [t, want] of Object.entries(e.conv)) {
      if (want === "long") continue;
      let got: string;
      if (t === "string" && (e.ctype === "untyped int" || e.ctype === "untyped rune")) {
        got = c.runeToString(v).exactString();
      } else {
        const r = c.representable(v, t as c.BasicKindName, e.ctype);
        got = r.ok ? r.value.exactString() : "error";
      }
      expect(got, `${t}(${e.c})`).toBe(want);
    }
  });
});

describe("representable details", () => {
  test("reasons without a source type follow the value's kind", () => {
    expect(c.representable(c.makeInt64(300), "uint8")).toMatchObject({ ok: false, reason: "overflows" });
    expect(c.representable(c.makeFromLiteral("1.5", "FLOAT"), "int")).toMatchObject({ ok: false, reason: "truncated" });
    // 2.0 is a Float-kind value: without a source type we cannot know it was an integer type.
    expect(c.representable(c.makeFromLiteral("1e100", "FLOAT"), "int")).toMatchObject({ ok: false, reason: "truncated" });
    expect(c.representable(c.makeFromLiteral("1e100", "FLOAT"), "int", "untyped int")).toMatchObject({
      ok: false,
      reason: "overflows",
    });
    expect(c.representable(c.makeString("x"), "int")).toMatchObject({ ok: false, reason: "cannot represent" });
    expect(c.representable(c.makeBool(true), "string")).toMatchObject({ ok: false, reason: "cannot represent" });
  });

  test("integral out-of-range values come back as Int for gc's conversion messages", () => {
    const v = evalConst("'a' * 1e20");
    expect(v.toString()).toBe("9.7e+21");
    const r = c.representable(v, "int", "untyped float");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe("truncated");
      expect(r.value?.toString()).toBe("9700000000000000000000");
    }
  });

  test("values stored for each type", () => {
    const ok = (src: string, t: c.BasicKindName): string => {
      const r = c.representable(evalConst(src), t);
      if (!r.ok) throw new Error(`${src} not representable as ${t}`);
      return `${r.value.kind}:${r.value.exactString()}`;
    };
    expect(ok("2.0", "int8")).toBe(`${c.Kind.Int}:2`);
    expect(ok("1 + 0i", "uint")).toBe(`${c.Kind.Int}:1`);
    expect(ok("0.1", "float32")).toBe(`${c.Kind.Float}:13421773/134217728`);
    expect(ok("0.1", "float64")).toBe(`${c.Kind.Float}:3602879701896397/36028797018963968`);
    expect(ok("0.1", "untyped float")).toBe(`${c.Kind.Float}:1/10`);
    expect(ok("1", "untyped complex")).toBe(`${c.Kind.Complex}:(1 + 0i)`);
    expect(ok("1e-46", "float32")).toBe(`${c.Kind.Float}:0`);
    expect(ok("1 << 100", "untyped int")).toBe(`${c.Kind.Int}:1267650600228229401496703205376`);
    expect(ok("1e1000000", "untyped float").startsWith(`${c.Kind.Float}:0x.`)).toBe(true);
    expect(ok('"s"', "untyped string")).toBe(`${c.Kind.String}:"s"`);
    expect(c.representable(c.makeUnknown(), "int8").ok).toBe(true);
    expect(c.representable(c.makeFloat64(1), "untyped nil").ok).toBe(false);
  });
});
