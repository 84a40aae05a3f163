/** cases.html in headless Chromium: readable at 1280 and 420 px, tables not cut off, no internal names. */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { buildCasesFiles } from "../../src/cases/files.js";
import { runCases } from "../../src/cases/run.js";
import { writeFilesAtomic } from "../../src/core/atomic-write.js";
import { DATA_DIR } from "../util/data.js";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

describe.skipIf(!existsSync(CHROMIUM) || !existsSync(join(DATA_DIR, "manifest.json")))("cases.html in headless Chromium", () => {
  it("fits 1280 and 420 px, figure text >= 11 px, no internal names or p = 0.000", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pkt-cases-browser-"));
    const files = await buildCasesFiles(runCases({ dataDir: DATA_DIR, synth: false, reps: 49 }), { png: false });
    writeFilesAtomic(files.map((f) => ({ path: join(dir, f.path), data: f.data })));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(pathToFileURL(join(dir, "cases.html")).href);
      const text = (await page.textContent("main")) ?? "";
      expect(text).not.toMatch(/p = 0\.000|tipTier|p3Total|minute or two|none for \d+ cases/);
      for (const width of [1280, 420]) {
        await page.setViewportSize({ width, height: 900 });
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `sideways scroll at ${width}`).toBeLessThanOrEqual(0);
        const small = await page.evaluate(() =>
          [...document.querySelectorAll<SVGTextElement>("figure svg text")]
            .filter((t) => t.textContent && t.getBoundingClientRect().width > 0)
            .map((t) => ({ text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * (t.ownerSVGElement!.getBoundingClientRect().width / t.ownerSVGElement!.width.baseVal.value) }))
            .filter((x) => x.px < 10.95),
        );
        expect(small, `figure text under 11 px at ${width} px`).toEqual([]);
      }
      // At 1280 px the non-UN tables fit without scrolling inside their box.
      await page.setViewportSize({ width: 1280, height: 900 });
      const cut = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>("#non-un ~ .tablewrap, .tablewrap")].filter((w) => w.scrollWidth > w.clientWidth + 1).map((w) => w.querySelector("caption")?.textContent ?? "?"));
      expect(cut.filter((c) => /Size models/.test(c)), "non-UN tables cut off at 1280 px").toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
