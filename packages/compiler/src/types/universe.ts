/**
 * The universe scope (types2's universe.go): predeclared types, constants,
 * nil, builtin functions, and package unsafe.
 *
 * Built once at module load and shared by every package checked in the
 * process; nothing may mutate it afterwards.
 */
import { makeBool, makeInt64 } from "../constant/index.js";
import { NoPos } from "../syntax/position.js";
import { Builtin, BuiltinId, Const, Func, Nil, Package, TypeName, Var } from "./object.js";
import { Scope, universeScopeRef } from "./scope.js";
import { registerUniverseTypes } from "./typestring.js";
import {
  Basic,
  BasicKind,
  Interface,
  Named,
  Signature,
  Term,
  Tuple,
  Typ,
  TypeSet,
  byteType,
  runeType,
} from "./type.js";

export const Universe = new Scope(null, NoPos, NoPos, "universe");
universeScopeRef.scope = Universe;

function def(obj: TypeName | Const | Builtin | Nil): void {
  Universe.set(obj);
}

// basic types (exported spellings only; "Pointer" lives in unsafe)
for (const t of Typ) {
  if (t.kind === BasicKind.Invalid || t.kind === BasicKind.UnsafePointer) continue;
  if (t.info & 64 /* IsUntyped */) continue;
  def(new TypeName(NoPos, null, t.name, t));
}
function defAlias(b: Basic): void {
  const tn = new TypeName(NoPos, null, b.name, b);
  tn.alias = true;
  def(tn);
}
defAlias(byteType);
defAlias(runeType);

/** The `any` alias: a distinct empty interface object so that typestring can print "any". */
export const anyType: Interface = (() => {
  const i = new Interface([], []);
  i.complete = true;
  return i;
})();
const anyObj = new TypeName(NoPos, null, "any", anyType);
anyObj.alias = true;
def(anyObj);

/** The predeclared `error` type: interface{ Error() string }. */
export const errorObj = new TypeName(NoPos, null, "error", null);
export const errorType: Named = (() => {
  const n = new Named(errorObj, null);
  errorObj.type = n;
  const recv = new Var(NoPos, null, "", n);
  const res = new Var(NoPos, null, "", Typ[BasicKind.String]);
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
export const comparableType: Named = (() => {
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
def(new Const(NoPos, null, "true", Typ[BasicKind.UntypedBool], makeBool(true)));
def(new Const(NoPos, null, "false", Typ[BasicKind.UntypedBool], makeBool(false)));
/** iota's value is supplied by the checker from context; the object only marks the name. */
export const iotaObj = new Const(NoPos, null, "iota", Typ[BasicKind.UntypedInt], makeInt64(0n));
def(iotaObj);

export const nilObj = new Nil();
def(nilObj);

/** Builtin function names of the universe. */
const universeBuiltins: [string, BuiltinId][] = [
  ["append", BuiltinId.Append],
  ["cap", BuiltinId.Cap],
  ["clear", BuiltinId.Clear],
  ["close", BuiltinId.Close],
  ["complex", BuiltinId.Complex],
  ["copy", BuiltinId.Copy],
  ["delete", BuiltinId.Delete],
  ["imag", BuiltinId.Imag],
  ["len", BuiltinId.Len],
  ["make", BuiltinId.Make],
  ["max", BuiltinId.Max],
  ["min", BuiltinId.Min],
  ["new", BuiltinId.New],
  ["panic", BuiltinId.Panic],
  ["print", BuiltinId.Print],
  ["println", BuiltinId.Println],
  ["real", BuiltinId.Real],
  ["recover", BuiltinId.Recover],
];
for (const [name, id] of universeBuiltins) def(new Builtin(name, id, null));

/** Package unsafe. */
export const Unsafe: Package = (() => {
  const scope = new Scope(Universe, NoPos, NoPos, "package unsafe");
  const pkg = new Package("unsafe", "unsafe", scope);
  const ptr = new TypeName(NoPos, pkg, "Pointer", Typ[BasicKind.UnsafePointer]);
  scope.set(ptr);
  const bs: [string, BuiltinId][] = [
    ["Add", BuiltinId.Add],
    ["Alignof", BuiltinId.Alignof],
    ["Offsetof", BuiltinId.Offsetof],
    ["Sizeof", BuiltinId.Sizeof],
    ["Slice", BuiltinId.Slice],
    ["SliceData", BuiltinId.SliceData],
    ["String", BuiltinId.String],
    ["StringData", BuiltinId.StringData],
  ];
  for (const [name, id] of bs) scope.set(new Builtin(name, id, pkg));
  pkg.complete = true;
  return pkg;
})();

/** The universe's `byte`/`rune` alias objects, for messages and typestring. */
export const universeByte = Universe.lookup("byte") as TypeName;
export const universeRune = Universe.lookup("rune") as TypeName;

registerUniverseTypes(anyType, comparableType.underlying() as Interface, Unsafe);
