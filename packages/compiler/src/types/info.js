/** Type (and constant value) of an expression, and how it can be used. */
export class TypeAndValue {
    mode;
    type;
    value;
    constructor(mode, type, value) {
        this.mode = mode;
        this.type = type;
        this.value = value;
    }
    isVoid() {
        return this.mode === 1 /* Mode.NoValue */;
    }
    isType() {
        return this.mode === 3 /* Mode.TypExpr */;
    }
    isBuiltin() {
        return this.mode === 2 /* Mode.Builtin */;
    }
    isValue() {
        switch (this.mode) {
            case 4 /* Mode.Constant */:
            case 5 /* Mode.Variable */:
            case 6 /* Mode.MapIndex */:
            case 7 /* Mode.Value */:
            case 8 /* Mode.NilValue */:
            case 9 /* Mode.CommaOk */:
            case 10 /* Mode.CommaErr */:
                return true;
        }
        return false;
    }
    isNil() {
        return this.mode === 8 /* Mode.NilValue */;
    }
    addressable() {
        return this.mode === 5 /* Mode.Variable */;
    }
    assignable() {
        return this.mode === 5 /* Mode.Variable */ || this.mode === 6 /* Mode.MapIndex */;
    }
    hasOk() {
        return this.mode === 9 /* Mode.CommaOk */ || this.mode === 6 /* Mode.MapIndex */;
    }
}
/** A selector expression x.f resolved to a field or method. */
export class Selection {
    kind;
    recv;
    obj;
    index;
    indirect;
    type;
    constructor(kind, 
    /** type of x */
    recv, 
    /** field (Var) or method (Func) */
    obj, 
    /** path of embedded field indices to reach obj (last entry: index of obj itself) */
    index, 
    /** true if any pointer indirection was needed to reach the field/method */
    indirect, 
    /** type of x.f (method values: signature without receiver; method expressions: with receiver as first param) */
    type) {
        this.kind = kind;
        this.recv = recv;
        this.obj = obj;
        this.index = index;
        this.indirect = indirect;
        this.type = type;
    }
}
export class Info {
    types = new Map();
    instances = new Map();
    defs = new Map();
    uses = new Map();
    implicits = new Map();
    selections = new Map();
    scopes = new Map();
    initOrder = [];
    typeOf(e) {
        const tv = this.types.get(e);
        if (tv !== undefined)
            return tv.type;
        if (e.kind === "Ident") {
            const o = this.objectOf(e);
            if (o !== undefined && o !== null && o.type !== null)
                return o.type;
        }
        return undefined;
    }
    objectOf(id) {
        const d = this.defs.get(id);
        if (d !== undefined && d !== null)
            return d;
        return this.uses.get(id);
    }
}
