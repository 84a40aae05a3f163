/**
 * Registration of the extra estimators (firth, relogit, clogit, feols). Owned by the
 * engineer writing them: import each kernel module here and call registerKernel.
 * src/stats/index.ts imports this file once.
 */
export {};
