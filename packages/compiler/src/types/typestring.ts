/**
 * Type strings exactly as gc's type checker prints them in diagnostics
 * (types2's typestring.go): `[]int`, `map[string]*p.T`, `func(x int, y
 * ...string) (int, error)`, `struct{a int "tag"}`, `interface{M(); ~int |
 * string}`, `chan<- int`, `p.List[int]`, `untyped int`.
 *
 * Package-level type names are qualified through a Qualifier: it gets the
 * object's package and returns the prefix to print before the dot ("" for no
 * prefix). A null qualifier prints the full package path — which is what gc
 * does for union terms and type-set term lists in its messages.
 *
 * Cycles can only arise through invalid unnamed types; a type met again
 * while it is being printed prints as gc does ("<cycle to *types2.Slice>")
 * instead of overflowing the stack. Deep but finite types print in full.
 */
import type { Func, Package } from "./object.js";
import {
  Array,
  Basic,
  Chan,
  ChanDir,
  Interface,
  MapType,
  Named,
  Pointer,
  Signature,
  Slice,
  Struct,
  Tuple,
  TypeParam,
  TypeTag,
  Union,
  setTypeStringHook,
  type Type,
} from "./type.js";

/** Maps a package to the prefix printed before its package-level names ("" = none). */
export type Qualifier = (pkg: Package) => string;

/** A qualifier that prints nothing for `pkg` and the package path for others. */
export function relativeTo(pkg: Package | null): Qualifier | null {
  if (pkg === null) return null;
  return (other) => (other === pkg ? "" : other.path);
}

// Universe objects that print specially; registered by universe.ts.
let universeAny: Interface | null = null;
let universeComparableIface: Interface | null = null;
let unsafePkg: Package | null = null;

/**
 * Tells the printer which universe types print by name: the interface
 * behind `any` prints as "any", the one behind `comparable` as
 * "interface{comparable}", and unsafe.Pointer is qualified with `unsafe`.
 */
export function registerUniverseTypes(any: Interface | null, comparableIface: Interface | null, unsafe: Package | null): void {
  universeAny = any;
  universeComparableIface = comparableIface;
  unsafePkg = unsafe;
}

/** The string form of typ, qualified by qf. */
export function typeString(typ: Type | null, qf: Qualifier | null): string {
  const w = new TypeWriter(qf);
  w.typ(typ);
  return w.out;
}

/** The signature without the leading "func": "(x int) string". */
export function signatureString(sig: Signature, qf: Qualifier | null): string {
  const w = new TypeWriter(qf);
  w.signature(sig);
  return w.out;
}

/** A method or function name followed by its signature: "M(int) string" (gc's have/want lines). */
export function funcString(f: Func, qf: Qualifier | null): string {
  const sig = f.type;
  if (!(sig instanceof Signature)) return f.name + "()";
  return f.name + signatureString(sig, qf);
}

/** "[int, string]" style list of types (type argument lists). */
export function typeListString(list: readonly Type[], qf: Qualifier | null): string {
  const w = new TypeWriter(qf);
  w.typeList(list);
  return w.out;
}

/** The qualified name of a package-level object: "p.Name" or "Name". */
export function qualifiedName(pkg: Package | null, name: string, qf: Qualifier | null): string {
  if (pkg === null) return name;
  const p = qf !== null ? qf(pkg) : pkg.path;
  return p !== "" ? p + "." + name : name;
}

/** Go's strconv.Quote: double-quoted with Go escapes; printable Unicode is kept. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
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
    } else if (c >= 0x80 && !isPrintable(ch)) {
      out += c <= 0xffff ? "\\u" + c.toString(16).padStart(4, "0") : "\\U" + c.toString(16).padStart(8, "0");
    } else {
      out += ch;
    }
  }
  return out + '"';
}

const printableRe = /^[\p{L}\p{M}\p{N}\p{P}\p{S}\u0020]$/u;
function isPrintable(ch: string): boolean {
  return printableRe.test(ch);
}

/** A last-resort guard against stack overflow (gc has none; real types stay far below). */
const maxDepth = 5000;

/** gc's (Go reflection) name of a type's class, for "<cycle to *types2.Slice>". */
function goTypeName(typ: Type): string {
  const names: Record<number, string> = {
    [TypeTag.Basic]: "Basic",
    [TypeTag.Pointer]: "Pointer",
    [TypeTag.Array]: "Array",
    [TypeTag.Slice]: "Slice",
    [TypeTag.Struct]: "Struct",
    [TypeTag.Tuple]: "Tuple",
    [TypeTag.Signature]: "Signature",
    [TypeTag.Union]: "Union",
    [TypeTag.Interface]: "Interface",
    [TypeTag.Map]: "Map",
    [TypeTag.Chan]: "Chan",
    [TypeTag.Named]: "Named",
    [TypeTag.TypeParam]: "TypeParam",
  };
  return "*types2." + (names[typ.tag] ?? "Type");
}

class TypeWriter {
  out = "";
  private depth = 0;
  /** types being printed (on the current path) */
  private readonly seen = new Set<Type>();
  constructor(private readonly qf: Qualifier | null) {}

  typ(typ: Type | null): void {
    if (typ === null) {
      this.out += "<nil>";
      return;
    }
    if (this.seen.has(typ) || this.depth >= maxDepth) {
      this.out += `<cycle to ${goTypeName(typ)}>`;
      return;
    }
    this.seen.add(typ);
    this.depth++;
    this.write(typ);
    this.depth--;
    this.seen.delete(typ);
  }

