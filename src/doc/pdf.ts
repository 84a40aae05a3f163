/**
 * Print HTML pages to PDF with a headless Chromium: the one named (flag or
 * `PKT_CHROMIUM`), else the first found at the usual places. Chromium's own
 * `--print-to-pdf` does the work, so no browser-driving library is needed at run time;
 * the pages' print stylesheet breaks pages between sections.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, renameSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { PktError } from "../core/errors.js";

/** Where Chromium is looked for when none is named. */
export const CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable", "/snap/bin/chromium"];

/** The Chromium to use: `named` (must exist), else `PKT_CHROMIUM`, else the first candidate present; throws a one-line PktError when none. */
export function findChromium(named?: string, env: NodeJS.ProcessEnv = process.env, candidates: readonly string[] = CHROMIUM_CANDIDATES): string {
  const asked = named ?? env.PKT_CHROMIUM;
  if (asked !== undefined && asked !== "") {
    if (!existsSync(asked)) throw new PktError(`--pdf: no Chromium at ${asked}; name an installed chromium or google-chrome with --chromium PATH`);
    return asked;
  }
  const found = candidates.find((c) => existsSync(c));
  if (found === undefined) {
    throw new PktError(`--pdf needs Chromium and none was found (looked at ${candidates.join(", ")}); install it (Debian: apt-get install chromium) or name it with --chromium PATH`);
  }
  return found;
}

/** Print `htmlFile` to `pdfFile` (written atomically) with the given Chromium; throws a PktError with Chromium's last words on failure. */
export function printPdf(chromium: string, htmlFile: string, pdfFile: string, timeoutMs = 120_000): void {
  const tmp = mkdtempSync(join(tmpdir(), "pkt-pdf-"));
  const out = join(tmp, "out.pdf");
  try {
    const r = spawnSync(chromium, [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
      `--user-data-dir=${join(tmp, "profile")}`, "--no-pdf-header-footer", "--print-to-pdf-no-header", "--run-all-compositor-stages-before-draw",
      `--print-to-pdf=${out}`, pathToFileURL(resolve(htmlFile)).href,
    ], { encoding: "utf8", timeout: timeoutMs });
    if (r.error !== undefined || !existsSync(out) || statSync(out).size === 0) {
      const why = r.error?.message ?? (r.stderr ?? "").trim().split("\n").filter((l) => l.trim() !== "").at(-1) ?? `exit ${String(r.status)}`;
      throw new PktError(`--pdf: ${chromium} could not print ${htmlFile}: ${why}`);
    }
    if (!existsSync(dirname(resolve(pdfFile)))) throw new PktError(`--pdf: no directory for ${pdfFile}`);
    renameSync(out, resolve(pdfFile));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
