import type { SourceDef } from "./source.js";

/** 3P anti-trafficking policy index (prosecution, protection, prevention 1-5; total 3-15) and tier (2.5 = Watch List), country x year 2000-2013; Serbia cow = 1003 */
export const policyIndex3pSource: SourceDef = {
  id: "policy_index_3p",
  file: "trafficking/policy_index_3p.csv",
  sha256: "8931f83bbf3a8142805c1fd4c256000595fcd49643dcfcc3ace510cec9834c7b",
  bytes: 208663,
  url: "https://raw.githubusercontent.com/andrewheiss/From-the-Trenches-Anti-TIP-NGOs-and-US/a74d421bf3b6b6b93b27d95570b18522613da63c/data/policy_index.csv",
  what: "3P anti-trafficking policy index (prosecution, protection, prevention 1-5; total 3-15) and tier (2.5 = Watch List), country x year 2000-2013; Serbia cow = 1003",
  citation: "Cho, Seo-Young, Axel Dreher and Eric Neumayer. 2014. Determinants of Anti-Trafficking Policies: Evidence from a New Index. Scandinavian Journal of Economics 116(2): 429-454.",
  license: "none stated",
};
