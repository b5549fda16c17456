/**
 * Scopes (types2's scope.go): a tree of name → object maps. The universe is
 * the root; package scopes are its children; each file scope is a child of
 * its package scope; function and block scopes nest below.
 *
 * Local objects become visible only after their declaration: `lookupParent`
 * takes the position of the use and ignores objects whose `scopePos` is
 * later (package-level objects have scopePos NoPos and are always visible).
 */
import { NoPos } from "../syntax/position.js";
export class Scope {
    parent;
    pos;
    end;
    comment;
    isFunc;
    children = [];
    /** name → object; insertion order is declaration order. */
    elems = new Map();
    constructor(parent, 
    /** extent of the scope in source ([pos, end]); NoPos for universe/package scopes. */
    pos, end, 
    /** description for debugging ("universe", "package fmt", "file x.go", "function", "block", ...). */
    comment, 
    /** function scope (parameters/results); labels and unused-var checks key off it. */
    isFunc = false) {
        this.parent = parent;
        this.pos = pos;
        this.end = end;
        this.comment = comment;
        this.isFunc = isFunc;
        if (parent !== null && parent !== universeScopeRef.scope)
            parent.children.push(this);
    }
    len() {
        return this.elems.size;
    }
    /** Sorted names of the scope's objects. */
    names() {
        return [...this.elems.keys()].sort();
    }
    /** The object named `name` in this scope only. */
    lookup(name) {
        return this.elems.get(name);
    }
    /**
     * Looks `name` up in this scope and its parents, considering only objects
     * declared (visible) before `pos` (pass NoPos to ignore positions).
     * Returns the scope where found too.
     */
    lookupParent(name, pos) {
        for (let s = this; s !== null; s = s.parent) {
            const obj = s.elems.get(name);
            if (obj !== undefined && (pos === NoPos || obj.scopePos <= pos))
                return [s, obj];
        }
        return undefined;
    }
    /**
     * Inserts obj unless an object with the same name exists; returns the
     * existing object in that case (and leaves the scope unchanged).
     * Sets obj.parent if it is unset.
     */
    insert(obj) {
        const name = obj.name;
        const alt = this.elems.get(name);
        if (alt !== undefined)
            return alt;
        this.elems.set(name, obj);
        if (obj.parent === null)
            obj.parent = this;
        return undefined;
    }
    /** Replaces (or adds) the object with obj's name; used by the universe setup and dot-imports. */
    set(obj) {
        this.elems.set(obj.name, obj);
        if (obj.parent === null)
            obj.parent = this;
    }
    /** True if pos lies within the scope's extent. */
    contains(pos) {
        return this.pos <= pos && pos < this.end;
    }
    /** The innermost scope containing pos (this one if no child contains it), or undefined. */
    innermost(pos) {
        if (this.pos === NoPos && this.parent !== null && this.parent.parent === null) {
            // package scope: search its file scopes
            for (const s of this.children) {
                const r = s.innermost(pos);
                if (r !== undefined)
                    return r;
            }
        }
        if (this.contains(pos)) {
            for (const s of this.children) {
                if (s.contains(pos))
                    return s.innermost(pos);
            }
            return this;
        }
        return undefined;
    }
}
/**
 * Holder for the universe scope, set by universe.ts. Package scopes are not
 * recorded as children of the universe (the universe is shared by every
 * package and must not grow).
 */
export const universeScopeRef = { scope: null };
