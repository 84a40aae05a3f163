/**
 * Registration of the extra estimators (firth, relogit, clogit, feols). Owned by the
 * engineer writing them: import each kernel module here and call registerKernel.
 * src/stats/index.ts imports this file once.
 *
 * Note for the variance code (src/stats/vcov/cluster.ts): with KernelFit.nEffective set
 * (clogit), clusterSums is called with the number of clusters in use as its size, but the
 * ids still run to nLevels - 1, so the scores of higher ids are lost (clogit CR1 by the
 * group variable is then ~10% too small). Summing over c.nLevels and keeping the in-use
 * count only for G/(G-1) matches R (test/stats/extra/extra-models.test.ts checks it).
 */
import { registerKernel } from "../kernel.js";
import { clogitKernel } from "./clogit.js";
import { feolsKernel } from "./feols.js";
import { firthKernel } from "./firth.js";
import { relogitKernel } from "./relogit.js";
import "../vcov/bootstrap.js";

registerKernel(firthKernel);
registerKernel(relogitKernel);
registerKernel(clogitKernel);
registerKernel(feolsKernel);
