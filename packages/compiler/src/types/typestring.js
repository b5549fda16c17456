import { Chan, Signature, Slice, setTypeStringHook, } from "./type.js";
/** A qualifier that prints nothing for `pkg` and the package path for others. */
export function relativeTo(pkg) {
    if (pkg === null)
        return null;
    return (other) => (other === pkg ? "" : other.path);
}
// Universe objects that print specially; registered by universe.ts.
let universeAny = null;
let universeComparableIface = null;
let unsafePkg = null;
/**
 * Tells the printer which universe types print by name: the interface
 * behind `any` prints as "any", the one behind `comparable` as
 * "interface{comparable}", and unsafe.Pointer is qualified with `unsafe`.
 */
export function registerUniverseTypes(any, comparableIface, unsafe) {
    universeAny = any;
    universeComparableIface = comparableIface;
    unsafePkg = unsafe;
}
/** The string form of typ, qualified by qf. */
export function typeString(typ, qf) {
    const w = new TypeWriter(qf);
    w.typ(typ);
    return w.out;
}
/** The signature without the leading "func": "(x int) string". */
export function signatureString(sig, qf) {
    const w = new TypeWriter(qf);
    w.signature(sig);
    return w.out;
}
/** A method or function name followed by its signature: "M(int) string" (gc's have/want lines). */
export function funcString(f, qf) {
    const sig = f.type;
    if (!(sig instanceof Signature))
        return f.name + "()";
    return f.name + signatureString(sig, qf);
}
/** "[int, string]" style list of types (type argument lists). */
export function typeListString(list, qf) {
    const w = new TypeWriter(qf);
    w.typeList(list);
    return w.out;
}
/** The qualified name of a package-level object: "p.Name" or "Name". */
export function qualifiedName(pkg, name, qf) {
    if (pkg === null)
        return name;
    const p = qf !== null ? qf(pkg) : pkg.path;
    return p !== "" ? p + "." + name : name;
}
/** Go's strconv.Quote: double-quoted with Go escapes; printable Unicode is kept. */
export function goQuote(s) {
    let out = '"';
    for (const ch of s) {
        const c = ch.codePointAt(0);
        switch (c) {
            case 0x07:
                out += "\\a";
                continue;
            case 0x08:
                out += "\\b";
                continue;
            case 0x0c:
                out += "\\f";
                continue;
            case 0x0a:
                out += "\\n";
                continue;
            case 0x0d:
                out += "\\r";
                continue;
            case 0x09:
                out += "\\t";
                continue;
            case 0x0b:
                out += "\\v";
                continue;
            case 0x5c:
                out += "\\\\";
                continue;
            case 0x22:
                out += '\\"';
                continue;
        }
        if (c < 0x20 || c === 0x7f) {
            out += "\\x" + c.toString(16).padStart(2, "0");
        }
        else if (c >= 0x80 && !isPrintable(ch)) {
            out += c <= 0xffff ? "\\u" + c.toString(16).padStart(4, "0") : "\\U" + c.toString(16).padStart(8, "0");
        }
        else {
            out += ch;
        }
    }
    return out + '"';
}
const printableRe = /^[\p{L}\p{M}\p{N}\p{P}\p{S}\u0020]$/u;
function isPrintable(ch) {
    return printableRe.test(ch);
}
const maxDepth = 200;
class TypeWriter {
    qf;
    out = "";
    depth = 0;
    constructor(qf) {
        this.qf = qf;
    }
    typ(typ) {
        if (typ === null) {
            this.out += "<nil>";
            return;
        }
        if (this.depth >= maxDepth) {
            this.out += "<cycle>";
            return;
        }
        this.depth++;
        this.write(typ);
        this.depth--;
    }
    write(typ) {
        switch (typ.tag) {
            case 1 /* TypeTag.Basic */: {
                const t = typ;
                // the only exported basic type name is unsafe.Pointer
                if (t.name === "Pointer") {
                    if (unsafePkg !== null)
                        this.out += qualifiedName(unsafePkg, "Pointer", this.qf);
                    else
                        this.out += "unsafe.Pointer";
                }
                else {
                    this.out += t.name;
                }
                return;
            }
            case 3 /* TypeTag.Array */: {
                const t = typ;
                this.out += "[" + String(t.len) + "]";
                this.typ(t.elem);
                return;
            }
            case 4 /* TypeTag.Slice */:
                this.out += "[]";
                this.typ(typ.elem);
                return;
            case 5 /* TypeTag.Struct */: {
                const t = typ;
                this.out += "struct{";
                for (let i = 0; i < t.fields.length; i++) {
                    const f = t.fields[i];
                    if (i > 0)
                        this.out += "; ";
                    if (!f.embedded)
                        this.out += f.name + " ";
                    this.typ(f.typ());
                    const tag = t.tag_(i);
                    if (tag !== "")
                        this.out += " " + goQuote(tag);
                }
                this.out += "}";
                return;
            }
            case 2 /* TypeTag.Pointer */:
                this.out += "*";
                this.typ(typ.base);
                return;
            case 6 /* TypeTag.Tuple */:
                this.tuple(typ, false);
                return;
            case 7 /* TypeTag.Signature */:
                this.out += "func";
                this.signature(typ);
                return;
            case 9 /* TypeTag.Union */: {
                const t = typ;
                if (t.terms.length === 0) {
                    this.out += "<empty union>";
                    return;
                }
                for (let i = 0; i < t.terms.length; i++) {
                    const term = t.terms[i];
                    if (i > 0)
                        this.out += "|";
                    if (term.tilde)
                        this.out += "~";
                    this.typ(term.type);
                }
                return;
            }
            case 8 /* TypeTag.Interface */: {
                const t = typ;
                if (t === universeAny) {
                    this.out += "any";
                    return;
                }
                if (t === universeComparableIface) {
                    this.out += "interface{comparable}";
                    return;
                }
                if (t.implicit) {
                    if (t.methods.length === 0 && t.embeddeds.length === 1) {
                        this.typ(t.embeddeds[0]);
                        return;
                    }
                    this.out += "/* implicit */ ";
                }
                this.out += "interface{";
                let first = true;
                for (const m of t.methods) {
                    if (!first)
                        this.out += "; ";
                    first = false;
                    this.out += m.name;
                    const sig = m.type;
                    if (sig instanceof Signature)
                        this.signature(sig);
                    else
                        this.out += "()";
                }
                for (const e of t.embeddeds) {
                    if (!first)
                        this.out += "; ";
                    first = false;
                    this.typ(e);
                }
                this.out += "}";
                return;
            }
            case 10 /* TypeTag.Map */: {
                const t = typ;
                this.out += "map[";
                this.typ(t.key);
                this.out += "]";
                this.typ(t.elem);
                return;
            }
            case 11 /* TypeTag.Chan */: {
                const t = typ;
                let parens = false;
                switch (t.dir) {
                    case 0 /* ChanDir.SendRecv */:
                        this.out += "chan ";
                        // chan (<-chan T) needs parentheses
                        parens = t.elem instanceof Chan && t.elem.dir === 2 /* ChanDir.RecvOnly */;
                        break;
                    case 1 /* ChanDir.SendOnly */:
                        this.out += "chan<- ";
                        break;
                    case 2 /* ChanDir.RecvOnly */:
                        this.out += "<-chan ";
                        break;
                }
                if (parens)
                    this.out += "(";
                this.typ(t.elem);
                if (parens)
                    this.out += ")";
                return;
            }
            case 12 /* TypeTag.Named */: {
                const t = typ;
                this.out += qualifiedName(t.obj.pkg, t.obj.name, this.qf);
                if (t.targs.length > 0)
                    this.typeList(t.targs);
                else if (t.orig === t && t.tparams.length > 0)
                    this.tparamList(t.tparams);
                return;
            }
            case 13 /* TypeTag.TypeParam */:
                this.out += typ.obj.name;
                return;
        }
    }
    typeList(list) {
        this.out += "[";
        for (let i = 0; i < list.length; i++) {
            if (i > 0)
                this.out += ", ";
            this.typ(list[i]);
        }
        this.out += "]";
    }
    /** [P, Q any, R C]: consecutive parameters with the same bound share it. */
    tparamList(list) {
        this.out += "[";
        let prev = null;
        for (let i = 0; i < list.length; i++) {
            const tpar = list[i];
            if (i > 0) {
                if (tpar.bound !== prev) {
                    this.out += " ";
                    this.typ(prev);
                }
                this.out += ", ";
            }
            prev = tpar.bound;
            this.typ(tpar);
        }
        if (prev !== null) {
            this.out += " ";
            this.typ(prev);
        }
        this.out += "]";
    }
    tuple(tup, variadic) {
        this.out += "(";
        const vars = tup.vars;
        for (let i = 0; i < vars.length; i++) {
            const v = vars[i];
            if (i > 0)
                this.out += ", ";
            if (v.name !== "")
                this.out += v.name + " ";
            let typ = v.typ();
            if (variadic && i === vars.length - 1) {
                if (typ instanceof Slice) {
                    this.out += "...";
                    typ = typ.elem;
                }
                else {
                    // append(s, "foo"...) has signature func([]byte, string...)
                    this.typ(typ);
                    this.out += "...";
                    continue;
                }
            }
            this.typ(typ);
        }
        this.out += ")";
    }
    signature(sig) {
        if (sig.tparams.length > 0)
            this.tparamList(sig.tparams);
        this.tuple(sig.params, sig.variadic);
        const results = sig.results.vars;
        if (results.length === 0)
            return;
        this.out += " ";
        if (results.length === 1 && results[0].name === "") {
            this.typ(results[0].typ());
            return;
        }
        this.tuple(sig.results, false);
    }
}
setTypeStringHook((t) => typeString(t, null));
