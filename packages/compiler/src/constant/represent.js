/**
 * Representability of constants in Go's basic types on linux/amd64 (go/types'
 * representableConst + Checker.representation), with the rounded value and the reason code gc
 * prints in its messages ("(overflows)", "(truncated)", or none).
 *
 * Sizes: int, uint and uintptr are 64-bit. Untyped kinds accept any value of a compatible kind
 * (the checker separately limits untyped Ints to 512 bits: "constant ... overflow").
 */
import { Kind, ComplexVal, RatVal, float32Val, float64Val, toInt, toFloat, toComplex, makeFloat64, real, imag } from "./value.js";
const intRanges = {};
function signed(bits) {
    return { min: -(1n << BigInt(bits - 1)), max: (1n << BigInt(bits - 1)) - 1n };
}
function unsigned(bits) {
    return { min: 0n, max: (1n << BigInt(bits)) - 1n };
}
intRanges.int = signed(64);
intRanges.int8 = signed(8);
intRanges.int16 = signed(16);
intRanges.int32 = signed(32);
intRanges.rune = signed(32);
intRanges.int64 = signed(64);
intRanges.uint = unsigned(64);
intRanges.uint8 = unsigned(8);
intRanges.byte = unsigned(8);
intRanges.uint16 = unsigned(16);
intRanges.uint32 = unsigned(32);
intRanges.uint64 = unsigned(64);
intRanges.uintptr = unsigned(64);
function isIntegerKind(k) {
    return k in intRanges || k === "untyped int" || k === "untyped rune";
}
function isNumericKind(k) {
    return (isIntegerKind(k) ||
        k === "float32" ||
        k === "float64" ||
        k === "complex64" ||
        k === "complex128" ||
        k === "untyped float" ||
        k === "untyped complex");
}
/** x rounded to float32 as an exact Float, or null if it overflows (±Inf). x: Int or Float. */
export function roundFloat32(x) {
    const [f, exact] = float32Val(x);
    if (exact && x instanceof RatVal)
        return x; // already the exact float32 value
    return Number.isFinite(f) ? makeFloat64(f) : null;
}
/** x rounded to float64 as an exact Float, or null if it overflows (±Inf). x: Int or Float. */
export function roundFloat64(x) {
    const [f, exact] = float64Val(x);
    if (exact && x instanceof RatVal)
        return x; // already the exact float64 value
    return Number.isFinite(f) ? makeFloat64(f) : null;
}
/** representableConst: the value to store, or null when not representable (no reason). */
function representableValue(x, target) {
    if (x.kind === Kind.Unknown)
        return { value: x }; // avoid follow-up errors
    const range = intRanges[target];
    if (range !== undefined || target === "untyped int" || target === "untyped rune") {
        const i = toInt(x);
        if (i.kind !== Kind.Int)
            return { value: null };
        if (range === undefined || (i.v >= range.min && i.v <= range.max))
            return { value: i };
        return { value: null, int: i };
    }
    switch (target) {
        case "float32":
        case "float64":
        case "untyped float": {
            const f = toFloat(x);
            if (f.kind !== Kind.Float)
                return { value: null };
            if (target === "untyped float")
                return { value: f };
            return { value: target === "float32" ? roundFloat32(f) : roundFloat64(f) };
        }
        case "complex64":
        case "complex128":
        case "untyped complex": {
            const c = toComplex(x);
            if (!(c instanceof ComplexVal))
                return { value: null };
            if (target === "untyped complex")
                return { value: c };
            const round = target === "complex64" ? roundFloat32 : roundFloat64;
            const re = round(real(c));
            const im = round(imag(c));
            if (re === null || im === null)
                return { value: null };
            return { value: new ComplexVal(re, im) };
        }
        case "string":
        case "untyped string":
            return { value: x.kind === Kind.String ? x : null };
        case "bool":
        case "untyped bool":
            return { value: x.kind === Kind.Bool ? x : null };
        default:
            return { value: null };
    }
}
/**
 * Whether constant x can be represented in basic type `target`, and if so the value to use
 * (go/types' representableConst with `rounded`, plus Checker.representation's reason).
 *
 * `source` is the constant's current type (e.g. "untyped float"). gc picks the reason from the
 * types, not the value: any non-integer source converted to an integer type is "truncated"
 * (so 1e100 → int is "truncated", not "overflows"), other numeric pairs are "overflows", and
 * non-numeric pairs "cannot represent". Without `source`, the value's kind stands in for it
 * (Int → integer, Float → float, Complex → complex, ...).
 *
 * Unknown is representable in every type (to avoid follow-up errors), as in go/types.
 */
export function representable(x, target, source) {
    const r = representableValue(x, target);
    if (r.value !== null)
        return { ok: true, value: r.value };
    let srcNumeric;
    let srcInteger;
    if (source !== undefined) {
        srcNumeric = isNumericKind(source);
        srcInteger = isIntegerKind(source);
    }
    else {
        srcNumeric = x.kind === Kind.Int || x.kind === Kind.Float || x.kind === Kind.Complex;
        srcInteger = x.kind === Kind.Int;
    }
    let reason = "cannot represent";
    if (srcNumeric && isNumericKind(target))
        reason = !srcInteger && isIntegerKind(target) ? "truncated" : "overflows";
    return r.int !== undefined ? { ok: false, reason, value: r.int } : { ok: false, reason };
}
