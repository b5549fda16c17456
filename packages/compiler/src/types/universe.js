/**
 * The universe scope (types2's universe.go): predeclared types, constants,
 * nil, builtin functions, and package unsafe.
 *
 * Built once at module load and shared by every package checked in the
 * process; nothing may mutate it afterwards.
 */
import { makeBool, makeInt64 } from "../constant/index.js";
import { NoPos } from "../syntax/position.js";
import { Builtin, Const, Func, Nil, Package, TypeName, Var } from "./object.js";
import { Scope, universeScopeRef } from "./scope.js";
import { registerUniverseTypes } from "./typestring.js";
import { Interface, Named, Signature, Term, Tuple, Typ, TypeSet, byteType, runeType, } from "./type.js";
export const Universe = new Scope(null, NoPos, NoPos, "universe");
universeScopeRef.scope = Universe;
function def(obj) {
    Universe.set(obj);
}
// basic types (exported spellings only; "Pointer" lives in unsafe)
for (const t of Typ) {
    if (t.kind === 0 /* BasicKind.Invalid */ || t.kind === 18 /* BasicKind.UnsafePointer */)
        continue;
    if (t.info & 64 /* IsUntyped */)
        continue;
    def(new TypeName(NoPos, null, t.name, t));
}
function defAlias(b) {
    const tn = new TypeName(NoPos, null, b.name, b);
    tn.alias = true;
    def(tn);
}
defAlias(byteType);
defAlias(runeType);
/** The `any` alias: a distinct empty interface object so that typestring can print "any". */
export const anyType = (() => {
    const i = new Interface([], []);
    i.complete = true;
    return i;
})();
const anyObj = new TypeName(NoPos, null, "any", anyType);
anyObj.alias = true;
def(anyObj);
/** The predeclared `error` type: interface{ Error() string }. */
export const errorObj = new TypeName(NoPos, null, "error", null);
export const errorType = (() => {
    const n = new Named(errorObj, null);
    errorObj.type = n;
    const recv = new Var(NoPos, null, "", n);
    const res = new Var(NoPos, null, "", Typ[17 /* BasicKind.String */]);
    const sig = new Signature(recv, new Tuple([]), new Tuple([res]), false);
    const m = new Func(NoPos, null, "Error", sig);
    const iface = new Interface([m], []);
    iface.complete = true;
    iface.tset = new TypeSet([m], [new Term(false, null)], false);
    n.setUnderlying(iface);
    return n;
})();
def(errorObj);
/** The predeclared `comparable` constraint. */
export const comparableObj = new TypeName(NoPos, null, "comparable", null);
export const comparableType = (() => {
    const n = new Named(comparableObj, null);
    comparableObj.type = n;
    const iface = new Interface([], []);
    iface.complete = true;
    iface.tset = new TypeSet([], [new Term(false, null)], true);
    n.setUnderlying(iface);
    return n;
})();
def(comparableObj);
// constants
def(new Const(NoPos, null, "true", Typ[19 /* BasicKind.UntypedBool */], makeBool(true)));
def(new Const(NoPos, null, "false", Typ[19 /* BasicKind.UntypedBool */], makeBool(false)));
/** iota's value is supplied by the checker from context; the object only marks the name. */
export const iotaObj = new Const(NoPos, null, "iota", Typ[20 /* BasicKind.UntypedInt */], makeInt64(0n));
def(iotaObj);
export const nilObj = new Nil();
def(nilObj);
/** Builtin function names of the universe. */
const universeBuiltins = [
    ["append", 0 /* BuiltinId.Append */],
    ["cap", 1 /* BuiltinId.Cap */],
    ["clear", 2 /* BuiltinId.Clear */],
    ["close", 3 /* BuiltinId.Close */],
    ["complex", 4 /* BuiltinId.Complex */],
    ["copy", 5 /* BuiltinId.Copy */],
    ["delete", 6 /* BuiltinId.Delete */],
    ["imag", 7 /* BuiltinId.Imag */],
    ["len", 8 /* BuiltinId.Len */],
    ["make", 9 /* BuiltinId.Make */],
    ["max", 10 /* BuiltinId.Max */],
    ["min", 11 /* BuiltinId.Min */],
    ["new", 12 /* BuiltinId.New */],
    ["panic", 13 /* BuiltinId.Panic */],
    ["print", 14 /* BuiltinId.Print */],
    ["println", 15 /* BuiltinId.Println */],
    ["real", 16 /* BuiltinId.Real */],
    ["recover", 17 /* BuiltinId.Recover */],
];
for (const [name, id] of universeBuiltins)
    def(new Builtin(name, id, null));
/** Package unsafe. */
export const Unsafe = (() => {
    const scope = new Scope(Universe, NoPos, NoPos, "package unsafe");
    const pkg = new Package("unsafe", "unsafe", scope);
    const ptr = new TypeName(NoPos, pkg, "Pointer", Typ[18 /* BasicKind.UnsafePointer */]);
    scope.set(ptr);
    const bs = [
        ["Add", 18 /* BuiltinId.Add */],
        ["Alignof", 19 /* BuiltinId.Alignof */],
        ["Offsetof", 20 /* BuiltinId.Offsetof */],
        ["Sizeof", 21 /* BuiltinId.Sizeof */],
        ["Slice", 22 /* BuiltinId.Slice */],
        ["SliceData", 23 /* BuiltinId.SliceData */],
        ["String", 24 /* BuiltinId.String */],
        ["StringData", 25 /* BuiltinId.StringData */],
    ];
    for (const [name, id] of bs)
        scope.set(new Builtin(name, id, pkg));
    pkg.complete = true;
    return pkg;
})();
/** The universe's `byte`/`rune` alias objects, for messages and typestring. */
export const universeByte = Universe.lookup("byte");
export const universeRune = Universe.lookup("rune");
registerUniverseTypes(anyType, comparableType.underlying(), Unsafe);
