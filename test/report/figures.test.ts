import { describe, expect, it } from "vitest";
import { figureSpecs, personnelTicks, renderPng, renderSvg, worldFeatures } from "../../src/report/figures/index.js";
import { readCountrycodeCodelist } from "../../src/sources/countrycode-codelist.js";
import { DATA_DIR } from "../util/data.js";
import { expectGolden, roundNumbers } from "./golden.js";
import { syntheticStudy } from "./synthetic-study.js";

const world = worldFeatures(readCountrycodeCodelist(DATA_DIR));

/** The spec with map geometry left out (the outlines are world-atlas's, not ours). */
function goldenView(spec: unknown): string {
  const text = JSON.stringify(spec, (k, v) => (k === "geometry" ? null : v));
  return JSON.stringify(roundNumbers(JSON.parse(text)), null, 1) + "\n";
}

describe("figures", () => {
  it("world outlines carry ISO-3 codes (Kosovo XKX; every numbered outline matched)", () => {
    const iso = new Map(world.map((f) => [f.properties.name, f.properties.iso3]));
    expect(iso.get("Kosovo")).toBe("XKX");
    expect(iso.get("Haiti")).toBe("HTI");
    expect(iso.get("Sierra Leone")).toBe("SLE");
    expect(world.filter((f) => f.properties.iso3 === null).map((f) => f.properties.name)).toEqual([]);
  });

  it("ticks for the personnel axis", () => {
    expect(personnelTicks(17000)).toEqual([0, 10, 100, 1000, 10000]);
  });

  const figs = figureSpecs(syntheticStudy(), world);
  it("all four figures are declared", () => {
    expect(figs.map((f) => f.id)).toEqual(["prediction", "me-duration", "me-tcc", "map"]);
  });

  for (const f of figs) {
    it(`${f.id}: spec matches the golden file (numbers rounded) and renders to SVG and PNG`, async () => {
      expectGolden(`figures/${f.id}.vl.json`, goldenView(f.spec));
      const svg = await renderSvg(f.spec);
      expect(svg).toMatch(/^<svg/);
      expect(svg).toContain("DejaVu Sans");
      const png = renderPng(svg, 1);
      expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join("")).toBe("PNG");
    });
  }
});
