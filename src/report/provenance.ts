import { readFileSync } from "node:fs";
import { sha256 } from "../sources/verify.js";
import { sourceById } from "../sources/registry.js";
import type { StudyResults } from "../study/run.js";
import type { ProvenanceEntry } from "./assemble.js";

/** Citation of the map outlines. */
export const WORLD_ATLAS_CITATION =
  "Natural Earth 1:110m admin-0 countries (public domain), as TopoJSON in Mike Bostock's world-atlas 2 (ISC licence), countries-110m.json.";

/**
 * Every input file of the report: the panel's sources (main models), further sources
 * read only by robustness checks or by other sections, the code list and outline file the map reads.
 * Hashes come from the source registry (each reader verified the file against it).
 */
export function provenanceEntries(
  s: StudyResults,
  map: { codelistId: string; atlasPath: string } | null,
  /** Further sources of other sections (e.g. the contributor panel), listed after the study's when not already there. */
  more: readonly { readonly id: string; readonly usedFor: string }[] = [],
): ProvenanceEntry[] {
  const out: ProvenanceEntry[] = [];
  const seen = new Set<string>();
  const add = (id: string, usedFor: string) => {
    if (seen.has(id)) return;
    const src = sourceById(id);
    if (src === undefined) return;
    seen.add(id);
    out.push({ id, file: src.file, sha256: src.sha256, citation: src.citation, usedFor });
  };
  for (const id of s.sources) add(id, "main models");
  for (const id of s.robustnessSources) add(id, "robustness checks");
  for (const m of more) add(m.id, m.usedFor);
  if (map !== null) {
    add(map.codelistId, "world map (ISO codes)");
    out.push({ id: "world-atlas", file: "node_modules/world-atlas/countries-110m.json", sha256: sha256(readFileSync(map.atlasPath)), citation: WORLD_ATLAS_CITATION, usedFor: "world map (outlines)" });
  }
  return out;
}
