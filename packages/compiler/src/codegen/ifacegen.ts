/**
 * ifacegen.ts — the functions type descriptors and itabs refer to, made on demand for the
 * driver (compile.ts): the `ifn` an itab calls for each method (the method itself when the
 * interface data word is already its receiver, else a wrapper lowered by loweriface.ts), the
 * ordinary method `tfn`, and per-type equality functions `type..eq.T`. Also the memo of
 * generated functions (`extraFunc`) that lowering asks for by name (I.M-fm, I.M wrappers).
 *
 * When is the method itself the ifn? When the data word IS the receiver: a pointer receiver
 * with *T in the interface, or a value receiver of a directIface non-aggregate type (named
 * func/map/chan types). Value methods of other types read their receiver through the data
 * pointer (wrapper `main.(*T).M`, shared with the *T method set); promoted methods follow the
 * embedding path (wrappers `main.S.M` / `main.(*S).M`).
 */
import type { Pos } from "../syntax/position.js";
import { TypeTag, type Func, type Type } from "../types/index.js";
import type { MethodSelection } from "../types/methodset.js";
import type { IrFunc } from "../ir/ir.js";
import { Unsupported, isAggregate } from "../ir/lowerbase.js";
import type { FuncLowering } from "../ir/lower.js";
import { itabWrapperName } from "../ir/loweriface.js";
import { goTypeString, isDirectIface, type TypeHooks } from "./typedesc.js";

export class IfaceGen {
  private memo = new Map<string, IrFunc | null>();

  constructor(
    /** a lowering for a generated function (the main package's ProgramCtx) */
    private readonly newLowering: (name: string, pos: Pos) => FuncLowering,
    /** where generated functions go (the image's extra functions) */
    private readonly extra: IrFunc[],
    private readonly funcOf: (f: Func) => IrFunc,
  ) {}

  /** The generated function `name` (memoised by key), lowered by `build` on first request. */
  extraFunc(name: string, pos: Pos, build: (low: FuncLowering) => IrFunc, key = name): IrFunc {
    const got = this.memo.get(key);
    if (got !== undefined && got !== null) return got;
    if (got === null) throw new Unsupported(pos, `${name} (needs code gort cannot compile yet)`);
    const low = this.newLowering(name, pos);
    this.memo.set(key, low.f);
    try {
      build(low);
    } catch (e) {
      this.memo.set(key, null);
      throw e;
    }
    this.extra.push(low.f);
    return low.f;
  }

  /** The hooks TypeTable calls (markIface'd types' methods, equality functions). */
  hooks(): TypeHooks {
    return {
      ifn: (recv, sel) => {
        try {
          return this.ifn(recv, sel);
        } catch (e) {
          if (e instanceof Unsupported) return null;
          throw e;
        }
      },
      tfn: (recv, sel) => {
        // the method with the receiver (of type recv) as its first argument: the method itself
        // when the receiver kinds agree, else the function method expressions use (the itab
        // wrapper, whose data-word parameter is the receiver's slot, except for directIface
        // aggregates, which are passed by address)
        const rt = sel.obj.signature().recv?.type as Type;
        try {
          if (sel.index.length === 1 && (rt.tag === TypeTag.Pointer) === (recv.tag === TypeTag.Pointer)) return this.funcOf(sel.obj);
          if (recv.tag !== TypeTag.Pointer && isDirectIface(recv) && isAggregate(recv)) {
            const name = itabWrapperName(recv, sel);
            return this.extraFunc(name, sel.obj.pos, (low) => low.lowerItabWrapper(recv, sel, true));
          }
          return this.ifn(recv, sel);
        } catch (e) {
          if (e instanceof Unsupported) return null;
          throw e;
        }
      },
      equal: (t) => {
        try {
          return this.extraFunc(`type..eq.${goTypeString(t)}`, 0, (low) => low.lowerEqualFunc(t), `eq#${typeKeyId(t)}`);
        } catch (e) {
          if (e instanceof Unsupported) return null;
          throw e;
        }
      },
    };
  }

  /** The function an itab calls for method sel of concrete type recv (throws Unsupported). */
  ifn(recv: Type, sel: MethodSelection): IrFunc {
    const m = sel.obj;
    const rt = m.signature().recv?.type as Type;
    const rptr = rt.tag === TypeTag.Pointer;
    const xptr = recv.tag === TypeTag.Pointer;
    if (sel.index.length === 1 && ((xptr && rptr) || (!xptr && !rptr && isDirectIface(recv) && !isAggregate(recv)))) return this.funcOf(m);
    const name = itabWrapperName(recv, sel);
    const key = isDirectIface(recv) && !xptr ? `${name}#box` : name;
    return this.extraFunc(name, m.pos, (low) => low.lowerItabWrapper(recv, sel), key);
  }
}

const ids = new WeakMap<Type, number>();
let nextId = 1;
/** A per-object id (types with equal strings declared in different functions stay apart). */
function typeKeyId(t: Type): number {
  let i = ids.get(t);
  if (i === undefined) ids.set(t, (i = nextId++));
  return i;
}
