# R side of bench/fit-logit.bench.ts: glm(binomial) + sandwich::vcovCL(cluster = ~ccode, type = "HC1")
# on the same file and formula, repeated; prints one JSON line with fits per second and the SEs.
suppressPackageStartupMessages({ library(sandwich); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
reps <- as.integer(args[2])
f <- pdest ~ log1p(pko) + polity + lgdppc + lpop + conflict
one <- function() {
  m <- glm(f, data = d, family = binomial)
  sqrt(diag(vcovCL(m, cluster = ~ccode, type = "HC1")))
}
se <- one()
st <- system.time(for (i in seq_len(reps)) one())
cpu <- st[["user.self"]] + st[["sys.self"]]
cat(toJSON(list(reps = reps, cpu_seconds = cpu, wall_seconds = st[["elapsed"]], fits_per_second = reps / cpu,
                fits_per_wall_second = reps / st[["elapsed"]], se = unname(se),
                R = R.version.string, sandwich = as.character(packageVersion("sandwich"))), digits = NA, auto_unbox = TRUE), "\n")
