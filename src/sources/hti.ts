import type { SourceDef } from "./source.js";

/** Human Trafficking Indicators: country x TIP-report year 2001-2011 (unbalanced; countries not in a report have no row); tier; source/transit/destination flags overall and by 7 types (p* = forced prostitution: psource, ptransit, pdest, pinternal); 3P items; treaty dates. Values are text labels; byte 0xCA in treaty-date columns (read as latin-1) */
export const htiSource: SourceDef = {
  id: "hti",
  file: "trafficking/HTI.csv",
  sha256: "fcb4dd587536d00c0152fe684fe937cacd9d327b7f688761a290ee8341e4c33b",
  bytes: 798696,
  url: "https://raw.githubusercontent.com/SioKCronin/libertas/c8c0bc11e8651261b02f00561e50ce8bdc33c97d/HumanTraffickingDestinations/HTI.csv",
  what: "Human Trafficking Indicators: country x TIP-report year 2001-2011 (unbalanced; countries not in a report have no row); tier; source/transit/destination flags overall and by 7 types (p* = forced prostitution: psource, ptransit, pdest, pinternal); 3P items; treaty dates. Values are text labels; byte 0xCA in treaty-date columns (read as latin-1)",
  citation: "Frank, Richard W. 2013. Human Trafficking Indicators, 2000-2011: A New Dataset. University of Sydney. SSRN 2314157.",
  license: "All rights reserved (codebook); public research download, re-posted",
};
