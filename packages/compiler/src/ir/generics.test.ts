import { describe, expect, test } from "vitest";
import { goTypeArgSpacing } from "./generics.js";

describe("goTypeArgSpacing (reflect's names of instantiated types)", () => {
  const cases: [string, string][] = [
    ["main.G[int]", "main.G[int]"],
    ["main.Pair[string, main.T]", "main.Pair[string,main.T]"],
    ["main.W[main.Pair[int, []string], *main.T]", "main.W[main.Pair[int,[]string],*main.T]"],
    // other lists keep their spaces; map keys and array lengths are not type-argument lists
    ["func(int, string) (bool, error)", "func(int, string) (bool, error)"],
    ["main.G[func(int, string)]", "main.G[func(int, string)]"],
    ["map[main.P[int, int]]main.Q[a, b]", "map[main.P[int,int]]main.Q[a,b]"],
    ["[2]main.P[x, y]", "[2]main.P[x,y]"],
    ["struct { a main.P[int, bool]; b int }", "struct { a main.P[int,bool]; b int }"],
    ["[]int", "[]int"],
  ];
  test.each(cases)("%s", (input, want) => {
    expect(goTypeArgSpacing(input)).toBe(want);
  });
});
