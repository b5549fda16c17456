/**
 * Constant expressions checked against what gc compiles and prints (testdata/exprs.json from
 * testdata/exprs_golden.go, Go 1.19). A small typed evaluator below plays the type checker's
 * part exactly the way go/types drives go/constant (typed results are rounded to their type
 * after each operation, untyped ints are limited to 512 bits, "/" on integer types truncates,
 * on other types it is the exact quotient), so these tests double as a worked example for the
 * checker. Valid expressions must produce gc's machine values bit for bit; invalid ones gc's
 * exact error text.
 */
import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as c from "./index.js";

const golden = JSON.parse(
  readFileSync(fileURLToPath(new URL("./testdata/exprs.json", import.meta.url)), "utf8"),
) as { valid: Record<string, string>; invalid: Record<string, string> };

/** Random typed expressions `var vN T = EXPR` with gc's verdicts (testdata/typedfuzz.json). */
const fuzz = JSON.parse(
  readFileSync(fileURLToPath(new URL("./testdata/typedfuzz.json", import.meta.url)), "utf8"),
) as { type: string; expr: string; out: string; err: string }[];

type T = c.BasicKindName;
interface Operand {
  v: c.Value;
  t: T;
  text: string;
}

class GcError extends Error {}

const unsignedBits: Partial<Record<T, number>> = { uint8: 8, byte: 8, uint16: 16, uint32: 32, uint64: 64, uint: 64, uintptr: 64 };
const basicTypes = new Set<string>([
  "bool", "string", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64",
  "uintptr", "float32", "float64", "complex64", "complex128", "byte", "rune",
]);
const isInteger = (t: T): boolean => /^(u?int\d*|uintptr|byte|rune|untyped int|untyped rune)$/.test(t);
const isUntyped = (t: T): boolean => t.startsWith("untyped");
const rank: Record<string, number> = { "untyped int": 1, "untyped rune": 2, "untyped float": 3, "untyped complex": 4 };

const mathConsts: Record<string, string> = {
  MaxFloat64: "0x1p1023 * (1 + (1 - 0x1p-52))",
  SmallestNonzeroFloat64: "0x1p-1022 * 0x1p-52",
  MaxFloat32: "0x1p127 * (1 + (1 - 0x1p-23))",
  SmallestNonzeroFloat32: "0x1p-126 * 0x1p-23",
  Pi: "3.14159265358979323846264338327950288419716939937510582097494459",
  E: "2.71828182845904523536028747135266249775724709369995957496696763",
  Sqrt2: "1.41421356237309504880168872420969807856967187537694807317667974",
  MaxInt64: "1<<63 - 1",
  MinInt64: "-1 << 63",
  MaxUint64: "1<<64 - 1",
};

/** types2's operand formatting: `expr (untyped K constant[ V])` / `expr (constant V of type T)`. */
function describeOperand(x: Operand, v: c.Value = x.v): string {
  const shown = v.toString();
  if (isUntyped(x.t)) return `${x.text} (${x.t} constant${shown === x.text ? "" : " " + shown})`;
  return `${x.text} (constant ${shown} of type ${x.t})`;
}

const opNames: Record<string, string> = { "+": "addition", "-": "subtraction", "*": "multiplication", "<<": "shift" };

/** Checks a constant result against its type, as go/types' Checker.overflow. */
function overflow(x: Operand, op: string): Operand {
  if (!isUntyped(x.t)) {
    const r = c.representable(x.v, x.t, x.t);
    if (!r.ok) throw new GcError(`${describeOperand(x)} ${r.reason === "truncated" ? "truncated to" : r.reason} ${x.t}`);
    return { ...x, v: r.value };
  }
  if (x.v.kind === c.Kind.Int && c.bitLen(x.v) > 512) throw new GcError(`constant ${opNames[op] ?? op} overflow`);
  return x;
}

function convert(x: Operand, t: T, text: string): Operand {
  if (t === "string" && isInteger(x.t)) return { v: c.runeToString(x.v), t, text };
  const r = c.representable(x.v, t, x.t);
  if (!r.ok) throw new GcError(`cannot convert ${describeOperand(x, r.value ?? x.v)} to type ${t}`);
  return { v: r.value, t, text };
}

/** An untyped operand converted to the other operand's type (go/types implicitTypeAndValue). */
function implicitConvert(x: Operand, t: T): c.Value {
  const r = c.representable(x.v, t, x.t);
  if (r.ok) return r.value;
  if (r.reason === "cannot represent") throw new GcError(`cannot convert ${describeOperand(x)} to type ${t}`);
  throw new GcError(`${describeOperand(x)} ${r.reason === "truncated" ? "truncated to" : "overflows"} ${t}`);
}

