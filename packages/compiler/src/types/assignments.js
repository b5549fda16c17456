import { nodeEnd, unparen } from "../syntax/ast.js";
import { exprList } from "./call.js";
import { convertUntyped, expr, implicitTypeAndValue, use } from "./expr.js";
import { implementsCause } from "./lookup.js";
import { Var } from "./object.js";
import { Operand } from "./operand.js";
import { defaultType, hasName, identical, isInterfacePtr, isNonTypeParamInterface, isUntyped, underT, } from "./predicates.js";
import { declare } from "./resolver.js";
import { Chan, Interface, Signature, Typ, TypeParam, isInvalid } from "./type.js";
import { computeInterfaceTypeSet, typeSetIs } from "./typeset.js";
/**
 * Reports whether x is assignable to a variable of type T; if not and
 * reason is given, reason.msg may receive an explanation.
 */
export function assignableTo(check, x, T, reason) {
    if (x.mode === 0 /* Mode.Invalid */ || isInvalid(T))
        return true;
    const V = x.type;
    if (identical(V, T))
        return true;
    const Vu = underT(V);
    const Tu = underT(T);
    const Vp = V instanceof TypeParam ? V : null;
    const Tp = T instanceof TypeParam ? T : null;
    if (isUntyped(Vu)) {
        if (Tp !== null) {
            return typeSetIs(computeInterfaceTypeSet(Tp.iface()), (t) => {
                if (t === null)
                    return false;
                return implicitTypeAndValue(check, x, t.type).type !== null;
            });
        }
        return implicitTypeAndValue(check, x, T).type !== null;
    }
    if (identical(Vu, Tu) && (!hasName(V) || !hasName(T)) && Vp === null && Tp === null)
        return true;
    if ((Tu instanceof Interface && Tp === null) || isInterfacePtr(Tu)) {
        const cause = implementsCause(check, V, T);
        if (cause !== null) {
            if (reason !== null)
                reason.msg = cause;
            return false;
        }
        return true;
    }
    if (Vu instanceof Interface && Vp === null) {
        if (implementsCause(check, T, V) === null) {
            if (reason !== null)
                reason.msg = "need type assertion";
            return false;
        }
    }
    if (Vu instanceof Chan && Vu.dir === 0 /* ChanDir.SendRecv */) {
        if (Tu instanceof Chan && identical(Vu.elem, Tu.elem))
            return !hasName(V) || !hasName(T);
    }
    if (Vp === null && Tp === null)
        return false;
    const addReason = (msg) => {
        if (reason !== null)
            reason.msg = reason.msg !== "" ? msg + "\n\t" + reason.msg : msg;
    };
    if (!hasName(V) && Tp !== null) {
        let ok = false;
        typeSetIs(computeInterfaceTypeSet(Tp.iface()), (t) => {
            if (t === null || t.type === null)
                return false;
            ok = assignableTo(check, x, t.type, reason);
            if (!ok) {
                addReason(`cannot assign ${check.t(x.type)} to ${check.t(t.type)} (in ${check.t(Tp)})`);
                return false;
            }
            return true;
        });
        return ok;
    }
    if (Vp !== null && !hasName(T)) {
        const x2 = x.clone();
        let ok = false;
        typeSetIs(computeInterfaceTypeSet(Vp.iface()), (v) => {
            if (v === null || v.type === null)
                return false;
            x2.type = v.type;
            ok = assignableTo(check, x2, T, reason);
            if (!ok) {
                addReason(`cannot assign ${check.t(v.type)} (in ${check.t(Vp)}) to ${check.t(T)}`);
                return false;
            }
            return true;
        });
        return ok;
    }
    return false;
}
/** Checks that x can be assigned to a variable of type T (null: any type, defaulting untyped values). */
export function assignment(check, x, T, context) {
    if (x.mode === 7 /* Mode.Value */ && x.type instanceof import_Tuple()) {
        check.error(x, `multiple-value ${check.o(x)} in single-value context`);
        x.mode = 0 /* Mode.Invalid */;
    }
    switch (x.mode) {
        case 0 /* Mode.Invalid */:
            return;
        case 4 /* Mode.Constant */:
        case 5 /* Mode.Variable */:
        case 6 /* Mode.MapIndex */:
        case 7 /* Mode.Value */:
        case 8 /* Mode.NilValue */:
        case 9 /* Mode.CommaOk */:
        case 10 /* Mode.CommaErr */:
            break;
        default:
            check.error(x, `cannot assign ${check.o(x)} to ${T === null ? "<nil>" : check.t(T)} in ${context}`);
            return;
    }
    if (isUntyped(x.type)) {
        let target = T;
        if (x.isNil()) {
            if (T === null) {
                check.error(x, `use of untyped nil in ${context}`);
                x.mode = 0 /* Mode.Invalid */;
                return;
            }
        }
        else if (T === null || isNonTypeParamInterface(T)) {
            target = defaultType(x.type);
        }
        const r = implicitTypeAndValue(check, x, target);
        if (r.code !== 0) {
            let msg = `cannot use ${check.o(x)} as ${check.t(target)} value in ${context}`;
            if (r.code === 1)
                msg += " (truncated)";
            else if (r.code === 2)
                msg += " (overflows)";
            check.error(x, msg);
            x.mode = 0 /* Mode.Invalid */;
            return;
        }
        if (r.val !== null) {
            x.val = r.val;
            updateVal(check, x.expr, r.val);
        }
        if (r.type !== null && r.type !== x.type) {
            x.type = r.type;
            convertUntypedRecord(check, x);
        }
    }
    const u = underT(x.type);
    if (u instanceof Signature && u.tparams.length > 0) {
        check.error(x, `cannot use generic function ${x.expr !== null ? check.e(x.expr) : ""} without instantiation in ${context}`);
    }
    if (T === null)
        return;
    const reason = { msg: "" };
    if (!assignableTo(check, x, T, reason)) {
        if (reason.msg !== "")
            check.error(x, `cannot use ${check.o(x)} as type ${check.t(T)} in ${context}:\n\t${reason.msg}`);
        else
            check.error(x, `cannot use ${check.o(x)} as type ${check.t(T)} in ${context}`);
        x.mode = 0 /* Mode.Invalid */;
    }
}
import { Tuple } from "./type.js";
function import_Tuple() {
    return Tuple;
}
function updateVal(check, e, v) {
    if (e === null)
        return;
    const info = check.untyped.get(e);
    if (info !== undefined)
        info.val = v;
}
function convertUntypedRecord(check, x) {
    // the type was decided by implicitTypeAndValue; propagate it to the untyped expression tree
    if (x.expr !== null)
        updateExprTypeFn(check, x.expr, x.type, false);
}
import { updateExprType as updateExprTypeFn } from "./expr.js";
export function initConst(check, lhs, x) {
    if (x.mode === 0 /* Mode.Invalid */ || isInvalid(x.type) || (lhs.type !== null && isInvalid(lhs.type))) {
        if (lhs.type === null)
            lhs.type = Typ[0 /* BasicKind.Invalid */];
        return;
    }
    if (x.mode !== 4 /* Mode.Constant */) {
        check.error(x, `${check.o(x)} is not constant`);
        if (lhs.type === null)
            lhs.type = Typ[0 /* BasicKind.Invalid */];
        return;
    }
    if (lhs.type === null)
        lhs.type = x.type;
    assignment(check, x, lhs.type, "constant declaration");
    if (x.mode === 0 /* Mode.Invalid */)
        return;
    lhs.val = x.val;
}
export function initVar(check, lhs, x, context) {
    if (x.mode === 0 /* Mode.Invalid */ || isInvalid(x.type) || (lhs.type !== null && isInvalid(lhs.type))) {
        if (lhs.type === null)
            lhs.type = Typ[0 /* BasicKind.Invalid */];
        lhs.used = true;
        return null;
    }
    if (lhs.type === null) {
        let t = x.type;
        if (isUntyped(t)) {
            if (t === Typ[25 /* BasicKind.UntypedNil */]) {
                check.error(x, `use of untyped nil in ${context}`);
                lhs.type = Typ[0 /* BasicKind.Invalid */];
                return null;
            }
            t = defaultType(t);
        }
        lhs.type = t;
    }
    assignment(check, x, lhs.type, context);
    if (x.mode === 0 /* Mode.Invalid */) {
        lhs.used = true;
        return null;
    }
    return x.type;
}
export function assignVar(check, lhs, x) {
    if (x.mode === 0 /* Mode.Invalid */ || isInvalid(x.type)) {
        use(check, lhs);
        return null;
    }
    const id = unparen(lhs);
    if (id.kind === "Ident" && id.name === "_") {
        check.recordDef(id, null);
        assignment(check, x, null, "assignment to _ identifier");
        if (x.mode === 0 /* Mode.Invalid */)
            return null;
        return x.type;
    }
    let v = null;
    let vUsed = false;
    if (id.kind === "Ident") {
        const obj = check.lookup(id.name);
        if (obj instanceof Var && obj.pkg === check.pkg) {
            v = obj;
            vUsed = v.used;
        }
    }
    const z = new Operand();
    expr(check, z, lhs);
    if (v !== null)
        v.used = vUsed;
    if (z.mode === 0 /* Mode.Invalid */ || isInvalid(z.type))
        return null;
    switch (z.mode) {
        case 5 /* Mode.Variable */:
        case 6 /* Mode.MapIndex */:
            break;
        default: {
            const ze = z.expr;
            if (ze !== null && ze.kind === "SelectorExpr") {
                const op = new Operand();
                expr(check, op, ze.x);
                if (op.mode === 6 /* Mode.MapIndex */) {
                    check.error(z, `cannot assign to struct field ${check.e(ze)} in map`);
                    return null;
                }
            }
            check.error(z, `cannot assign to ${check.o(z)}`);
            return null;
        }
    }
    assignment(check, x, z.type, "assignment");
    if (x.mode === 0 /* Mode.Invalid */)
        return null;
    return x.type;
}
function measure(x, unit) {
    return `${x} ${unit}${x !== 1 ? "s" : ""}`;
}
function assignError(check, rhs, nvars, nvals) {
    const vars = measure(nvars, "variable");
    const vals = measure(nvals, "value");
    const rhs0 = rhs[0];
    if (rhs.length === 1) {
        const call = unparen(rhs0);
        if (call.kind === "CallExpr") {
            check.error(rhs0, `assignment mismatch: ${vars} but ${check.e(call.fun)} returns ${vals}`);
            return;
        }
    }
    check.error(rhs0, `assignment mismatch: ${vars} but ${vals}`);
}
export function typesSummary(check, list, variadic) {
    const res = list.map((t, i) => {
        if (isInvalid(t))
            return "<T>";
        if (isUntyped(t)) {
            const b = t;
            if (b.info & 26)
                return "number";
            return b.name.replace("untyped ", "");
        }
        if (variadic && i === list.length - 1 && t.tag === 4 /* Slice */) {
            return "..." + check.t(t.elem);
        }
        return check.t(t);
    });
    return "(" + res.join(", ") + ")";
}
export function initVars(check, lhs, origRhs, returnStmt) {
    const { list: rhs, commaOk } = exprList(check, origRhs, lhs.length === 2 && returnStmt === null);
    if (lhs.length !== rhs.length) {
        for (const obj of lhs) {
            obj.used = true;
            if (obj.type === null)
                obj.type = Typ[0 /* BasicKind.Invalid */];
        }
        for (const x of rhs)
            if (x.mode === 0 /* Mode.Invalid */)
                return;
        if (returnStmt !== null) {
            let at = returnStmt;
            let qualifier = "not enough";
            if (rhs.length > lhs.length) {
                at = rhs[lhs.length].expr ?? returnStmt;
                qualifier = "too many";
            }
            else if (rhs.length > 0)
                at = rhs[rhs.length - 1].expr ?? returnStmt;
            const have = typesSummary(check, rhs.map((x) => x.type), false);
            const want = typesSummary(check, lhs.map((v) => v.typ()), false);
            check.error(at, `${qualifier} return values\n\thave ${have}\n\twant ${want}`);
            return;
        }
        assignError(check, origRhs, lhs.length, rhs.length);
        return;
    }
    const context = returnStmt !== null ? "return statement" : "assignment";
    if (commaOk) {
        const a0 = initVar(check, lhs[0], rhs[0], context);
        const a1 = initVar(check, lhs[1], rhs[1], context);
        check.recordCommaOkTypes(origRhs[0], [a0 ?? Typ[0 /* BasicKind.Invalid */], a1 ?? Typ[0 /* BasicKind.Invalid */]]);
        return;
    }
    let ok = true;
    lhs.forEach((v, i) => {
        if (initVar(check, v, rhs[i], context) === null)
            ok = false;
    });
    if (!ok)
        for (const v of lhs)
            v.used = true;
}
export function assignVars(check, lhs, origRhs) {
    const { list: rhs, commaOk } = exprList(check, origRhs, lhs.length === 2);
    if (lhs.length !== rhs.length) {
        use(check, ...lhs);
        for (const x of rhs)
            if (x.mode === 0 /* Mode.Invalid */)
                return;
        assignError(check, origRhs, lhs.length, rhs.length);
        return;
    }
    if (commaOk) {
        const a0 = assignVar(check, lhs[0], rhs[0]);
        const a1 = assignVar(check, lhs[1], rhs[1]);
        check.recordCommaOkTypes(origRhs[0], [a0 ?? Typ[0 /* BasicKind.Invalid */], a1 ?? Typ[0 /* BasicKind.Invalid */]]);
        return;
    }
    let ok = true;
    lhs.forEach((l, i) => {
        if (assignVar(check, l, rhs[i]) === null)
            ok = false;
    });
    if (!ok) {
        for (const l of lhs) {
            const n = unparen(l);
            if (n.kind === "Ident") {
                const obj = check.lookup(n.name);
                if (obj instanceof Var && obj.pkg === check.pkg)
                    obj.used = true;
            }
        }
    }
}
export function shortVarDecl(check, pos, lhs, rhs) {
    const top = check.delayed.length;
    const scope = check.env.scope;
    const seen = new Set();
    const lhsVars = [];
    const newVars = [];
    let hasErr = false;
    for (const l of lhs) {
        if (l.kind !== "Ident") {
            use(check, l);
            check.error(l, `non-name ${check.e(l)} on left side of :=`);
            lhsVars.push(null);
            hasErr = true;
            continue;
        }
        const name = l.name;
        if (name !== "_") {
            if (seen.has(name)) {
                check.error(l, `${name} repeated on left side of :=`);
                lhsVars.push(null);
                hasErr = true;
                continue;
            }
            seen.add(name);
        }
        const alt = scope.lookup(name);
        if (alt !== undefined) {
            check.recordUse(l, alt);
            if (alt instanceof Var)
                lhsVars.push(alt);
            else {
                check.error(l, `cannot assign to ${check.e(l)}`);
                lhsVars.push(null);
                hasErr = true;
            }
            continue;
        }
        const obj = new Var(l.pos, check.pkg, name, null);
        lhsVars.push(obj);
        if (name !== "_")
            newVars.push(obj);
        check.recordDef(l, obj);
    }
    const vars = lhsVars.map((v, i) => v ?? new Var(lhs[i].kind === "Ident" ? lhs[i].pos : 0, check.pkg, "_", null));
    initVars(check, vars, rhs, null);
    check.processDelayed(top);
    if (newVars.length === 0 && !hasErr) {
        check.softError(pos, "no new variables on left side of :=");
        return;
    }
    const scopePos = nodeEnd(rhs[rhs.length - 1]);
    for (const obj of newVars)
        declare(check, scope, null, obj, scopePos);
}
export { convertUntyped, use };
