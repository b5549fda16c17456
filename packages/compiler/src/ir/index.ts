export { Label, newFunc, type Instr, type IrFunc, type Code } from "./ir.js";
export { FuncLowering, Unsupported, shapeOf, type ProgramCtx } from "./lower.js";