/** `var _ T = src`: the value stored, or gc's error (go/types assignment of a constant). */
function declare(t: T, src: string): Operand {
  const x = evaluate(src);
  if (!isUntyped(x.t)) return x; // the generator only mixes operands of type T
  const r = c.representable(x.v, t, x.t);
  if (!r.ok) {
    const why = r.reason === "cannot represent" ? "" : ` (${r.reason})`;
    throw new GcError(`cannot use ${describeOperand(x)} as ${t} value in variable declaration${why}`);
  }
  return { v: r.value, t, text: x.text };
}

function evaluate(src: string): Operand {
  const toks = src.match(
    /'(?:\\.|[^'])+'|"(?:\\.|[^"])*"|`[^`]*`|<<|>>|==|!=|&\^|[-+*/%^()!,&|]|(?:0[xX][0-9a-fA-F_.]*(?:[pP][-+]?[0-9_]+)?|[0-9._]+(?:[eE][-+]?[0-9_]+)?)i?|[A-Za-z_][A-Za-z0-9_.]*/g,
  )!;
  let i = 0;
  const peek = (): string | undefined => toks[i];

  const literal = (tok: string): Operand => {
    let kind: c.LiteralKind;
    let t: T;
    if (tok.startsWith("'")) [kind, t] = ["CHAR", "untyped rune"];
    else if (tok.startsWith('"') || tok.startsWith("`")) [kind, t] = ["STRING", "untyped string"];
    else if (tok.endsWith("i")) [kind, t] = ["IMAG", "untyped complex"];
    else if (/^0[xX]/.test(tok) ? /[.pP]/.test(tok) : /[.eE]/.test(tok)) [kind, t] = ["FLOAT", "untyped float"];
    else [kind, t] = ["INT", "untyped int"];
    return { v: c.makeFromLiteral(tok, kind), t, text: tok };
  };

  const call = (name: string, args: Operand[]): Operand => {
    const text = `${name}(${args.map((a) => a.text).join(", ")})`;
    const [x, y] = args as [Operand, Operand];
    if (basicTypes.has(name)) return convert(x, name as T, text);
    switch (name) {
      case "len":
        return { v: c.makeInt64(c.stringLen(x.v)), t: "int", text };
      case "complex":
        return { v: c.binaryOp(c.toFloat(x.v), "+", c.makeImag(c.toFloat(y.v))), t: "untyped complex", text };
      case "real":
      case "imag": {
        const t: T = x.t === "complex64" ? "float32" : x.t === "complex128" ? "float64" : "untyped float";
        return { v: name === "real" ? c.real(x.v) : c.imag(x.v), t, text };
      }
    }
    throw new Error(`unknown function ${name}`);
  };

  const unary = (): Operand => {
    const tok = toks[i++]!;
    if (tok === "-" || tok === "+" || tok === "^" || tok === "!") {
      const x = unary();
      const prec = tok === "^" ? (unsignedBits[x.t] ?? 0) : 0;
      return overflow({ v: c.unaryOp(tok, x.v, prec), t: x.t, text: tok + x.text }, tok);
    }
    if (tok === "(") {
      const x = binary(1);
      i++; // ")"
      return { ...x, text: `(${x.text})` };
    }
    if (/^[A-Za-z_]/.test(tok)) {
      if (tok.startsWith("math.")) return { ...evaluate(mathConsts[tok.slice(5)]!), text: tok };
      if (tok === "true" || tok === "false") return { v: c.makeBool(tok === "true"), t: "untyped bool", text: tok };
      i++; // "("
      const args: Operand[] = [];
      while (peek() !== ")") {
        args.push(binary(1));
        if (peek() === ",") i++;
      }
      i++;
      return call(tok, args);
    }
    return literal(tok);
  };

  const prec: Record<string, number> = {
    "==": 3, "!=": 3, "+": 4, "-": 4, "|": 4, "^": 4, "*": 5, "/": 5, "%": 5, "<<": 5, ">>": 5, "&": 5, "&^": 5,
  };

  const apply = (x: Operand, op: string, y: Operand): Operand => {
    const text = `${x.text} ${op} ${y.text}`;
    if (op === "<<" || op === ">>") {
      const s = c.toInt(y.v);
      if (c.compare(s, ">", c.makeInt64(1074))) throw new GcError(`invalid operation: invalid shift count ${describeOperand(y)}`);
      const xi = isUntyped(x.t) ? c.toInt(x.v) : x.v;
      if (xi.kind !== c.Kind.Int) throw new GcError(`invalid operation: shifted operand ${describeOperand(x)} must be integer`);
      const t: T = isUntyped(x.t) ? (x.t === "untyped rune" ? x.t : "untyped int") : x.t;
      return overflow({ v: c.shift(xi, op, Number(c.intVal(s))), t, text }, op);
    }
    if (op === "==" || op === "!=") return { v: c.makeBool(c.compare(x.v, op, y.v)), t: "untyped bool", text };
    // Operand types (go/types matchTypes): a typed side converts the untyped one; two untyped
    // operands take the larger kind.
    let t: T;
    if (!isUntyped(x.t)) t = x.t;
    else if (!isUntyped(y.t)) t = y.t;
    else t = (rank[x.t] ?? 0) >= (rank[y.t] ?? 0) ? x.t : y.t;
    const xv = isUntyped(x.t) && !isUntyped(t) ? implicitConvert(x, t) : x.v;
    const yv = isUntyped(y.t) && !isUntyped(t) ? implicitConvert(y, t) : y.v;
    // Integer-only operators (go/types' binaryOpPredicates), reported on the converted x.
    if (["%", "&", "|", "^", "&^"].includes(op) && !isInteger(t)) {
      throw new GcError(`invalid operation: operator ${op} not defined on ${describeOperand({ ...x, t, v: xv })}`);
    }
    if ((op === "/" || op === "%") && c.sign(yv) === 0) throw new GcError("invalid operation: division by zero");
    const v = op === "/" && !isInteger(t) ? c.quo(xv, yv) : c.binaryOp(xv, op as c.BinaryOperator, yv);
    return overflow({ v, t, text }, op);
  };

  const binary = (minPrec: number): Operand => {
    let x = unary();
    for (;;) {
      const op = peek();
      if (op === undefined || prec[op] === undefined || prec[op]! < minPrec) return x;
      i++;
      const y = binary(prec[op]! + 1);
      x = apply(x, op, y);
    }
  };

  const r = binary(1);
  if (i !== toks.length) throw new Error(`trailing tokens in ${src}`);
  return r;
}

