import type { SourceDef } from "./source.js";

/** US TIP report tier by country x report year 1999-2015, Watch List separate; labels carry trailing spaces; NA = not in report or Special Case */
export const tipTiersSource: SourceDef = {
  id: "tip_tiers",
  file: "trafficking/tip_tiers_orig.csv",
  sha256: "65909a7bd4053b8947a3b54c9c2d7619d0af708189e4fe5c1ac02ba770a8af75",
  bytes: 121833,
  url: "https://raw.githubusercontent.com/andrewheiss/From-the-Trenches-Anti-TIP-NGOs-and-US/a74d421bf3b6b6b93b27d95570b18522613da63c/data/tip_tiers_orig.csv",
  what: "US TIP report tier by country x report year 1999-2015, Watch List separate; labels carry trailing spaces; NA = not in report or Special Case",
  citation: "Heiss, Andrew and Judith G. Kelley. 2017. From the Trenches: A Global Survey of Anti-TIP NGOs and their Views of US Efforts. Journal of Human Trafficking 3(3); tiers from Kelley, Scorecard Diplomacy (2017).",
  license: "none stated",
};
