import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { expect } from "vitest";

/** Where the golden files live. */
export const GOLDEN_DIR = resolve(import.meta.dirname, "../golden");

function changedPath(path: string): string {
  const m = /^(.*?)(\.[^./]+(\.[^./]+)?)$/.exec(path);
  return m ? `${m[1]}-changed${m[2]}` : `${path}-changed`;
}

/**
 * Compare text with `test/golden/<name>`. On a mismatch, write `<stem>-changed.<ext>`
 * beside the golden file (for a diff) and fail. `UPDATE_GOLDEN=1` rewrites the golden file.
 */
export function expectGolden(name: string, actual: string): void {
  const path = resolve(GOLDEN_DIR, name);
  const changed = changedPath(path);
  if (process.env.UPDATE_GOLDEN === "1") {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    rmSync(changed, { force: true });
    return;
  }
  if (!existsSync(path)) throw new Error(`golden file ${name} is missing; run with UPDATE_GOLDEN=1 to create it`);
  const expected = readFileSync(path, "utf8");
  if (expected === actual) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, actual);
  expect(actual, `differs from golden ${name}; see ${changed}`).toBe(expected);
}

/** Round every number in a JSON value to `digits` significant digits (golden specs compare rounded numbers). */
export function roundNumbers(value: unknown, digits = 4): unknown {
  if (typeof value === "number") return Number.isFinite(value) && value !== 0 ? Number(value.toPrecision(digits)) : value;
  if (Array.isArray(value)) return value.map((v) => roundNumbers(v, digits));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundNumbers(v, digits)]));
  }
  return value;
}
