import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { writeFilesAtomic } from "../../src/core/atomic-write.js";
import { buildReportFiles } from "../../src/report/build.js";
import { worldFeatures } from "../../src/report/figures/world.js";
import { readCountrycodeCodelist } from "../../src/sources/countrycode-codelist.js";
import { DATA_DIR } from "../util/data.js";
import { syntheticStudy } from "./synthetic-study.js";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

describe.skipIf(!existsSync(CHROMIUM))("report.html in headless Chromium", () => {
  it("loads without errors or network requests and shows every figure at a readable size", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pkt-browser-"));
    const { files } = await buildReportFiles(syntheticStudy(), { world: worldFeatures(readCountrycodeCodelist(DATA_DIR)), provenance: [], version: "test", png: false });
    writeFilesAtomic(files.map((f) => ({ path: join(dir, f.path), data: f.data })));
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const problems: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") problems.push(m.text());
      });
      page.on("pageerror", (e) => problems.push(e.message));
      page.on("request", (r) => {
        if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) problems.push(`request ${r.url()}`);
      });
      await page.goto(pathToFileURL(join(dir, "report.html")).href);
      expect(await page.locator(".finding").count()).toBe(4);
      const figs = page.locator("figure .fig-wide svg");
      expect(await figs.count()).toBe(4);
      for (let i = 0; i < 4; i++) {
        const box = await figs.nth(i).boundingBox();
        expect(box?.width).toBeGreaterThan(400);
        expect(box?.height).toBeGreaterThan(200);
      }
      const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      expect(wide).toBe(false);
      await page.setViewportSize({ width: 420, height: 900 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), "no sideways scrolling on a phone").toBe(true);
      // On a phone the narrow drawing of each figure is shown, and its text is not scaled below 11 px.
      expect(await page.locator("figure .fig-narrow svg").first().isVisible()).toBe(true);
      expect(await page.locator("figure .fig-wide svg").first().isVisible()).toBe(false);
      const small = await page.evaluate(() =>
        [...document.querySelectorAll<SVGTextElement>("figure svg text")]
          .filter((t) => t.textContent && t.getBoundingClientRect().width > 0)
          .map((t) => ({ text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * (t.ownerSVGElement!.getBoundingClientRect().width / t.ownerSVGElement!.width.baseVal.value) }))
          .filter((x) => x.px < 10.95),
      );
      expect(small, "figure text under 11 px at 420 px").toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
