# The comparison for bench/bootstrap.bench.ts: a cluster (pairs) bootstrap of a logit,
# written as the usual loop (resample clusters, glm, keep coefficients), timed in R.
# Usage: Rscript scripts/reference/bootstrap_bench.R DATA.csv REPS
# Prints one JSON line: {"reps", "seconds" (elapsed), "cpu_seconds" (user + system), "se"}.
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1]); reps <- as.integer(args[2])
f <- pdest ~ log1p(pko) + polity + lgdppc + lpop + conflict
set.seed(1)
groups <- split(seq_len(nrow(d)), d$ccode)
t0 <- proc.time()
draws <- matrix(NA_real_, reps, 6)
for (r in seq_len(reps)) {
  idx <- unlist(groups[sample.int(length(groups), replace = TRUE)], use.names = FALSE)
  draws[r, ] <- coef(glm(f, data = d[idx, ], family = binomial))
}
dt <- proc.time() - t0
secs <- dt[["elapsed"]]
cpu <- dt[["user.self"]] + dt[["sys.self"]]
cat(jsonlite::toJSON(list(reps = reps, seconds = secs, cpu_seconds = cpu, se = apply(draws, 2, sd)), auto_unbox = TRUE, digits = NA), "\n")
