import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { feature } from "topojson-client";
import type { Topology, GeometryCollection } from "topojson-specification";
import type { Geometry } from "geojson";
import type { CountrycodeCodelistRow } from "../../sources/countrycode-codelist.js";

/** A country outline with its ISO-3 code (null where none applies) and a label point. */
export interface WorldFeature {
  readonly type: "Feature";
  readonly geometry: Geometry;
  readonly properties: { readonly name: string; readonly iso3: string | null; readonly centroid: readonly [number, number] };
}

/**
 * Outlines without an ISO numeric id in world-atlas, placed by name: Kosovo takes the
 * World Bank code XKX (as the panel); Northern Cyprus and Somaliland are drawn as part
 * of the state the state system recognises.
 */
const UNNUMBERED: Record<string, string> = { Kosovo: "XKX", "N. Cyprus": "CYP", Somaliland: "SOM" };

/** The path of world-atlas's countries-110m TopoJSON (ISO 3166 numeric ids). */
export function worldAtlasPath(): string {
  return createRequire(import.meta.url).resolve("world-atlas/countries-110m.json");
}

function ringArea(ring: readonly number[][]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j][0] + ring[i][0]) * (ring[j][1] - ring[i][1]);
  return Math.abs(a / 2);
}

/** Mean of the outer ring's vertices of the largest polygon: good enough to place a circle. */
function labelPoint(g: Geometry): [number, number] {
  const polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
  let best: number[][] = [];
  let bestArea = -1;
  for (const p of polys) {
    const a = ringArea(p[0]);
    if (a > bestArea) {
      bestArea = a;
      best = p[0];
    }
  }
  if (best.length === 0) return [0, 0];
  const n = best.length - 1 || 1;
  let x = 0;
  let y = 0;
  for (let i = 0; i < n; i++) {
    x += best[i][0];
    y += best[i][1];
  }
  return [Math.round((x / n) * 100) / 100, Math.round((y / n) * 100) / 100];
}

/**
 * World country outlines (Natural Earth 1:110m via world-atlas) with ISO-3 codes from
 * the countrycode code list (`iso3n` -> `iso3c`).
 */
export function worldFeatures(codelist: readonly CountrycodeCodelistRow[], path = worldAtlasPath()): WorldFeature[] {
  const topo = JSON.parse(readFileSync(path, "utf8")) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const iso = new Map<number, string>();
  for (const r of codelist) if (r.iso3n !== null && r.iso3c !== null) iso.set(r.iso3n, r.iso3c);
  const fc = feature(topo, topo.objects.countries);
  return fc.features.map((f) => {
    const name = f.properties?.name ?? "";
    const id = f.id === undefined ? NaN : Number(f.id);
    const iso3 = Number.isFinite(id) ? (iso.get(id) ?? null) : (UNNUMBERED[name] ?? null);
    return { type: "Feature", geometry: f.geometry, properties: { name, iso3, centroid: labelPoint(f.geometry) } };
  });
}
