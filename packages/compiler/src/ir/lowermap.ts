/**
 * lowermap.ts — maps (part of FuncLowering, see lowerbase.ts): make, literals, m[k] (plain and
 * comma-ok), m[k] = v, m[k] op= v, m[k]++, delete, len, range. Every operation is a native of
 * packages/runtime/src/map.ts through CALLN; the runtime owns the hash table (hmap, buckets,
 * growth, iteration order) in linear memory.
 *
 * Calling convention (one argument block of 8-byte slots, shape "np" + key):
 *   [0] map type descriptor address (TYPEADDR; static memory, not a pointer slot)
 *   [1] the map (*hmap)
 *   [2…] the key's slots — its memory representation for scalars, strings and interfaces (the
 *        native reads the slots as the key), one pointer slot holding the address for
 *        structs/arrays, float64 slots for float32 and complex64 (the native narrows them)
 * mapaccess1 / mapassign return a pointer to the element slot (mapaccess1 of an absent key: a
 * pointer to the runtime's zero area), which the code here loads from or stores through (STP /
 * TYPEDMOVE, so the write barrier applies); mapaccess2 adds `ok`. len(m) is inline: the count
 * is the hmap's first word (0 for a nil map).
 *
 * range: the argument block of mapiterinit is [type, map, hiter(12 slots)] and the hiter
 * stays in the frame for the whole loop (its pointer slots are in the stack map, so the GC
 * sees the buckets it references and stack copies move it); mapiternext takes the hiter slots
 * as its own argument block. hiter word 0 is the current key's address (0 at the end), word 1
 * the element's.
 *
 * Element values of aggregate type read from a map are copied at once: a later assignment may
 * grow the map and clear the old bucket the pointer refers to (Go copies for the same reason).
 * m[k] op= v is one mapassign followed by a load/op/store through its pointer (Go's rewrite),
 * except / and %, which read with mapaccess1 first so a division by zero panics before the
 * entry is created (Go's order.go does the same).
 */
import { Op } from "@gort/runtime/image";
import type { Pos } from "../syntax/position.js";
import * as ast from "../syntax/ast.js";
import { BasicKind, BuiltinId, TypeTag, type Array as ArrayT, type Basic, type MapType, type Struct, type Type } from "../types/index.js";
import { sizeof } from "../types/sizes.js";
import { identical } from "../types/predicates.js";
import { Label } from "./ir.js";
import { Unsupported, basicKind, isAggregate, shapeOf, type Val } from "./lowerbase.js";
import { LowerChan } from "./lowerchan.js";

/** The hiter's slot classes (runtime/src/map.ts IT_*): key, elem, t, h, buckets, bptr, 6 words. */
const HITER_SHAPE = "ppnpppnnnnnn";

export abstract class LowerMap extends LowerChan {
  protected isMap(t: Type): boolean {
    return t.underlying().tag === TypeTag.Map;
  }

  /** v of type `from` converted for storing as type `to` (interface boxing when loweriface.ts provides it). */
  protected mapConv(v: Val, from: Type, to: Type, pos: Pos): Val {
    if (identical(from, to)) return v;
    return this.convertTo(v, from, to, pos);
  }

  /** Slot shape of a key in an argument block. */
  private keyShape(kt: Type, pos: Pos): string {
    if (basicKind(kt) === BasicKind.Float32) return "n";
    return shapeOf(kt, pos);
  }

  /** Evaluates key expression ke (converted to the key type) into fresh temps. */
  protected mapKey(ke: ast.Expr, mt: MapType, pos: Pos, copy = false): Val {
    const kt = mt.key;
    let v = this.mapConv(this.expr(ke), this.typeOf(ke), kt, pos);
    if (isAggregate(kt)) return copy ? this.copyAgg(kt, v) : v;
    const r = this.temp(this.keyShape(kt, pos));
    this.movVal(r, v);
    v = { slot: r, n: v.n };
    return v;
  }

  /** The argument block [type, map, key…] (key may be null: no key slots). */
  private mapArgs(mapT: Type, h: number, key: Val | null, pos: Pos): number {
    const mt = mapT.underlying() as MapType;
    const ks = key === null ? "" : this.keyShape(mt.key, pos);
    const args = this.temp("np" + ks);
    this.emit(Op.TYPEADDR, args, this.p.typeId(mapT), 0, 0, { type: mapT });
    this.emit(Op.MOV, args + 1, h);
    if (key !== null) this.movVal(args + 2, key);
    return args;
  }

  private callMap(name: string, args: number, res: number, pos: Pos): void {
    this.at(pos);
    this.emit(Op.CALLN, this.p.nativeIndex(name), args, res);
  }

  /** The element at pointer slot p as a value (aggregates copied: see the header). */
  private loadElem(p: number, et: Type, pos: Pos): Val {
    const v = this.loadAt(p, 0, et, pos);
    return isAggregate(et) ? this.copyAgg(et, { slot: v.slot, n: 1 }) : v;
  }

