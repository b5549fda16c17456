import { Const, Func, Var } from "./object.js";
function dependencyGraph(check) {
    const M = new Map();
    for (const obj of check.objMap.keys()) {
        if (obj instanceof Const || obj instanceof Var || obj instanceof Func) {
            M.set(obj, { obj, pred: new Set(), succ: new Set(), index: 0, ndeps: 0 });
        }
    }
    for (const [obj, n] of M) {
        const d = check.objMap.get(obj);
        if (d === undefined)
            continue;
        for (const dep of d.deps) {
            const dn = M.get(dep);
            if (dn !== undefined) {
                n.succ.add(dn);
                dn.pred.add(n);
            }
        }
    }
    const G = [];
    const funcG = [];
    for (const n of M.values())
        (n.obj instanceof Func ? funcG : G).push(n);
    funcG.sort((a, b) => a.pred.size * a.succ.size - b.pred.size * b.succ.size);
    for (const n of funcG) {
        for (const p of n.pred) {
            if (p === n)
                continue;
            for (const s of n.succ) {
                if (s === n)
                    continue;
                p.succ.add(s);
                s.pred.add(p);
            }
            p.succ.delete(n);
        }
        for (const s of n.succ)
            s.pred.delete(n);
    }
    G.forEach((n, i) => {
        n.index = i;
        n.ndeps = n.succ.size;
    });
    return G;
}
/** Min-heap ordered by (ndeps, source order). */
class NodeQueue {
    a;
    constructor(a) {
        this.a = a;
        for (let i = (a.length >> 1) - 1; i >= 0; i--)
            this.down(i);
    }
    less(i, j) {
        const x = this.a[i];
        const y = this.a[j];
        return x.ndeps < y.ndeps || (x.ndeps === y.ndeps && x.obj.order < y.obj.order);
    }
    swap(i, j) {
        const x = this.a[i];
        const y = this.a[j];
        this.a[i] = y;
        this.a[j] = x;
        x.index = j;
        y.index = i;
    }
    up(j) {
        while (j > 0) {
            const i = (j - 1) >> 1;
            if (i === j || !this.less(j, i))
                break;
            this.swap(i, j);
            j = i;
        }
    }
    down(i0) {
        const n = this.a.length;
        let i = i0;
        for (;;) {
            const j1 = 2 * i + 1;
            if (j1 >= n)
                break;
            let j = j1;
            const j2 = j1 + 1;
            if (j2 < n && this.less(j2, j1))
                j = j2;
            if (!this.less(j, i))
                break;
            this.swap(i, j);
            i = j;
        }
        return i > i0;
    }
    fix(i) {
        if (!this.down(i))
            this.up(i);
    }
    pop() {
        const n = this.a.length - 1;
        this.swap(0, n);
        this.down0(n);
        const x = this.a.pop();
        x.index = -1;
        return x;
    }
    down0(n) {
        // sift down within [0, n)
        let i = 0;
        for (;;) {
            const j1 = 2 * i + 1;
            if (j1 >= n)
                break;
            let j = j1;
            const j2 = j1 + 1;
            if (j2 < n && this.less(j2, j1))
                j = j2;
            if (!this.less(j, i))
                break;
            this.swap(i, j);
            i = j;
        }
    }
}
function findPath(check, from, to, seen) {
    if (seen.has(from))
        return null;
    seen.add(from);
    const d = check.objMap.get(from);
    if (d === undefined)
        return null;
    for (const dep of d.deps) {
        if (dep === to)
            return [dep];
        const P = findPath(check, dep, to, seen);
        if (P !== null) {
            P.push(dep);
            return P;
        }
    }
    return null;
}
function reportCycle(check, cycle) {
    let obj = cycle[0];
    const pos = obj.pos;
    let msg = `initialization loop for ${obj.name}`;
    for (let i = cycle.length - 1; i >= 0; i--) {
        msg += `\n\t${check.posString(obj.pos)}: ${obj.name} refers to`;
        obj = cycle[i];
    }
    msg += `\n\t${check.posString(obj.pos)}: ${obj.name}`;
    check.error(pos, msg);
}
export function initOrder(check) {
    const order = check.info !== null ? check.info.initOrder : null;
    if (order !== null)
        order.length = 0;
    const pq = new NodeQueue(dependencyGraph(check));
    const emitted = new Set();
    while (pq.a.length > 0) {
        const n = pq.pop();
        if (n.ndeps > 0) {
            const cycle = findPath(check, n.obj, n.obj, new Set());
            if (cycle !== null)
                reportCycle(check, cycle);
        }
        for (const p of n.pred) {
            p.ndeps--;
            if (p.index >= 0)
                pq.fix(p.index);
        }
        if (!(n.obj instanceof Var))
            continue;
        const v = n.obj;
        const info = check.objMap.get(v);
        if (info === undefined || info.init === null)
            continue;
        if (emitted.has(info))
            continue;
        emitted.add(info);
        if (order !== null)
            order.push({ lhs: info.lhs ?? [v], rhs: info.init });
    }
}
