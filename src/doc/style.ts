/** The stylesheet of the report and the cases page (inlined, so each page is one self-contained file), with narrow-screen and print rules. */
export const DOC_CSS = `
:root{--ink:#1f2933;--muted:#52606d;--rule:#cbd2d9;--ok:#2f855a;--weak:#b7791f;--no:#c53030;--bg:#fff}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:16px/1.55 "DejaVu Sans",system-ui,-apple-system,"Segoe UI",sans-serif}
main{max-width:62rem;margin:0 auto;padding:2rem 1.5rem 4rem}
h1{font-size:1.7rem;line-height:1.25;margin:0 0 .5rem}
h2{font-size:1.3rem;margin:2.5rem 0 .75rem;padding-bottom:.25rem;border-bottom:1px solid var(--rule)}
h3{font-size:1rem;margin:0 0 .4rem}
.question{font-style:italic;color:var(--muted);margin:0 0 1rem}
nav{font-size:.9rem;color:var(--muted)}
nav a{color:#2b6cb0;text-decoration:none}
.headline{font-size:1.05rem}
.findings{display:grid;grid-template-columns:repeat(auto-fit,minmax(22rem,1fr));gap:1rem}
.finding{border:1px solid var(--rule);border-left:6px solid var(--muted);border-radius:4px;padding:.8rem 1rem}
.finding p{margin:.3rem 0;font-size:.93rem}
.finding p.evidence{font-size:.8rem;color:var(--muted)}
.finding p.multiverse{font-size:.85rem;font-weight:600}.finding p.multiverse a{color:inherit}
figure.curve svg{max-width:100%;height:auto}
.finding.ok{border-left-color:var(--ok)}.finding.weak{border-left-color:var(--weak)}.finding.no{border-left-color:var(--no)}
.badge{display:inline-block;font-weight:bold;font-size:.85rem;padding:.1rem .5rem;border-radius:3px;color:#fff;background:var(--muted)}
.ok .badge{background:var(--ok)}.weak .badge{background:var(--weak)}.no .badge{background:var(--no)}
ul.models li{font-size:.9rem}
code{font-family:"DejaVu Sans Mono",monospace;font-size:.85em}
table.regtable{border-collapse:collapse;margin:1rem 0;font-size:.88rem;font-variant-numeric:tabular-nums}
table.regtable caption{text-align:left;font-weight:bold;padding-bottom:.4rem}
table.regtable thead tr:first-child th{border-top:2px solid var(--ink)}
table.regtable thead tr:last-child th{border-bottom:1px solid var(--ink)}
table.regtable th,table.regtable td{padding:.15rem .7rem;text-align:center;white-space:nowrap}
table.regtable tbody th{text-align:left;font-weight:normal}
table.regtable tr.se td{color:var(--muted);padding-bottom:.35rem}
table.regtable tr.stat.first th,table.regtable tr.stat.first td{border-top:1px solid var(--ink)}
table.regtable tbody tr:last-child th,table.regtable tbody tr:last-child td{border-bottom:2px solid var(--ink)}
table.regtable tfoot td{text-align:left;white-space:normal;font-size:.8rem;color:var(--muted);padding-top:.5rem}
.tablewrap{overflow-x:auto}
figure{margin:1.5rem 0 2rem}
figure svg{max-width:100%;height:auto}
figcaption{font-size:.9rem;color:var(--muted);max-width:48rem}
table.provenance{border-collapse:collapse;font-size:.8rem;width:100%}
table.provenance th,table.provenance td{border-bottom:1px solid var(--rule);padding:.3rem .4rem;text-align:left;vertical-align:top}
code.hash{word-break:break-all;font-size:.75rem}
table.provenance td:first-child code{word-break:break-all}
.fig-narrow{display:none}
@media (max-width:700px){
main{padding:1rem .7rem 3rem}
h1{font-size:1.4rem}
.findings{grid-template-columns:1fr}
.fig-wide{display:none}.fig-narrow{display:block}
table.provenance{table-layout:fixed}
table.provenance th:nth-child(2),table.provenance td:nth-child(2){width:30%}
}
@media print{
body{font-size:11pt}
main{max-width:none;padding:0}
nav{display:none}
.fig-wide{display:block}.fig-narrow{display:none}
section{break-before:page}
section#findings{break-before:auto}
figure,table,.finding,.tablewrap{break-inside:avoid}
h2,h3{break-after:avoid}
.tablewrap{overflow:visible}
a{color:inherit;text-decoration:none}
}
ul.options{font-size:.88rem}
`;
