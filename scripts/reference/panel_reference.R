# Reference values for the country-year panel from an independent readr/dplyr build
# (bench/panel_build.R, default options, 1990-2019): for each shared column, the number of
# non-missing values, their sum, and a few single cells. Written to
# test/fixtures/reference/panel_build.json; test/panel/reference.test.ts compares the
# TypeScript build with it. Run from the package root:
#   Rscript scripts/reference/panel_reference.R [DATA_DIR]
a <- commandArgs(trailingOnly = TRUE)
DATA_DIR <- if (length(a) > 0) a[1] else "../shared/data"
source("bench/panel_build.R")
p <- build()
cols <- c("un_troops", "un_police", "un_observers", "un_total", "un_peak", "un_months", "un_tcc", "un_tcc_double_count",
          "un_missions", "nonun_total", "nonun_nato", "nonun_eu", "nonun_regional", "nonun_single_state", "un_female_share",
          "pdest", "destination", "tip_tier", "tip_watch_list", "p3_total", "p3_prosecution", "p3_protection",
          "p3_prevention", "us_troops", "gdppc", "pop", "polity2", "v2x_polyarchy", "euds", "civil_conflict", "civil_war",
          "civil_conflict_intensity")
summ <- lapply(cols, function(c) list(nonMissing = sum(!is.na(p[[c]])), sum = sum(as.numeric(p[[c]]), na.rm = TRUE)))
names(summ) <- cols
cell <- function(cc, y, c) { v <- p[[c]][p$ccode == cc & p$year == y]; if (is.na(v)) NULL else v }
cells <- list(
  list(ccode = 451, year = 2001, column = "un_total", value = cell(451, 2001, "un_total")),
  list(ccode = 41, year = 2004, column = "un_troops", value = cell(41, 2004, "un_troops")),
  list(ccode = 345, year = 1999, column = "un_police", value = cell(345, 1999, "un_police")),
  list(ccode = 346, year = 2001, column = "nonun_nato", value = cell(346, 2001, "nonun_nato")),
  list(ccode = 41, year = 2012, column = "un_female_share", value = cell(41, 2012, "un_female_share"))
)
out <- list(
  source = sprintf("bench/panel_build.R (readr/dplyr build of the default panel, 1990-2019) via scripts/reference/panel_reference.R; %s, dplyr %s, readr %s, tidyr %s",
                   R.version.string, packageVersion("dplyr"), packageVersion("readr"), packageVersion("tidyr")),
  rows = nrow(p), columns = summ, cells = cells)
writeLines(jsonlite::toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "test/fixtures/reference/panel_build.json")
