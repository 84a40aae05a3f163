/** One published source file the project reads: where it comes from and how to cite it. */
export interface SourceDef {
  /** Stable id, e.g. `hti`. */
  readonly id: string;
  /** Path relative to the data directory, e.g. `trafficking/HTI.csv`. */
  readonly file: string;
  /** Expected SHA-256 of the file's bytes (lowercase hex). */
  readonly sha256: string;
  /** Size in bytes. */
  readonly bytes: number;
  /** Download URL, or null for files derived from another (converted with values unchanged). */
  readonly url: string | null;
  /** What the file holds, in one line. */
  readonly what: string;
  /** How to cite it. */
  readonly citation: string;
  /** Licence as stated by the origin. */
  readonly license: string;
  /** For derived files: how it was made from its parent. */
  readonly derived?: string;
}
