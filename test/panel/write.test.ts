import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, describe, expect, it } from "vitest";
import { codebookMarkdown, coverage } from "../../src/panel/codebook.js";
import type { ColumnDoc, Panel } from "../../src/panel/panel.js";
import { applyStep, type PanelStep } from "../../src/panel/pipeline.js";
import { formatNumber, panelCsv, provenance, writePanel } from "../../src/panel/write.js";
import { sha256 } from "../../src/sources/verify.js";
import { smallPanel } from "./helpers.js";

const dirs: string[] = [];
const tmp = (): string => {
  const d = mkdtempSync(join(tmpdir(), "pkt-panel-test-"));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const doc = (name: string, type: ColumnDoc["type"]): ColumnDoc => ({
  name, type, description: `About ${name}.`, unit: "u", sources: ["hti"], derivation: `How ${name} is made.`,
});

function withValues(p: Panel, cols: Record<string, [ColumnDoc["type"], (number | string | null)[]]>): Panel {
  const s: PanelStep = {
    name: "addTest",
    requires: [],
    produces: Object.keys(cols),
    docs: () => Object.entries(cols).map(([n, [t]]) => doc(n, t)),
    compute: () => Object.fromEntries(Object.entries(cols).map(([n, [, v]]) => [n, v])),
  };
  return applyStep(p, s, "/nonexistent");
}

const sample = (): Panel =>
  withValues(smallPanel([[2, 2000], [2, 2001], [20, 2000]]), {
    x: ["number", [1 / 3, null, 1e-7]],
    flag: ["binary", [1, 0, null]],
    label: ["string", ['a,"b"', null, "c"]],
  });

describe("panel writers", () => {
  it("formats numbers deterministically, without exponents", () => {
    expect(formatNumber(17105)).toBe("17105");
    expect(formatNumber(-0)).toBe("0");
    expect(formatNumber(1 / 3)).toBe("0.3333333333333333");
    expect(formatNumber(1e-7)).toBe("0.0000001");
    expect(formatNumber(1.5e21)).toBe("1500000000000000000000");
    expect(Number(formatNumber(1e-7))).toBe(1e-7);
    expect(() => formatNumber(NaN)).toThrow(RangeError);
  });

  it("writes CSV with empty cells for missing and quoted strings", () => {
    expect(panelCsv(sample())).toBe(
      'ccode,iso3,country,year,x,flag,label\n2,C2,Country 2,2000,0.3333333333333333,1,"a,""b"""\n2,C2,Country 2,2001,,0,\n20,C20,Country 20,2000,0.0000001,,c\n',
    );
  });

  it("documents every column with coverage in the codebook", () => {
    const p = sample();
    const md = codebookMarkdown(p);
    for (const name of p.columns.keys()) expect(md).toContain(`### ${name}`);
    expect(coverage(p, "flag")).toEqual({ firstYear: 2000, lastYear: 2001, nonMissing: 2, rows: 3 });
    expect(md).toContain("- Coverage: 2000-2001; 2 of 3 rows non-missing");
    expect(md).toContain("- Derivation: How x is made.");
  });

  it("records options, sources, version and the CSV hash in provenance", () => {
    const p = sample();
    const csv = panelCsv(p);
    const prov = provenance(p, "9.9.9", sha256(Buffer.from(csv)));
    expect(prov.program).toEqual({ name: "peacekeeping-trafficking", version: "9.9.9" });
    expect(prov.options.unSource).toBe("ipi");
    expect(prov.columns.map((c) => c.name)).toEqual(["ccode", "iso3", "country", "year", "x", "flag", "label"]);
  });

  it("writes four files, byte-identical on a second run, with a readable Parquet copy", async () => {
    const a = tmp();
    const b = tmp();
    await writePanel(sample(), a, "0.1.0");
    await writePanel(sample(), b, "0.1.0");
    for (const f of ["panel.csv", "panel.parquet", "codebook.md", "provenance.json"]) {
      expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
    }
    const prov = JSON.parse(readFileSync(join(a, "provenance.json"), "utf8"));
    expect(prov.panelCsvSha256).toBe(sha256(readFileSync(join(a, "panel.csv"))));
    const db = await DuckDBInstance.create(":memory:");
    const con = await db.connect();
    const res = await con.runAndReadAll(`SELECT ccode, x, flag, label FROM '${join(a, "panel.parquet")}' ORDER BY ccode, year`);
    expect(res.getRowObjectsJson()).toEqual([
      { ccode: 2, x: 1 / 3, flag: 1, label: 'a,"b"' },
      { ccode: 2, x: null, flag: 0, label: null },
      { ccode: 20, x: 1e-7, flag: null, label: "c" },
    ]);
    con.closeSync();
    db.closeSync();
  });

  it("leaves earlier outputs intact when a run fails", async () => {
    const d = tmp();
    await writePanel(sample(), d, "0.1.0");
    const before = readFileSync(join(d, "panel.csv"));
    const bad = withValues(smallPanel([[2, 2000]]), { x: ["number", [0]] });
    (bad.columns.get("x")!.values as number[])[0] = Infinity;
    await expect(writePanel(bad, d, "0.1.0")).rejects.toThrow(RangeError);
    expect(readFileSync(join(d, "panel.csv")).equals(before)).toBe(true);
    expect(existsSync(join(d, "codebook.md"))).toBe(true);
    expect(readdirSync(d).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
