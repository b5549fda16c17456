// The HTML flame graph in headless Chromium (Debian's `chromium` package): the page loads with no
// console output at all (errors, warnings or logs), draws its frames, honours the zoom and search
// state in its URL fragment, and a screenshot shows the flame colours. Skipped without chromium.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeProfile } from "./decode.js";
import { flameHtmlReport } from "./flamereport.js";
import { defaultReportOptions } from "./report.js";

const testdata = path.join(path.dirname(fileURLToPath(import.meta.url)), "../testdata");

function findChromium(): string | undefined {
  for (const c of [process.env.CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]) {
    if (c !== undefined && c !== "" && fs.existsSync(c)) return c;
  }
  return undefined;
}
const chromium = findChromium();

/** Runs headless Chromium on url; returns stdout and the console lines it logged. */
function headless(args: string[], url: string): { stdout: string; console: string[] } {
  const r = spawnSync(
    chromium as string,
    ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars", "--enable-logging=stderr", "--v=0", "--window-size=1280,900", ...args, url],
    { encoding: "utf8", timeout: 60000 },
  );
  return { stdout: r.stdout, console: r.stderr.split("\n").filter((l) => l.includes("CONSOLE")) };
}

/** Decodes an 8-bit RGB or RGBA PNG into [width, height, channels, pixels]. */
function decodePng(buf: Buffer): [number, number, number, Uint8Array] {
  expect(buf.subarray(1, 4).toString("latin1")).toBe("PNG");
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.subarray(pos + 4, pos + 8).toString("latin1");
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect(data[8]).toBe(8);
      channels = data[9] === 6 ? 4 : data[9] === 2 ? 3 : 0;
      expect(channels).not.toBe(0);
    } else if (type === "IDAT") idat.push(data);
    pos += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const px = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x];
      const a = x >= channels ? px[y * stride + x - channels] : 0;
      const b = y > 0 ? px[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? px[(y - 1) * stride + x - channels] : 0;
      let p: number;
      if (f === 0) p = 0;
      else if (f === 1) p = a;
      else if (f === 2) p = b;
      else if (f === 3) p = (a + b) >> 1;
      else {
        const pa = Math.abs(b - c);
        const pb = Math.abs(a - c);
        const pc = Math.abs(a + b - 2 * c);
        p = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      px[y * stride + x] = (v + p) & 0xff;
    }
  }
  return [width, height, channels, px];
}

describe.skipIf(chromium === undefined)("flame graph page in headless Chromium", () => {
  let dir = "";
  let file = "";
  beforeAll(() => {
    process.env.TZ = "UTC";
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "gort-flame-"));
    file = path.join(dir, "cpu.html");
    const p = decodeProfile(fs.readFileSync(path.join(testdata, "cpu.pprof")));
    fs.writeFileSync(file, flameHtmlReport(p, defaultReportOptions("top", testdata), "cpu.pprof").text);
  });

  it("loads without console output and draws every function of the profile", () => {
    const { stdout, console } = headless(["--dump-dom"], `file://${file}`);
    expect(console).toEqual([]);
    for (const name of ["all (850ms)", "runtime.main", "main.main", "main.heavy", "main.medium", "main.light", "main.hashLoop"]) {
      expect(stdout).toContain(`>${name}</div>`);
    }
    // hover details live in each frame's title
    expect(stdout).toMatch(/title="main\.hashLoop — 360ms \(42\.35% of total\), self 360ms"/);
  }, 90000);

  it("zooms and searches from the URL fragment", () => {
    const { stdout, console } = headless(["--dump-dom"], `file://${file}#zoom=runtime.main;main.main;main.heavy&search=hash`);
    expect(console).toEqual([]);
    // zoomed: main.heavy fills the width; main.medium and main.light are not drawn
    expect(stdout).toMatch(/<div class="f" title="main\.heavy[^"]*" data-id="\d+" style="left: 0px; top: 51px; width: 1256px;[^"]*">main\.heavy</);
    expect(stdout).not.toContain(">main.medium</div>");
    expect(stdout).toContain('class="f match"');
    expect(stdout).toMatch(/<span id="status">Matched: 42\.35%<\/span>/);
  }, 90000);

  it("hover, click, search and Escape work through the page's own handlers", () => {
    // a copy of the page with a script after it that plays the user's part with DOM events
    const driver = `<script>
(function () {
  function frame(name) { return Array.prototype.find.call(document.querySelectorAll(".f"), function (d) { return d.textContent === name; }); }
  var out = {};
  var medium = frame("main.medium");
  medium.dispatchEvent(new MouseEvent("mousemove", { bubbles: true }));
  out.details = document.getElementById("details").textContent;
  medium.dispatchEvent(new MouseEvent("click", { bubbles: true }));
  out.hash = location.hash;
  out.zoomed = frame("main.medium").style.left + " " + frame("main.medium").style.width;
  out.heavyAfterZoom = frame("main.heavy") === undefined;
  var input = document.getElementById("search");
  input.value = "hash";
  input.dispatchEvent(new Event("input"));
  out.status = document.getElementById("status").textContent;
  out.matches = document.querySelectorAll(".f.match").length;
  document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape" }));
  out.afterEscape = [document.querySelectorAll(".f.match").length, frame("main.heavy") !== undefined, location.hash];
  document.body.setAttribute("data-result", JSON.stringify(out));
})();
</script>`;
    const page = path.join(dir, "driven.html");
    fs.writeFileSync(page, fs.readFileSync(file, "utf8").replace("</body>", `${driver}</body>`));
    const { stdout, console } = headless(["--dump-dom"], `file://${page}`);
    expect(console).toEqual([]);
    const m = /data-result="([^"]*)"/.exec(stdout);
    expect(m).not.toBeNull();
    const result = JSON.parse((m as RegExpExecArray)[1].replace(/&quot;/g, '"').replace(/&amp;/g, "&"));
    expect(result).toEqual({
      details: "main.medium — 250ms (29.41% of total), self 0",
      hash: "#zoom=runtime.main;main.main;main.medium",
      zoomed: "0px 1256px",
      heavyAfterZoom: true,
      status: "Matched: 29.41%",
      matches: 1,
      afterEscape: [0, true, ""],
    });
  }, 90000);

  it("takes a screenshot showing the flame graph", () => {
    const shot = path.join(dir, "shot.png");
    const { console } = headless([`--screenshot=${shot}`], `file://${file}`);
    expect(console).toEqual([]);
    const [w, h, ch, px] = decodePng(fs.readFileSync(shot));
    expect([w, h]).toEqual([1280, 900]);
    // count warm flame-coloured pixels (red/orange/yellow: r high, b low)
    let warm = 0;
    for (let i = 0; i < w * h; i++) {
      const r = px[i * ch];
      const g = px[i * ch + 1];
      const b = px[i * ch + 2];
      if (r > 180 && b < 120 && g < r) warm++;
    }
    // five rows of frames, 17 px high, most of the 1256 px chart width
    expect(warm).toBeGreaterThan(4 * 17 * 1000);
  }, 90000);
});
