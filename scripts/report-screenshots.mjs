#!/usr/bin/env node
// Open a written report.html in headless Chromium and save screenshots of the page and
// of each figure, to check the report by eye: node scripts/report-screenshots.mjs [OUT_DIR] [SHOTS_DIR]
// (WIDTH=420 for a phone-sized viewport).
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const outDir = resolve(process.argv[2] ?? "out");
const shots = resolve(process.argv[3] ?? join(outDir, "screenshots"));
mkdirSync(shots, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage({ viewport: { width: Number(process.env.WIDTH ?? 1280), height: 900 } });
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("request", (r) => !r.url().startsWith("file:") && !r.url().startsWith("data:") && problems.push(`network request: ${r.url()}`));
  await page.goto(pathToFileURL(join(outDir, "report.html")).href);
  await page.screenshot({ path: join(shots, "page.png"), fullPage: true });
  await page.screenshot({ path: join(shots, "top.png") });
  for (const id of ["findings", "multiverse", "results", "robustness", "contributors", "provenance"]) {
    const el = page.locator(`#${id}`);
    if ((await el.count()) > 0) await el.screenshot({ path: join(shots, `section-${id}.png`) });
  }
  const figs = page.locator("figure");
  const n = await figs.count();
  for (let i = 0; i < n; i++) {
    const id = (await figs.nth(i).getAttribute("id")) ?? `figure-${i}`;
    await figs.nth(i).screenshot({ path: join(shots, `${id}.png`) });
    const box = await figs.nth(i).locator("svg:visible").first().boundingBox();
    console.log(`${id}: svg ${box ? `${Math.round(box.width)}x${Math.round(box.height)}` : "not visible"}`);
  }
  console.log(`${n} figures; screenshots in ${shots}`);
  for (const p of problems) console.log(p);
  if (problems.length > 0) process.exitCode = 1;
} finally {
  await browser.close();
}
