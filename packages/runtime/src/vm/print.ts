/**
 * print.ts — the builtin print/println formats (Go's print.go). Floats use the runtime's
 * format (+1.500000e+000), shared with the collector's trace printing (mgcpacer.ts).
 */
import { formatRuntimeFloat } from "../mgcpacer.js";

/** Go's runtime float format: +1.500000e+000, NaN, +Inf, -Inf. */
export function formatFloat(v: number): string {
  return formatRuntimeFloat(v);
}
