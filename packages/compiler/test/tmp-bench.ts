import { loadPackages } from "../src/loader/patterns.js";
import { formatDiagnostic } from "../src/diag.js";
const t0 = Date.now();
const r = loadPackages([process.argv[2] ?? "net/http"], { goroot: "/usr/lib/go-1.19", progress: false, checkBrokenDeps: true });
const all = r.loader.allPackages();
const bad = all.filter((p) => p.errors.length > 0 || p.loadErrors.length > 0);
console.log(`${all.length} packages, ${Date.now() - t0} ms, ${bad.length} with errors, mem ${Math.round(process.memoryUsage().heapUsed/1e6)} MB`);
for (const p of bad.slice(0, 40)) console.log(p.importPath, p.loadErrors[0]?.msg ?? "", p.errors.length, p.errors[0] ? formatDiagnostic(r.loader.fset, p.errors[0]).replace(/^.*src\//, "") : "");
