import { readImports } from "../src/loader/header.js";
import * as fs from "node:fs";
const h = readImports(fs.readFileSync(process.argv[2], "utf8"));
console.log(h.error, h.imports.map((i) => `${i.line}:${i.column} ${JSON.stringify(i.path)}`));
