# R side of bench/multiverse.bench.ts: the same claim-1 specifications in an R loop,
# glm(binomial) + sandwich::vcovCL(cluster = ~ccode, type = "HC1"), on the same panel.csv.
# Prints one JSON line: CPU seconds, and each specification's estimate and SE of the key term.
suppressPackageStartupMessages({ library(sandwich); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
specs <- read.csv(args[2], stringsAsFactors = FALSE)
one <- function(i) {
  s <- specs[i, ]
  ex <- if (is.na(s$exclude) || s$exclude == "") integer(0) else as.integer(strsplit(s$exclude, " ")[[1]])
  x <- d[d$report_year >= s$year_from & !(d$ccode %in% ex), ]
  m <- glm(as.formula(s$formula), data = x, family = binomial)
  v <- vcovCL(m, cluster = ~ccode, type = "HC1")
  c(coef(m)[[s$term]], sqrt(v[s$term, s$term]))
}
st <- system.time(res <- t(sapply(seq_len(nrow(specs)), one)))
cat(toJSON(list(specs = nrow(specs), cpu_seconds = st[["user.self"]] + st[["sys.self"]], wall_seconds = st[["elapsed"]],
                estimate = unname(res[, 1]), se = unname(res[, 2]),
                R = R.version.string, sandwich = as.character(packageVersion("sandwich"))), digits = NA, auto_unbox = TRUE), "\n")