  /** m[k]; with commaOk, [value, ok]. */
  protected mapIndex(e: ast.IndexExpr, commaOk: boolean): Val[] {
    const pos = ast.nodePos(e);
    const mapT = this.typeOf(e.x);
    const mt = mapT.underlying() as MapType;
    const m = this.expr(e.x);
    const h = this.temp("p");
    this.emit(Op.MOV, h, m.slot);
    const k = this.mapKey(e.index, mt, pos);
    const args = this.mapArgs(mapT, h, k, pos);
    const res = this.temp(commaOk ? "pn" : "p");
    this.callMap(commaOk ? "runtime.mapaccess2" : "runtime.mapaccess1", args, res, e.lbrack);
    const v = this.loadElem(res, mt.elem, pos);
    return commaOk ? [v, { slot: res + 1, n: 1 }] : [v];
  }

  /** The operands of m[k] on the left of an assignment, evaluated now; returns the store. */
  protected mapLvalue(e: ast.IndexExpr): (v: Val) => void {
    const pos = ast.nodePos(e);
    const mapT = this.typeOf(e.x);
    const mt = mapT.underlying() as MapType;
    const m = this.expr(e.x);
    const h = this.temp("p");
    this.emit(Op.MOV, h, m.slot);
    const k = this.mapKey(e.index, mt, pos, true);
    return (v: Val) => {
      const args = this.mapArgs(mapT, h, k, pos);
      const res = this.temp("p");
      this.callMap("runtime.mapassign", args, res, e.lbrack);
      this.storeAt(res, 0, mt.elem, v, pos);
    };
  }

  /** m[k] op= y (y null: ++/--). */
  protected mapOpAssign(e: ast.IndexExpr, op: string, y: ast.Expr | null, pos: Pos): void {
    const mapT = this.typeOf(e.x);
    const mt = mapT.underlying() as MapType;
    const t = mt.elem;
    const m = this.expr(e.x);
    const h = this.temp("p");
    this.emit(Op.MOV, h, m.slot);
    const k = this.mapKey(e.index, mt, ast.nodePos(e), true);
    let yv: Val | null = null;
    if (y !== null && op !== "<<" && op !== ">>") {
      const v = this.expr(y);
      yv = this.tempFor(this.typeOf(y), pos);
      this.movVal(yv.slot, v);
    }
    const res = this.temp("p");
    if (op === "/" || op === "%") {
      // read first: a division by zero must panic before the entry exists
      this.callMap("runtime.mapaccess1", this.mapArgs(mapT, h, k, pos), res, e.lbrack);
      const cur = this.loadAt(res, 0, t, pos);
      const r = this.binary(op, t, cur, yv as Val, pos, t);
      const keep = this.tempFor(t, pos);
      this.movVal(keep.slot, r);
      this.callMap("runtime.mapassign", this.mapArgs(mapT, h, k, pos), res, e.lbrack);
      this.storeAt(res, 0, t, keep, pos);
      return;
    }
    this.callMap("runtime.mapassign", this.mapArgs(mapT, h, k, pos), res, e.lbrack);
    const cur = this.loadAt(res, 0, t, pos);
    let r: Val;
    if (y === null) {
      const one = this.temp("n");
      if (basicKind(t) === BasicKind.Float32 || basicKind(t) === BasicKind.Float64) this.emit(Op.LDK, one, this.p.constFloat(1));
      else this.ldi(one, 1);
      r = this.binary(op, t, cur, { slot: one, n: 1 }, pos, t);
    } else if (op === "<<" || op === ">>") r = this.shift(op, t, cur, y, pos);
    else r = this.binary(op, t, cur, yv as Val, pos, t);
    this.storeAt(res, 0, t, r, pos);
  }

  /** make, len, delete on maps; null when the builtin call is not about a map. */
  protected mapBuiltin(e: ast.CallExpr, id: BuiltinId): Val[] | null {
    const pos = ast.nodePos(e);
    switch (id) {
      case BuiltinId.Len: {
        if (e.args.length !== 1 || !this.isMap(this.typeOf(e.args[0]))) return null;
        const m = this.expr(e.args[0]);
        const r = this.temp("n");
        const nil = new Label("nilmap");
        this.ldi(r, 0);
        this.emit(Op.JF, m.slot, 0, 0, 0, { target: nil });
        this.emit(Op.LD64, r, m.slot, 0);
        this.place(nil);
        return [{ slot: r, n: 1 }];
      }
      case BuiltinId.Make: {
        const mapT = this.typeOf(e);
        if (!this.isMap(mapT)) return null;
        const args = this.temp("nn");
        this.emit(Op.TYPEADDR, args, this.p.typeId(mapT), 0, 0, { type: mapT });
        if (e.args.length > 1) this.movVal(args + 1, this.expr(e.args[1]));
        else this.ldi(args + 1, 0);
        const r = this.temp("p");
        this.callMap("runtime.makemap", args, r, pos);
        return [{ slot: r, n: 1 }];
      }
      case BuiltinId.Delete: {
        const mapT = this.typeOf(e.args[0]);
        const mt = mapT.underlying() as MapType;
        const m = this.expr(e.args[0]);
        const h = this.temp("p");
        this.emit(Op.MOV, h, m.slot);
        const k = this.mapKey(e.args[1], mt, pos);
        const args = this.mapArgs(mapT, h, k, pos);
        this.callMap("runtime.mapdelete", args, args, pos);
        return [];
      }
    }
    return null;
  }

