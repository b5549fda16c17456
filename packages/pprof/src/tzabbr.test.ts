import * as fs from "node:fs";
import { describe, expect, it } from "vitest";
import { zoneAbbreviation } from "./tzabbr.js";

// Go 1.19 prints these (time.Time.Format("MST")) for 2026-11-28 00:00 UTC and 2026-05-28 20:26:40 UTC.
const GO: [string, string, string][] = [
  ["Europe/Paris", "CET", "CEST"],
  ["America/New_York", "EST", "EDT"],
  ["Asia/Tokyo", "JST", "JST"],
  ["Asia/Kolkata", "IST", "IST"],
  ["Asia/Dubai", "+04", "+04"],
  ["Australia/Sydney", "AEDT", "AEST"],
  ["America/Sao_Paulo", "-03", "-03"],
  ["Europe/London", "GMT", "BST"],
];

describe.skipIf(!fs.existsSync("/usr/share/zoneinfo/Europe/Paris"))("zone abbreviations from the system's TZif files", () => {
  for (const [tz, winter, summer] of GO) {
    it(tz, () => {
      expect(zoneAbbreviation(1795132800, { TZ: tz })).toBe(winter);
      expect(zoneAbbreviation(1780000000, { TZ: tz })).toBe(summer);
    });
  }
  it("UTC without a zone file", () => {
    expect(zoneAbbreviation(1795132800, { TZ: "" })).toBe("UTC");
    expect(zoneAbbreviation(1795132800, { TZ: "UTC" })).toBe("UTC");
  });
});
