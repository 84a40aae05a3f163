/** The outcome of a kernel lookup: a value, or the reason there is none. */
export type Found<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/** A successful lookup. */
export const found = <T>(value: T): Found<T> => ({ ok: true, value });
/** A failed lookup with its reason. */
export const missing = <T>(reason: string): Found<T> => ({ ok: false, reason });
