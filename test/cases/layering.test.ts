/** Data flows one way: the cases feed the report (as a section model), never the other way round. */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "../../src");

describe("layering", () => {
  it("nothing in src/cases imports src/report", () => {
    const offenders = readdirSync(join(SRC, "cases"))
      .filter((f) => f.endsWith(".ts"))
      .filter((f) => /from "\.\.\/report\//.test(readFileSync(join(SRC, "cases", f), "utf8")));
    expect(offenders).toEqual([]);
  });

  it("nothing splices rendered pages by searching for heading text", () => {
    for (const dir of ["cases", "report", "doc"]) {
      for (const f of readdirSync(join(SRC, dir), { recursive: true }).map(String).filter((x) => x.endsWith(".ts"))) {
        const text = readFileSync(join(SRC, dir, f), "utf8");
        expect(text, `${dir}/${f}`).not.toMatch(/indexOf\(\s*["'`](## |<section|<a href="#)/);
      }
    }
  });
});
