/** The world map's shapes: world-atlas 110m countries as GeoJSON, keyed by ISO-3, with label points. */
import type { Feature, Geometry, Position } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import worldUrl from "world-atlas/countries-110m.json?url";

/** A country shape with its ISO-3 code (null when the code table has none) and a label point. */
export interface CountryShape {
  readonly iso3: string | null;
  readonly name: string;
  readonly feature: Feature<Geometry, { name: string }>;
  /** Longitude and latitude of the centroid of the largest polygon. */
  readonly lon: number;
  readonly lat: number;
  /** False for a shape that only shares its country's colour (N. Cyprus, Somaliland): no second symbol. */
  readonly primary: boolean;
}

/** Shapes without an ISO numeric id in world-atlas, matched by name. */
const BY_NAME: Readonly<Record<string, string>> = { Kosovo: "XKX", "N. Cyprus": "CYP", Somaliland: "SOM" };
/** Of those, the ones that are part of another country's territory in the panel. */
const SECONDARY = new Set(["N. Cyprus", "Somaliland"]);

let shapes: Promise<CountryShape[]> | null = null;
let topology: Promise<Topology<{ countries: GeometryCollection<{ name: string }> }>> | null = null;

/** Start downloading the shapes (called as early as possible; the map needs them first). */
export function prefetchShapes(): void {
  topology ??= fetch(worldUrl).then((r) => r.json() as Promise<Topology<{ countries: GeometryCollection<{ name: string }> }>>);
}

/** Load the shapes once; `isoNumeric` maps world-atlas ids ("004") to ISO-3. */
export function loadShapes(isoNumeric: Readonly<Record<string, string>>): Promise<CountryShape[]> {
  prefetchShapes();
  shapes ??= (topology as NonNullable<typeof topology>).then((topo) => {
      const fc = feature(topo, topo.objects.countries);
      return fc.features.map((f) => {
        const id = f.id === undefined ? undefined : String(f.id);
        const name = f.properties?.name ?? "";
        const iso3 = (id !== undefined ? isoNumeric[id] : undefined) ?? BY_NAME[name] ?? null;
        const [lon, lat] = labelPoint(f.geometry);
        return { iso3, name, feature: f as Feature<Geometry, { name: string }>, lon, lat, primary: !SECONDARY.has(name) };
      });
    });
  return shapes;
}

/** Area-weighted centroid (planar, in degrees) of the largest outer ring. */
function labelPoint(g: Geometry | null): [number, number] {
  const rings: Position[][] = [];
  if (g?.type === "Polygon") rings.push(g.coordinates[0]);
  else if (g?.type === "MultiPolygon") for (const p of g.coordinates) rings.push(p[0]);
  let best: [number, number] = [0, 0];
  let bestArea = -1;
  for (const ring of rings) {
    let a = 0;
    let cx = 0;
    let cy = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const cross = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
      a += cross;
      cx += (ring[j][0] + ring[i][0]) * cross;
      cy += (ring[j][1] + ring[i][1]) * cross;
    }
    if (Math.abs(a) > bestArea && a !== 0) {
      bestArea = Math.abs(a);
      best = [cx / (3 * a), cy / (3 * a)];
    }
  }
  return best;
}
