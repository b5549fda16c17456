import { test, expect, vi } from "vitest";
vi.mock("@gort/runtime/image", () => import("../../../runtime/src/image/index.js"));
import { OP_WORDS } from "@gort/runtime/image";
test("probe", () => { expect(OP_WORDS.length).toBeGreaterThan(10); });