  private write(typ: Type): void {
    switch (typ.tag) {
      case TypeTag.Basic: {
        const t = typ as Basic;
        // the only exported basic type name is unsafe.Pointer
        if (t.name === "Pointer") {
          if (unsafePkg !== null) this.out += qualifiedName(unsafePkg, "Pointer", this.qf);
          else this.out += "unsafe.Pointer";
        } else {
          this.out += t.name;
        }
        return;
      }
      case TypeTag.Array: {
        const t = typ as Array;
        this.out += "[" + String(t.len) + "]";
        this.typ(t.elem);
        return;
      }
      case TypeTag.Slice:
        this.out += "[]";
        this.typ((typ as Slice).elem);
        return;
      case TypeTag.Struct: {
        const t = typ as Struct;
        this.out += "struct{";
        for (let i = 0; i < t.fields.length; i++) {
          const f = t.fields[i];
          if (i > 0) this.out += "; ";
          if (!f.embedded) this.out += f.name + " ";
          this.typ(f.typ());
          const tag = t.tag_(i);
          if (tag !== "") this.out += " " + goQuote(tag);
        }
        this.out += "}";
        return;
      }
      case TypeTag.Pointer:
        this.out += "*";
        this.typ((typ as Pointer).base);
        return;
      case TypeTag.Tuple:
        this.tuple(typ as Tuple, false);
        return;
      case TypeTag.Signature:
        this.out += "func";
        this.signature(typ as Signature);
        return;
      case TypeTag.Union: {
        const t = typ as Union;
        if (t.terms.length === 0) {
          this.out += "<empty union>";
          return;
        }
        for (let i = 0; i < t.terms.length; i++) {
          const term = t.terms[i];
          if (i > 0) this.out += "|";
          if (term.tilde) this.out += "~";
          this.typ(term.type);
        }
        return;
      }
      case TypeTag.Interface: {
        const t = typ as Interface;
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
          if (!first) this.out += "; ";
          first = false;
          this.out += m.name;
          const sig = m.type;
          if (sig instanceof Signature) this.signature(sig);
          else this.out += "()";
        }
        for (const e of t.embeddeds) {
          if (!first) this.out += "; ";
          first = false;
          this.typ(e);
        }
        this.out += "}";
        return;
      }
      case TypeTag.Map: {
        const t = typ as MapType;
        this.out += "map[";
        this.typ(t.key);
        this.out += "]";
        this.typ(t.elem);
        return;
      }
      case TypeTag.Chan: {
        const t = typ as Chan;
        let parens = false;
        switch (t.dir) {
          case ChanDir.SendRecv:
            this.out += "chan ";
            // chan (<-chan T) needs parentheses
            parens = t.elem instanceof Chan && t.elem.dir === ChanDir.RecvOnly;
            break;
          case ChanDir.SendOnly:
            this.out += "chan<- ";
            break;
          case ChanDir.RecvOnly:
            this.out += "<-chan ";
            break;
        }
        if (parens) this.out += "(";
        this.typ(t.elem);
        if (parens) this.out += ")";
        return;
      }
      case TypeTag.Named: {
        const t = typ as Named;
        this.out += qualifiedName(t.obj.pkg, t.obj.name, this.qf);
        if (t.targs.length > 0) this.typeList(t.targs);
        else if (t.orig === t && t.tparams.length > 0) this.tparamList(t.tparams);
        return;
      }
      case TypeTag.TypeParam:
        this.out += (typ as TypeParam).obj.name;
        return;
    }
  }

  typeList(list: readonly Type[]): void {
    this.out += "[";
    for (let i = 0; i < list.length; i++) {
      if (i > 0) this.out += ", ";
      this.typ(list[i]);
    }
    this.out += "]";
  }

  /**
   * [P, Q any, R C]: consecutive parameters with the same bound share it.
   * A non-interface bound (`[T, U int]`) is printed per parameter: gc wraps
   * it in a fresh implicit interface per parameter as soon as the
   * constraint is used, so by the time it prints, the bounds differ.
   */
  tparamList(list: readonly TypeParam[]): void {
    this.out += "[";
    let prev: Type | null = null;
    for (let i = 0; i < list.length; i++) {
      const tpar = list[i];
      if (i > 0) {
        if (tpar.bound !== prev || !(prev.underlying() instanceof Interface)) {
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

  tuple(tup: Tuple, variadic: boolean): void {
    this.out += "(";
    const vars = tup.vars;
    for (let i = 0; i < vars.length; i++) {
      const v = vars[i];
      if (i > 0) this.out += ", ";
      if (v.name !== "") this.out += v.name + " ";
      let typ = v.typ();
      if (variadic && i === vars.length - 1) {
        if (typ instanceof Slice) {
          this.out += "...";
          typ = typ.elem;
        } else {
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

  signature(sig: Signature): void {
    if (sig.tparams.length > 0) this.tparamList(sig.tparams);
    this.tuple(sig.params, sig.variadic);
    const results = sig.results.vars;
    if (results.length === 0) return;
    this.out += " ";
    if (results.length === 1 && results[0].name === "") {
      this.typ(results[0].typ());
      return;
    }
    this.tuple(sig.results, false);
  }
}

setTypeStringHook((t) => typeString(t, null));
