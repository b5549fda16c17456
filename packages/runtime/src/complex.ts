/**
 * complex.ts — complex division (the role of Go's runtime/complex.go, written afresh).
 *
 * The compiler lowers every complex operation except division inline on pairs of float slots
 * (ir/lowermisc.ts): +, − per part; × in float64 (widening complex64 first, as gc does);
 * == as both parts equal. Division is a call, as in gc, because a robust quotient needs
 * branches: `CALLN runtime.complex128div, B, C` with s[B..B+3] = real(n), imag(n), real(m),
 * imag(m) (f64) and s[C], s[C+1] = the quotient's parts. complex64 division widens to
 * complex128, divides, and narrows the result.
 *
 * ALGORITHM: Smith's (R. L. Smith, "Algorithm 116: Complex division", CACM 5(8), 1962): divide
 * through by the larger of |real(m)| and |imag(m)| so that the intermediate products cannot
 * overflow where the naive (ac+bd)/(c²+d²) would. When both parts come out NaN, C99 Annex G
 * (G.5.1) recovers the infinite or zero results that NaN arithmetic lost: x/0 for non-NaN x is
 * an infinity signed by the zero's sign; infinite/finite is infinite; finite/infinite is zero.
 * These are the results Go 1.19 prints for the same operands (misc_complex.go checks them).
 *
 * Rejected: the naive formula (overflows for |m| > 1e154 and underflows for tiny m, so results
 * would differ from Go's); a bytecode helper (a dozen branches in the interpreter per division).
 */
import type { NativeFn } from "./vm/interp.js";

/** Sets out[0], out[1] to the parts of (a+bi)/(c+di). */
export function complex128div(a: number, b: number, c: number, d: number, out: Float64Array): void {
  let e: number;
  let f: number;
  if (Math.abs(c) >= Math.abs(d)) {
    const ratio = d / c;
    const denom = c + ratio * d;
    e = (a + b * ratio) / denom;
    f = (b - a * ratio) / denom;
  } else {
    const ratio = c / d;
    const denom = d + ratio * c;
    e = (a * ratio + b) / denom;
    f = (b * ratio - a) / denom;
  }
  if (Number.isNaN(e) && Number.isNaN(f)) {
    const inf = Infinity;
    const finite = (x: number): boolean => Number.isFinite(x);
    const isInf = (x: number): boolean => x === inf || x === -inf;
    // an infinity becomes ±1, anything else ±0, keeping the sign
    const unit = (x: number): number => (isInf(x) ? 1 : 0) * (x < 0 || Object.is(x, -0) ? -1 : 1);
    if (c === 0 && d === 0 && (!Number.isNaN(a) || !Number.isNaN(b))) {
      const s = c < 0 || Object.is(c, -0) ? -inf : inf;
      e = s * a;
      f = s * b;
    } else if ((isInf(a) || isInf(b)) && finite(c) && finite(d)) {
      const a1 = unit(a);
      const b1 = unit(b);
      e = inf * (a1 * c + b1 * d);
      f = inf * (b1 * c - a1 * d);
    } else if ((isInf(c) || isInf(d)) && finite(a) && finite(b)) {
      const c1 = unit(c);
      const d1 = unit(d);
      e = 0 * (a * c1 + b * d1);
      f = 0 * (b * c1 - a * d1);
    }
  }
  out[0] = e;
  out[1] = f;
}

const scratch = new Float64Array(2);

/** runtime.complex128div(real(n), imag(n), real(m), imag(m)) → (real, imag). */
export const complex128divNative: NativeFn = (vm, _g, args, res) => {
  const f64 = vm.heap.mem.f64;
  const i = args >>> 3;
  complex128div(f64[i], f64[i + 1], f64[i + 2], f64[i + 3], scratch);
  f64[res >>> 3] = scratch[0];
  f64[(res >>> 3) + 1] = scratch[1];
};

/** Adds the complex-number natives to a natives table. */
export function addComplexNatives(m: Map<string, NativeFn>): void {
  m.set("runtime.complex128div", complex128divNative);
}