const defaultType: Partial<Record<T, T>> = {
  "untyped int": "int",
  "untyped rune": "int32",
  "untyped float": "float64",
  "untyped complex": "complex128",
  "untyped string": "string",
  "untyped bool": "bool",
};

function bits64(f: number): string {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, f);
  return dv.getBigUint64(0).toString(16);
}

function bits32(f: number): string {
  const dv = new DataView(new ArrayBuffer(4));
  dv.setFloat32(0, f);
  return dv.getUint32(0).toString(16);
}

/** Formats a value the way exprs_golden.go's out() prints it. */
function machineValue(x: Operand): string {
  const t = defaultType[x.t] ?? x.t;
  const r = c.representable(x.v, t, x.t);
  if (!r.ok) throw new Error(`default conversion failed for ${x.text}`);
  const v = r.value;
  const name = t === "byte" ? "uint8" : t === "rune" ? "int32" : t;
  switch (t) {
    case "float64":
      return `float64 ${bits64(c.float64Val(v)[0])}`;
    case "float32":
      return `float32 ${bits32(c.float32Val(v)[0])}`;
    case "complex128":
      return `complex128 ${bits64(c.float64Val(c.real(v))[0])} ${bits64(c.float64Val(c.imag(v))[0])}`;
    case "complex64":
      return `complex64 ${bits32(c.float32Val(c.real(v))[0])} ${bits32(c.float32Val(c.imag(v))[0])}`;
    case "string":
      return `string ${v.exactString()}`; // %q is strconv.Quote
    case "bool":
      return `bool ${c.boolVal(v)}`;
    default:
      return `${name} ${c.intVal(v)}`;
  }
}

describe("constant expressions agree with gc", () => {
  test.each(Object.entries(golden.valid))("%s", (src, want) => {
    expect(machineValue(evaluate(src))).toBe(want);
  });

  test.each(Object.entries(golden.invalid))("%s is rejected", (src, want) => {
    expect(() => evaluate(src)).toThrow(new GcError(want));
  });

  test("random typed declarations (typedfuzz.json): values bit for bit, errors verbatim", () => {
    const failures: string[] = [];
    for (const f of fuzz) {
      let got: string;
      try {
        got = machineValue(declare(f.type as T, f.expr)).replace(/^\S+ /, "");
      } catch (e) {
        if (!(e instanceof GcError)) throw e;
        got = "error: " + e.message;
      }
      const want = f.err !== "" ? "error: " + f.err : f.out;
      if (got !== want) failures.push(`var _ ${f.type} = ${f.expr}\n  got  ${got}\n  want ${want}`);
    }
    expect(failures).toEqual([]);
    expect(fuzz.filter((f) => f.err === "").length).toBeGreaterThan(150);
  });

  test("coverage of the golden file", () => {
    expect(Object.keys(golden.valid).length).toBeGreaterThan(90);
    expect(Object.keys(golden.invalid).length).toBeGreaterThan(25);
  });
});