  /** map[K]V{k: v, …}: makemap with the entry count as hint, then one assignment per entry. */
  protected mapLit(e: ast.CompositeLit): Val {
    const pos = ast.nodePos(e);
    const mapT = this.typeOf(e);
    const mt = mapT.underlying() as MapType;
    const args = this.temp("nn");
    this.emit(Op.TYPEADDR, args, this.p.typeId(mapT), 0, 0, { type: mapT });
    this.ldi(args + 1, e.elts.length);
    const h = this.temp("p");
    this.callMap("runtime.makemap", args, h, pos);
    for (const el of e.elts) {
      if (el.kind !== "KeyValueExpr") throw new Error("internal: map literal element without key");
      const m = this.mark();
      const k = this.mapKey(el.key, mt, ast.nodePos(el.key));
      const v0 = this.expr(el.value);
      const v = this.mapConv(v0, this.typeOf(el.value), mt.elem, ast.nodePos(el.value));
      const a = this.mapArgs(mapT, h, k, pos);
      const res = this.temp("p");
      this.callMap("runtime.mapassign", a, res, ast.nodePos(el.key));
      this.storeAt(res, 0, mt.elem, v, ast.nodePos(el.value));
      this.release(m);
    }
    return { slot: h, n: 1 };
  }

  /** for k, v := range m (every form). */
  protected rangeMap(s: ast.RangeStmt, label: string | null): void {
    const mapT = this.typeOf(s.x);
    const mt = mapT.underlying() as MapType;
    const xv = this.expr(s.x);
    const blk = this.temp("np" + HITER_SHAPE);
    const it = blk + 2;
    this.emit(Op.TYPEADDR, blk, this.p.typeId(mapT), 0, 0, { type: mapT });
    this.emit(Op.MOV, blk + 1, xv.slot);
    this.callMap("runtime.mapiterinit", blk, blk, s.range);
    const kb = this.rangeBinder(s, s.key);
    const vb = this.rangeBinder(s, s.value);
    const top = new Label("range");
    const cont = new Label("continue");
    const brk = new Label("break");
    this.place(top);
    this.emit(Op.JF, it, 0, 0, 0, { target: brk });
    if (kb !== null) {
      const m = this.mark();
      kb(this.loadAt(it, 0, mt.key, s.range));
      this.release(m);
    }
    if (vb !== null) {
      const m = this.mark();
      vb(this.loadAt(it + 1, 0, mt.elem, s.range));
      this.release(m);
    }
    this.targets.push({ label, brk, cont });
    this.block(s.body.list);
    this.targets.pop();
    this.place(cont);
    this.callMap("runtime.mapiternext", it, it, s.for);
    this.jmp(top);
    this.place(brk);
  }
}

/**
 * The runtime words of a map type descriptor after key/elem (TYPEDESC.md §3 Map): keysize,
 * valuesize (8 when stored indirectly, above 128 bytes), bucketsize and flags (bit 0 indirect
 * key, 1 indirect elem, 2 reflexive key, 3 need key update, 4 hash might panic). The runtime
 * (map.ts) derives the same layout itself from key and elem, so reflect-made map types work.
 */
export function mapDescWords(mt: MapType): { keysize: number; valuesize: number; bucketsize: number; flags: number } {
  const ks0 = sizeof(mt.key);
  const es0 = sizeof(mt.elem);
  const keysize = ks0 > 128 ? 8 : ks0;
  const valuesize = es0 > 128 ? 8 : es0;
  const bucketsize = ((8 + 8 * keysize + 8 * valuesize + 7) & ~7) + 8;
  let reflexive = true;
  let update = false;
  let panics = false;
  const walk = (t: Type): void => {
    const u = t.underlying();
    if (u.tag === TypeTag.Interface) {
      reflexive = false;
      update = true;
      panics = true;
    } else if (u.tag === TypeTag.Struct) for (const f of (u as Struct).fields) walk(f.type as Type);
    else if (u.tag === TypeTag.Array) walk((u as ArrayT).elem);
    else if (u.tag === TypeTag.Basic) {
      const k = (u as Basic).kind;
      if (k === BasicKind.Float32 || k === BasicKind.Float64 || k === BasicKind.Complex64 || k === BasicKind.Complex128) {
        reflexive = false;
        update = true;
      } else if (k === BasicKind.String) update = true;
    }
  };
  walk(mt.key);
  const flags = (ks0 > 128 ? 1 : 0) | (es0 > 128 ? 2 : 0) | (reflexive ? 4 : 0) | (update ? 8 : 0) | (panics ? 16 : 0);
  return { keysize, valuesize, bucketsize, flags };
}
