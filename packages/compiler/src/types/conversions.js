/**
 * Conversions T(x) (types2's conversions.go): constant conversions (with
 * representability and integer→string), convertibility of non-constant
 * values including unsafe.Pointer, slice→array-pointer, and type-parameter
 * cases checked term by term.
 */
import { makeString, uint64Val } from "../constant/index.js";
import { assignableTo } from "./assignments.js";
import { representableConst, updateExprType } from "./expr.js";
import { allString, defaultType, identical, identicalIgnoreTags, isComplex, isConstType, isInteger, isIntegerOrFloat, isNonTypeParamInterface, isString, isUntyped, underT, } from "./predicates.js";
import { Array, Basic, Pointer, Slice, Typ, TypeParam } from "./type.js";
import { computeInterfaceTypeSet, typeSetIs, typeSetUnderIs } from "./typeset.js";
function codepointString(x) {
    let cp = 0xfffd;
    const [i, ok] = uint64Val(x);
    if (ok && i <= 0x10ffffn && !(i >= 0xd800n && i <= 0xdfffn))
        cp = Number(i);
    return makeString(String.fromCodePoint(cp));
}
export function conversion(check, x, T) {
    const constArg = x.mode === 4 /* Mode.Constant */;
    const constConvertibleTo = (t0, out) => {
        const t = underT(t0);
        if (!(t instanceof Basic))
            return false;
        if (representableConst(x.val, check, t, out))
            return true;
        if (isInteger(x.type) && isString(t)) {
            if (out !== null)
                out.v = codepointString(x.val);
            return true;
        }
        return false;
    };
    let ok = false;
    const cause = { msg: "" };
    if (constArg && isConstType(T)) {
        const out = { v: x.val };
        ok = constConvertibleTo(T, out);
        if (ok)
            x.val = out.v;
    }
    else if (constArg && T instanceof TypeParam) {
        ok = typeSetUnderIs(computeInterfaceTypeSet(T.iface()), (u) => {
            if (u === null) {
                cause.msg = `${check.t(T)} does not contain specific types`;
                return false;
            }
            if (isString(x.type) && isBytesOrRunes(u))
                return true;
            if (!constConvertibleTo(u, null)) {
                cause.msg = `cannot convert ${check.o(x)} to ${check.t(u)} (in ${check.t(T)})`;
                return false;
            }
            return true;
        });
        x.mode = 7 /* Mode.Value */;
    }
    else if (convertibleTo(check, x, T, cause)) {
        ok = true;
        x.mode = 7 /* Mode.Value */;
    }
    if (!ok) {
        if (cause.msg !== "")
            check.error(x, `cannot convert ${check.o(x)} to type ${check.t(T)}:\n\t${cause.msg}`);
        else
            check.error(x, `cannot convert ${check.o(x)} to type ${check.t(T)}`);
        x.mode = 0 /* Mode.Invalid */;
        return;
    }
    if (isUntyped(x.type)) {
        let final = T;
        if (x.type === Typ[25 /* BasicKind.UntypedNil */]) {
            // keep T
        }
        else if (isNonTypeParamInterface(T) || (constArg && !isConstType(T))) {
            final = defaultType(x.type);
        }
        else if (x.mode === 4 /* Mode.Constant */ && isInteger(x.type) && allString(T)) {
            final = x.type;
        }
        if (x.expr !== null)
            updateExprType(check, x.expr, final, true);
    }
    x.type = T;
}
function isUintptr(t) {
    const u = underT(t);
    return u instanceof Basic && u.kind === 12 /* BasicKind.Uintptr */;
}
function isUnsafePointer(t) {
    const u = underT(t);
    return u instanceof Basic && u.kind === 18 /* BasicKind.UnsafePointer */;
}
function isPointer(t) {
    return underT(t) instanceof Pointer;
}
export function isBytesOrRunes(t) {
    const u = underT(t);
    if (u instanceof Slice) {
        const e = underT(u.elem);
        return e instanceof Basic && (e.kind === 8 /* BasicKind.Uint8 */ || e.kind === 5 /* BasicKind.Int32 */);
    }
    return false;
}
export function convertibleTo(check, x, T, cause) {
    if (assignableTo(check, x, T, cause))
        return true;
    const V = x.type;
    const Vu = underT(V);
    const Tu = underT(T);
    const Vp = V instanceof TypeParam ? V : null;
    const Tp = T instanceof TypeParam ? T : null;
    if (identicalIgnoreTags(Vu, Tu) && Vp === null && Tp === null)
        return true;
    if (V instanceof Pointer && T instanceof Pointer) {
        if (identicalIgnoreTags(underT(V.base), underT(T.base)) && !(V.base instanceof TypeParam) && !(T.base instanceof TypeParam))
            return true;
    }
    if (isIntegerOrFloat(Vu) && isIntegerOrFloat(Tu))
        return true;
    if (isComplex(Vu) && isComplex(Tu))
        return true;
    if ((isInteger(Vu) || isBytesOrRunes(Vu)) && isString(Tu))
        return true;
    if (isString(Vu) && isBytesOrRunes(Tu))
        return true;
    if ((isPointer(Vu) || isUintptr(Vu)) && isUnsafePointer(Tu))
        return true;
    if (isUnsafePointer(Vu) && (isPointer(Tu) || isUintptr(Tu)))
        return true;
    if (Vu instanceof Slice && Tu instanceof Pointer) {
        const a = underT(Tu.base);
        if (a instanceof Array && identical(Vu.elem, a.elem))
            return true;
    }
    if (Vp === null && Tp === null)
        return false;
    const addCause = (msg) => {
        if (cause !== null)
            cause.msg = cause.msg !== "" ? msg + "\n\t" + cause.msg : msg;
    };
    if (Vp !== null && Tp !== null) {
        const x2 = x.clone();
        return typeSetIs(computeInterfaceTypeSet(Vp.iface()), (v) => {
            if (v === null || v.type === null)
                return false;
            x2.type = v.type;
            return typeSetIs(computeInterfaceTypeSet(Tp.iface()), (t) => {
                if (t === null || t.type === null)
                    return false;
                if (!convertibleTo(check, x2, t.type, cause)) {
                    addCause(`cannot convert ${check.t(v.type)} (in ${check.t(Vp)}) to ${check.t(t.type)} (in ${check.t(Tp)})`);
                    return false;
                }
                return true;
            });
        });
    }
    if (Vp !== null) {
        const x2 = x.clone();
        return typeSetIs(computeInterfaceTypeSet(Vp.iface()), (v) => {
            if (v === null || v.type === null)
                return false;
            x2.type = v.type;
            if (!convertibleTo(check, x2, T, cause)) {
                addCause(`cannot convert ${check.t(v.type)} (in ${check.t(Vp)}) to ${check.t(T)}`);
                return false;
            }
            return true;
        });
    }
    if (Tp !== null) {
        return typeSetIs(computeInterfaceTypeSet(Tp.iface()), (t) => {
            if (t === null || t.type === null)
                return false;
            if (!convertibleTo(check, x, t.type, cause)) {
                addCause(`cannot convert ${check.t(x.type)} to ${check.t(t.type)} (in ${check.t(Tp)})`);
                return false;
            }
            return true;
        });
    }
    return false;
}
