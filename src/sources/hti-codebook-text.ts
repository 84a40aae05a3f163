import type { SourceDef } from "./source.js";

/** rough text extraction of the HTI codebook, for searching only; cite the PDF */
export const htiCodebookTextSource: SourceDef = {
  id: "hti_codebook_text",
  file: "trafficking/HTI_Codebook_2013.extracted.txt",
  sha256: "a7d32ba09357a2924cf9eceb18cab4ec114a46f602c159f5823f8cf730d1e402",
  bytes: 54785,
  url: null,
  what: "rough text extraction of the HTI codebook, for searching only; cite the PDF",
  citation: "Frank, Richard W. 2013. Human Trafficking Indicators, 2000-2011: A New Dataset. University of Sydney. SSRN 2314157.",
  license: "All rights reserved",
  derived: "text pulled from the PDF content streams; smart quotes garbled",
};
