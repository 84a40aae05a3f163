export { blocksToHtml, blocksToMarkdown, type Block } from "../doc/blocks.js";

/** Extra styles of the cases page, on top of the report's stylesheet. */
export const CASES_CSS = `
table.cases{border-collapse:collapse;margin:1rem 0;font-size:.85rem;font-variant-numeric:tabular-nums}
table.cases caption{text-align:left;font-weight:bold;padding-bottom:.4rem}
table.cases th,table.cases td{padding:.2rem .6rem;border-bottom:1px solid var(--rule);text-align:right;vertical-align:top}
table.cases td{white-space:nowrap}
table.cases td.long{white-space:normal;min-width:16rem;text-align:left}
table.cases thead th{border-bottom:2px solid var(--ink);text-align:right;white-space:normal;vertical-align:bottom}
table.cases thead th:first-child,table.cases tbody th{text-align:left;font-weight:normal;min-width:12rem}
table.cases tfoot td{text-align:left;font-size:.78rem;color:var(--muted);border:0;padding-top:.4rem;white-space:normal}
p.note{font-size:.9rem;color:var(--muted)}
details{margin:.5rem 0 1.5rem}
summary{cursor:pointer;color:#2b6cb0;font-size:.92rem}
main.cases{max-width:80rem}
@media (max-width:640px){table.cases thead th:first-child,table.cases tbody th{min-width:8rem}table.cases td.long{min-width:12rem}}
p.caveat{border-left:4px solid var(--weak);padding:.3rem .8rem;background:#fffaf0;font-size:.92rem}
`;
