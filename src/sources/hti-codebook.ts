import type { SourceDef } from "./source.js";

/** HTI codebook v2013.1 (original file name 'HTI Codebook 2013.pdf') */
export const htiCodebookSource: SourceDef = {
  id: "hti_codebook",
  file: "trafficking/HTI_Codebook_2013.pdf",
  sha256: "e4a46ef6b8d806a587ededcb7d227c4cc303ff55a57608c4325b088f90e70320",
  bytes: 282957,
  url: "https://raw.githubusercontent.com/SioKCronin/libertas/21ea3dc024cf2be8df0f2bedf48405bdb085ff94/HumanTraffickingDestinations/HTI%20Codebook%202013.pdf",
  what: "HTI codebook v2013.1 (original file name 'HTI Codebook 2013.pdf')",
  citation: "Frank, Richard W. 2013. Human Trafficking Indicators, 2000-2011: A New Dataset. University of Sydney. SSRN 2314157.",
  license: "All rights reserved",
};
