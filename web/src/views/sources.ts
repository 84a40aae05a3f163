/** The sources page: every file the data came from, with SHA-256, citation and licence. */
import type { Meta } from "../api.js";
import { renderTable } from "../charts.js";
import { el } from "../dom.js";
import { STUDY_CITATION } from "../../../src/study/spec.js";

/** Render the list of sources and the panel options. */
export function renderSources(host: HTMLElement, meta: Meta): void {
  const table = el("div", { class: "table-wrap" });
  host.append(
    el("h2", { text: "Sources and provenance" }),
    el("p", { text: `Everything on these pages is computed from the files below (${meta.origin}). Each file is checked against its SHA-256 before it is read.` }),
    table,
    el("h3", { text: "Also used" }),
    el("ul", {},
      el("li", { text: STUDY_CITATION + " (the models of the explorer and the simulator)" }),
      el("li", { text: "Map shapes: Natural Earth 1:110m country boundaries, via the world-atlas package (countries-110m.json, ISC licence); ISO numeric ids mapped to ISO-3 with the countrycode code list above." }),
      el("li", { text: "Charts: Vega-Lite and Vega (Satyanarayan et al. 2017, IEEE TVCG 23(1))." }),
    ),
    el("h3", { text: "Panel options" }),
    el("pre", { class: "options", text: JSON.stringify(meta.panelOptions, null, 2) }),
  );
  const t = renderTable(
    table,
    [
      { key: "id", label: "id" },
      { key: "file", label: "file" },
      { key: "sha256", label: "SHA-256", format: (v) => String(v) },
      { key: "citation", label: "citation" },
      { key: "license", label: "licence" },
    ],
    meta.sources.map((s) => ({ ...s })),
    "sources",
  );
  t.classList.add("sources");
}
