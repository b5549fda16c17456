import { exprString } from "../syntax/printer.js";
import { Basic, Typ, TypeParam } from "./type.js";
import { typeString } from "./typestring.js";
import { isGeneric } from "./predicates.js";
const modeString = [
    "invalid operand",
    "no value",
    "built-in",
    "type",
    "constant",
    "variable",
    "map index expression",
    "value",
    "nil",
    "comma, ok expression",
    "comma, error expression",
];
export class Operand {
    constructor() {
        this.mode = 0 /* Mode.Invalid */;
        this.expr = null;
        this.type = Typ[0 /* BasicKind.Invalid */];
        this.val = null;
        this.id = 0;
    }
    invalidate() {
        this.mode = 0 /* Mode.Invalid */;
    }
    assign(y) {
        this.mode = y.mode;
        this.expr = y.expr;
        this.type = y.type;
        this.val = y.val;
        this.id = y.id;
    }
    clone() {
        const o = new Operand();
        o.assign(this);
        return o;
    }
    isNil() {
        return this.mode === 8 /* Mode.NilValue */;
    }
}
/** Renders an operand as types2 does in messages, e.g. `x (variable of type int)`. */
export function operandString(x, qf) {
    if (x.mode === 8 /* Mode.NilValue */) {
        const t = x.type;
        if (t instanceof Basic && t.kind === 0 /* BasicKind.Invalid */)
            return "nil (with invalid type)";
        if (t instanceof Basic && t.kind === 25 /* BasicKind.UntypedNil */)
            return "nil";
        return `nil (of type ${typeString(t, qf)})`;
    }
    let expr = "";
    if (x.expr !== null)
        expr = exprString(x.expr);
    else if (x.mode === 3 /* Mode.TypExpr */)
        expr = typeString(x.type, qf);
    else if (x.mode === 4 /* Mode.Constant */ && x.val !== null)
        expr = x.val.toString();
    let s = "";
    if (expr !== "")
        s += expr + " (";
    let hasType = false;
    switch (x.mode) {
        case 0 /* Mode.Invalid */:
        case 1 /* Mode.NoValue */:
        case 2 /* Mode.Builtin */:
        case 3 /* Mode.TypExpr */:
            break;
        default: {
            const t = x.type;
            if (t instanceof Basic && t.info & 64 /* BasicInfo.IsUntyped */) {
                s += t.name + " ";
            }
            else if (t instanceof Basic && t.kind === 25 /* BasicKind.UntypedNil */) {
                s += t.name + " ";
            }
            else
                hasType = true;
        }
    }
    s += modeString[x.mode];
    if (x.mode === 4 /* Mode.Constant */ && x.val !== null) {
        const vs = x.val.toString();
        if (vs !== expr)
            s += " " + vs;
    }
    if (hasType) {
        const t = x.type;
        if (!(t instanceof Basic && t.kind === 0 /* BasicKind.Invalid */)) {
            s += isGeneric(t) ? " of parameterized type " : " of type ";
            s += typeString(t, qf);
            if (t instanceof TypeParam)
                s += " constrained by " + typeString(t.bound, qf);
        }
        else
            s += " with invalid type";
    }
    if (expr !== "")
        s += ")";
    return s;
}
