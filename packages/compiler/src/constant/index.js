/**
 * Exact constant arithmetic for gort's Go type checker: our counterpart of Go's go/constant
 * package, plus the representability checks of go/types (representableConst) for linux/amd64.
 *
 * Someone who knows go/constant should find every name here: the functions are go/constant's
 * in camelCase (MakeInt64 → makeInt64, BinaryOp → binaryOp, ...). Differences, all deliberate:
 *
 * - operators are strings ("+", "<<", "==", ...) instead of token.Token values;
 * - `binaryOp(x, "/", y)` on two Int values TRUNCATES (Go's language rule for integer
 *   constants, what go/types gets by passing token.QUO_ASSIGN). For the exact rational
 *   quotient of two Ints use `quo(x, y)` (go/constant's BinaryOp with token.QUO). Choose by
 *   the operands' *type*, as go/types does: integer type → "/", any other type → `quo`
 *   (an untyped float may hold an Int-kind value, e.g. real(1 + 2i));
 * - division by zero returns Unknown instead of panicking (the checker should still report
 *   "invalid operation: division by zero" before folding);
 * - accessors that return (value, exact) in Go return a tuple `[value, exact]`; 64-bit integers
 *   are `bigint`;
 * - strings are Go strings, i.e. byte sequences (they may hold invalid UTF-8 such as "\xff").
 *   `stringVal` returns the exact Go string as a *byte string* (one JS char per byte: its
 *   length is Go's len, and it compares and hashes like the Go string); `stringText` decodes
 *   it to JavaScript text; `makeString` takes JavaScript text and UTF-8 encodes it;
 *   `makeStringBytes` takes bytes (a Uint8Array or a byte string); `stringBytes` gives a
 *   Uint8Array;
 * - `representable(x, basicKindName)` is go/types' representableConst with a reason code.
 *
 * Values are immutable; share them freely. `String(x)`-style output is `x.toString()` (or
 * `${x}`) and `x.exactString()`; both print exactly what go/constant prints.
 *
 * See HACKING.md for the representation, gc's error message wording, and status.
 */
export { Kind } from "./value.js";
export { makeUnknown, makeBool, makeString, makeStringBytes, makeInt64, makeUint64, makeBigInt, makeFloat64, makeRat, makeImag, makeComplex, boolVal, stringVal, stringText, stringBytes, stringLen, int64Val, uint64Val, intVal, float32Val, float64Val, bitLen, sign, num, denom, real, imag, toInt, toFloat, toComplex, isInteger, } from "./value.js";
export { unaryOp, binaryOp, quo, shift, compare, runeToString } from "./ops.js";
export { makeFromLiteral, unquote, unquoteChar } from "./literal.js";
export { quoteGo, quoteRune } from "./format.js";
export { representable, roundFloat32, roundFloat64 } from "./represent.js";
