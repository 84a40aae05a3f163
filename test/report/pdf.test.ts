/** report.pdf through Chromium: found or named, a one-line message when there is none, page breaks between sections. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { run } from "../../src/cli/main.js";
import { findChromium, printPdf } from "../../src/doc/pdf.js";
import { DOC_CSS } from "../../src/doc/style.js";
import { DATA_DIR } from "../util/data.js";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

describe("findChromium", () => {
  it("says in one line what it looked for and what to do when there is none", () => {
    expect(() => findChromium(undefined, {}, ["/nowhere/chromium"])).toThrow(/^--pdf needs Chromium and none was found \(looked at \/nowhere\/chromium\); install it .* or name it with --chromium PATH$/);
    expect(() => findChromium("/nowhere/chrome", {}, [])).toThrow(/no Chromium at \/nowhere\/chrome/);
  });

  it("takes the named binary, then PKT_CHROMIUM, then the first candidate present", () => {
    const here = process.execPath;
    expect(findChromium(here, {}, [])).toBe(here);
    expect(findChromium(undefined, { PKT_CHROMIUM: here }, [])).toBe(here);
    expect(findChromium(undefined, {}, ["/nowhere", here])).toBe(here);
  });

  it("pkt report --pdf with a missing Chromium fails at once with one pkt: line", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const code = await run(["node", "pkt", "report", "--pdf", "--chromium", "/nowhere/chromium", "--data-dir", DATA_DIR, "--out", mkdtempSync(join(tmpdir(), "pkt-pdf-cli-"))]);
      expect(code).not.toBe(0);
      const lines = error.mock.calls.map((c) => String(c[0]));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^pkt: --pdf: no Chromium at \/nowhere\/chromium/);
    } finally {
      error.mockRestore();
    }
  });
});

describe.skipIf(!existsSync(CHROMIUM))("printPdf", () => {
  it("prints a page to PDF, one page per section", () => {
    const dir = mkdtempSync(join(tmpdir(), "pkt-pdf-"));
    const html = join(dir, "page.html");
    writeFileSync(html, `<!DOCTYPE html><html><head><meta charset="utf-8"><style>${DOC_CSS}</style></head><body><main><h1>T</h1><section id="findings"><h2>A</h2><p>one</p></section><section id="b"><h2>B</h2><p>two</p></section><section id="c"><h2>C</h2><p>three</p></section></main></body></html>`);
    const pdf = join(dir, "page.pdf");
    printPdf(CHROMIUM, html, pdf);
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    // Pages are counted from the page tree; sections after the first start a new page.
    const pages = (bytes.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBe(3);
  });
});

