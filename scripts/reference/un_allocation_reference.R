# Independent reference for the panel's UN peacekeeping rules (multiHost = located):
# allocation of mission-month personnel to host states, host-year personnel means (un_total),
# distinct contributors (un_tcc) and deployment duration (un_duration_years).
#
# Written from the raw files in DATA_DIR/pko and DATA_DIR/states and the documented rules
# (see the project's brief of the R check; summarised below), NOT from the TypeScript in
# src/panel/steps/. Base R + jsonlite only. Run from the package root:
#   Rscript scripts/reference/un_allocation_reference.R [DATA_DIR]
# Writes test/fixtures/reference/un_allocation.json, read by
# test/panel/un-allocation-reference.test.ts.
#
# RULES AS IMPLEMENTED
# A. Allocation, per IPI mission-month (pko/ipi_data_mission.csv; NA personnel = 0; mission
#    labels as written in the file, no relabelling):
#    - UNMIK: all in Serbia (345) before 2008, Kosovo (347) from 2008 (by calendar year).
#    - else the nearest Geo-PKO map (pko/geopko_raw.csv, same mission acronym) whose (year, month)
#      is within 24 months (|difference| <= 24; ties -> the earlier map; rows of the same mission
#      and month pooled across map revisions): troops in proportion to the summed known
#      no.troops of the location countries ('', NA, 'unknown' = unknown = not counted); if no
#      location has troops > 0, in proportion to the number of locations. Police in proportion to
#      the locations with unpol.dummy = 1 (if none: all locations); observers likewise unmo.dummy.
#    - else UNDOF -> 652, UNMEE -> 531, UNISFA -> 625 (the crosswalk lists more than one host for
#      each); other missions equally among the crosswalk hosts (pko/unpko_country_crosswalk.csv,
#      rows with an empty iso3c are "not listed"); a mission the crosswalk does not list goes to
#      the IPI HQ country of that row.
#    - Location / host names and ISO-3 codes -> COW codes with the explicit tables below (checked
#      against states/countrycode_codelist.csv where it has a code). Ethiopia/Eritrea = 1/2 each.
#      North Macedonia 343; Montenegro 345 before 2006, 341 from 2006; South Sudan 625 before 2011,
#      626 from 2011; Kosovo 345 before 2008, 347 from 2008 (all by the mission-month's year).
#    - A code that is not a COW state in the mission-month (states/cow_states_v2016.csv; a state
#      counts for a month if its membership covers any day of that month) is UNPLACED, and so is
#      Western Sahara. This check applies to every path except UNMIK (whose rule is explicit).
# B. un_total(host, year) = sum over the year's covered months (months present in the IPI file)
#    of the host's shares, divided by the number of covered months.
# C. un_tcc: per host-month with missions present (share of Total > 0): one mission -> its IPI
#    "Number of Contributors"; several -> distinct contributor ISO-3 with "Total Total" > 0 in
#    pko/ipi_tcc_gender_2009-11_2014-02.csv if every present mission has rows there that month;
#    else union of RADPKO cc_present over the present missions' bases in that host-year if every
#    present mission has RADPKO rows in that host-year (floored at the largest present mission's
#    count: cc_present names only the contributors identified at bases, so its union can fall
#    below one mission's own count); else the largest present mission's count.
#    un_tcc = max over the year's months (0 in a host-year without personnel).
# D. Duration: observer mission = Troops = 0 and Police = 0 in more than half of its months with
#    Total > 0; its months with Total < 500 are excluded. Qualifying host-month: share > 0 of a
#    non-excluded mission-month. A deployment survives up to 24 consecutive covered months
#    without qualifying personnel (2016-11 is not a covered month); 25 or more end it. A
#    deployment with qualifying personnel in 1990-11 starts at the earliest start_date
#    (pko/un_dppadposs_missions.csv) over the mission lines of the missions QUALIFYING in that
#    host in 1990-11. un_duration_years = year - start year of the deployment containing the
#    year's last qualifying month; 0 with personnel but no qualifying month; NA without personnel.
#
# READINGS CHOSEN WHERE THE DOCUMENTED RULE IS AMBIGUOUS (reported with the results):
#  (1) "not a COW state that month" uses cow_states_v2016 entry dates: East Timor 860 from
#      2002-09 (COW 2002-09-27; the brief's example says 2002-05, the independence date), Macedonia
#      343 from 1993-04, South Sudan 626 from 2011-07, Montenegro 341 from 2006-06, Kosovo 347 from
#      2008-02 (UNMIK itself follows its explicit calendar-year rule).
#  (2) The crosswalk lists MINURSO under MAR (Morocco); the documented rule names "MINURSO's
#      Western Sahara" as unplaced, so MINURSO's crosswalk host is read as Western Sahara.
#  (3) The 1990-11 start uses the lines of the missions qualifying there (an excluded observer
#      mission does not push the start back).
#  (4) RADPKO lists UNISFA's bases under country "Abyei"; read as Sudan (625), where the allocation
#      puts all of UNISFA (Geo-PKO codes its locations Sudan). This decides Sudan 2015-2017
#      (UNAMID + UNISFA outside the IPI contributor file): RADPKO union, not the largest mission.
#  (5) The 90th percentile is R's default quantile (type 7, linear interpolation) over the
#      host-years 2001-2011 with un_total > 0 among COW states (all host-years with placed
#      personnel).
args <- commandArgs(trailingOnly = TRUE)
DATA_DIR <- if (length(args) > 0) args[1] else "../shared/data"
OUT <- "test/fixtures/reference/un_allocation.json"
pko <- function(f) file.path(DATA_DIR, "pko", f)

## ---- code tables ---------------------------------------------------------------------------
ISO_COW <- c(HRV = 344, BIH = 346, MKD = 343, SRB = 345, SOM = 520, UGA = 500, RWA = 517, SLE = 451,
             LBR = 450, TLS = 860, GEO = 372, IRQ = 645, LBN = 660, CIV = 437, TJK = 702, IND = 750,
             PAK = 770, SDN = 625, SSD = 626, HTI = 41, ERI = 531, ETH = 530, KWT = 690, IRN = 630,
             KHM = 811, AFG = 700, CYP = 352, ISR = 666, EGY = 651, SYR = 652, AGO = 540, TCD = 483,
             SLV = 92, MOZ = 541, CRI = 94, GTM = 90, HND = 91, NIC = 93, COD = 490, BDI = 516,
             MLI = 432, CAF = 482, MAR = 600, JOR = 663, NPL = 790, COL = 100, ITA = 325, GRC = 350,
             IDN = 850, DOM = 42, YAR = 678, ESH = NA)
GEO_COW <- c("Syria" = 652, "Cyprus" = 352, "Lebanon" = 660, "Iraq" = 645, "Kuwait" = 690,
             "Angola" = 540, "Croatia" = 344, "Bosnia and Herzegovina" = 346, "North Macedonia" = 343,
             "Western Sahara" = NA, "Algeria" = 615, "Mauritania" = 435, "Uganda" = 500,
             "Liberia" = 450, "Somalia" = 520, "Rwanda" = 517, "Pakistan" = 770, "India" = 750,
             "Georgia" = 372, "Guatemala" = 90, "Tajikistan" = 702, "Afghanistan" = 700, "Haiti" = 41,
             "Egypt" = 651, "Israel" = 666, "Central African Republic" = 482, "Sierra Leone" = 451,
             "Burundi" = 516, "Zimbabwe" = 552, "DRC" = 490, "Zambia" = 551, "Namibia" = 565,
             "Ethiopia" = 530, "Eritrea" = 531, "Ivory Coast" = 437, "Timor-Leste" = 860,
             "Sudan" = 625, "Kenya" = 501, "Chad" = 483, "Mali" = 432, "Mozambique" = 541)
RADPKO_COW <- c("Sierra Leone" = 451, "Democratic Republic of Congo" = 490, "Burundi" = 516,
                "Liberia" = 450, "Cote d'Ivoire" = 437, "Sudan" = 625, "Chad" = 483, "Abyei" = 625,
                "South Sudan" = 626, "Mali" = 432, "Central African Republic" = 482)
LINES <- list(c("UNAVEM", "UNAVEM I", "UNAVEM II", "UNAVEM III", "MONUA"), c("UNAMIC", "UNTAC"),
              c("UNOSOM", "UNOSOM I", "UNOSOM II"),
              c("UNPROFOR", "UNCRO", "UNPREDEP", "UNPF", "UNFOR", "IPTF", "UNMIBH", "UNTAES", "UNPSG", "UNMOP"),
              c("UNOMUR", "UNAMIR"), c("UNMIH", "UNSMIH", "UNTMIH", "MIPONUH", "MICAH"),
              c("MINUSTAH", "MINUJUSTH"), c("MINURCA", "BONUCA"), c("UNOMSIL", "UNAMSIL", "UNIOSIL"),
              c("MONUC", "MONUSCO"), c("UNAMET", "UNTAET", "UNMISET", "UNOTIL", "UNMIT"),
              c("MINUCI", "UNOCI", "ONUCI"), c("ONUB", "BINUB", "BNUB"), c("UNMIS", "UNMISS"))

## check the tables against the countrycode codelist where it has both codes
cl <- read.csv(file.path(DATA_DIR, "states/countrycode_codelist.csv"), stringsAsFactors = FALSE, na.strings = c("", "NA"))
chk <- ISO_COW[!is.na(ISO_COW) & names(ISO_COW) %in% cl$iso3c]
cl_cow <- cl$cown[match(names(chk), cl$iso3c)]
bad <- !is.na(cl_cow) & cl_cow != chk
if (any(bad)) stop("ISO table differs from codelist: ", paste(names(chk)[bad], collapse = ","))

## ---- COW state-months ---------------------------------------------------------------------
st <- read.csv(file.path(DATA_DIR, "states/cow_states_v2016.csv"), stringsAsFactors = FALSE)
st$from <- st$styear * 12 + st$stmonth - 1
st$to <- ifelse(st$endyear >= 2016, 9999 * 12, st$endyear * 12 + st$endmonth - 1)  # v2016 ends = still a state
is_state <- function(cc, mi) {
  vapply(seq_along(cc), function(i) !is.na(cc[i]) && any(st$ccode == cc[i] & st$from <= mi[i] & st$to >= mi[i]), logical(1))
}
yr_code <- function(name, year) {
  switch(name, "Montenegro" = if (year < 2006) 345 else 341, "South Sudan" = if (year < 2011) 625 else 626,
         "Kosovo" = if (year < 2008) 345 else 347, NA)
}

## ---- IPI mission-months -------------------------------------------------------------------
ipi <- read.csv(pko("ipi_data_mission.csv"), check.names = FALSE, stringsAsFactors = FALSE)
ipi <- data.frame(mission = ipi$Mission, year = as.integer(substr(ipi$Date, 1, 4)), month = as.integer(substr(ipi$Date, 6, 7)),
                  hq = ipi[["Country of Mission ISO-3"]], ncontrib = ipi[["Number of Contributors"]],
                  troops = ifelse(is.na(ipi$Troops), 0, ipi$Troops), police = ifelse(is.na(ipi$Police), 0, ipi$Police),
                  observers = ifelse(is.na(ipi$Observers), 0, ipi$Observers), total = ipi$Total, stringsAsFactors = FALSE)
ipi$mi <- ipi$year * 12 + ipi$month - 1
stopifnot(all(ipi$troops + ipi$police + ipi$observers == ipi$total))
covered <- sort(unique(ipi$mi))

## ---- Geo-PKO maps -------------------------------------------------------------------------
g <- read.csv(pko("geopko_raw.csv"), check.names = FALSE, stringsAsFactors = FALSE, colClasses = "character")
g <- data.frame(mission = g$mission, mi = as.integer(g$year) * 12 + as.integer(g$month) - 1, country = g$country,
                troops = suppressWarnings(as.numeric(g[["no.troops"]])), pol = g[["unpol.dummy"]] == "1",
                obs = g[["unmo.dummy"]] == "1", stringsAsFactors = FALSE)
stopifnot(all(g$country %in% c(names(GEO_COW), "Ethiopia/Eritrea", "Montenegro", "South Sudan", "Kosovo")))
maps <- split(g, paste(g$mission, g$mi))
map_months <- tapply(g$mi, g$mission, function(x) sort(unique(x)))

## ---- crosswalk ----------------------------------------------------------------------------
cw <- read.csv(pko("unpko_country_crosswalk.csv"), stringsAsFactors = FALSE, na.strings = c("", "NA"))
cw <- cw[!is.na(cw$iso3c), ]
cw$iso3c[cw$mission_acronym == "MINURSO" & cw$iso3c == "MAR"] <- "ESH"  # reading (2)
cw_hosts <- split(cw$iso3c, cw$mission_acronym)
stopifnot(all(unlist(cw_hosts) %in% c(names(ISO_COW), "KSV")), all(ipi$hq %in% names(ISO_COW)))

## weights: data.frame(code, wt, wp, wo), each weight column summing to 1; code NA = unplaced
alloc_one <- function(mission, mi, hq) {
  year <- mi %/% 12
  if (mission == "UNMIK") return(data.frame(code = if (year < 2008) 345 else 347, wt = 1, wp = 1, wo = 1, path = "unmik"))
  mm <- map_months[[mission]]
  if (!is.null(mm)) {
    d <- abs(mm - mi)
    if (min(d) <= 24) {
      best <- mm[d == min(d)][1]  # sorted ascending: ties -> earlier map
      m <- maps[[paste(mission, best)]]
      n <- nrow(m)
      # expand locations into (location, code, fraction)
      loc <- do.call(rbind, lapply(seq_len(n), function(i) {
        cn <- m$country[i]
        if (cn == "Ethiopia/Eritrea") return(data.frame(i = i, code = c(530, 531), f = 0.5))
        code <- if (cn %in% names(GEO_COW)) GEO_COW[[cn]] else yr_code(cn, year)
        data.frame(i = i, code = code, f = 1)
      }))
      tk <- ifelse(is.na(m$troops), 0, m$troops)
      tw <- if (any(tk > 0)) tk else rep(1, n)
      pw <- if (any(m$pol)) as.numeric(m$pol) else rep(1, n)
      ow <- if (any(m$obs)) as.numeric(m$obs) else rep(1, n)
      loc$wt <- tw[loc$i] * loc$f / sum(tw)
      loc$wp <- pw[loc$i] * loc$f / sum(pw)
      loc$wo <- ow[loc$i] * loc$f / sum(ow)
      loc$code[!is_state(loc$code, rep(mi, nrow(loc)))] <- NA
      key <- ifelse(is.na(loc$code), -1, loc$code)
      out <- aggregate(loc[, c("wt", "wp", "wo")], list(code = key), sum)
      out$code[out$code == -1] <- NA
      out$path <- "geo"
      return(out)
    }
  }
  hosts <- cw_hosts[[mission]]
  special <- c(UNDOF = 652, UNMEE = 531, UNISFA = 625)
  if (!is.null(hosts) && length(hosts) > 1 && mission %in% names(special)) {
    codes <- special[[mission]]
    path <- "special"
  } else if (!is.null(hosts)) {
    codes <- unname(ISO_COW[hosts])
    path <- "crosswalk"
  } else {
    codes <- unname(ISO_COW[hq])
    path <- "hq"
  }
  w <- rep(1 / length(codes), length(codes))
  codes[!is_state(codes, rep(mi, length(codes)))] <- NA
  key <- ifelse(is.na(codes), -1, codes)
  out <- aggregate(data.frame(wt = w, wp = w, wo = w), list(code = key), sum)
  out$code[out$code == -1] <- NA
  out$path <- path
  out
}

shares <- do.call(rbind, lapply(seq_len(nrow(ipi)), function(r) {
  a <- alloc_one(ipi$mission[r], ipi$mi[r], ipi$hq[r])
  data.frame(row = r, mission = ipi$mission[r], mi = ipi$mi[r], code = a$code, path = a$path,
             troops = ipi$troops[r] * a$wt, police = ipi$police[r] * a$wp, observers = ipi$observers[r] * a$wo,
             stringsAsFactors = FALSE)
}))
shares$total <- shares$troops + shares$police + shares$observers

## ---- (1) conservation -----------------------------------------------------------------------
cons_months <- covered[covered >= 1991 * 12 & covered <= 2016 * 12 + 11]
mission_sum <- tapply(ipi$total, ipi$mi, sum)
placed <- tapply(shares$total[!is.na(shares$code)], shares$mi[!is.na(shares$code)], sum)
unplaced <- tapply(shares$total[is.na(shares$code)], shares$mi[is.na(shares$code)], sum)
g0 <- function(t, k) { v <- t[as.character(k)]; ifelse(is.na(v), 0, v) }
conservation <- data.frame(monthIndex = cons_months,
                           month = sprintf("%d-%02d", cons_months %/% 12, cons_months %% 12 + 1),
                           missions = g0(mission_sum, cons_months), placed = g0(placed, cons_months),
                           unplaced = g0(unplaced, cons_months))
stopifnot(max(abs(conservation$placed + conservation$unplaced - conservation$missions)) < 1e-6)

## ---- (B) host-year un_total --------------------------------------------------------------------
pl <- shares[!is.na(shares$code), ]
pl$year <- pl$mi %/% 12
ncov <- table(covered %/% 12)
hy <- aggregate(total ~ code + year, pl, sum)
hy$un_total <- hy$total / as.numeric(ncov[as.character(hy$year)])

## ---- (C) distinct contributors --------------------------------------------------------------
tcc <- read.csv(pko("ipi_tcc_gender_2009-11_2014-02.csv"), check.names = FALSE, stringsAsFactors = FALSE)
tcc$mi <- as.integer(substr(tcc$Date, 1, 4)) * 12 + as.integer(substr(tcc$Date, 6, 7)) - 1
tcc_key <- unique(paste(tcc$Mission, tcc$mi))
tccp <- tcc[tcc[["Total Total"]] > 0, ]
rad <- read.csv(pko("radpko_bases_cc_y.csv"), stringsAsFactors = FALSE)[, c("mission", "country", "year", "cc_present")]
stopifnot(all(rad$country %in% names(RADPKO_COW)))
rad$code <- RADPKO_COW[rad$country]
rad_key <- unique(paste(rad$mission, rad$code, rad$year))
present <- pl[pl$total > 0, ]
present$ncontrib <- ipi$ncontrib[present$row]
hm <- split(present, paste(present$code, present$mi))
tcc_month <- do.call(rbind, lapply(hm, function(d) {
  code <- d$code[1]; mi <- d$mi[1]; year <- mi %/% 12
  ms <- unique(d$mission)
  if (length(ms) == 1) { v <- d$ncontrib[1]; src <- "single" }
  else if (all(paste(ms, mi) %in% tcc_key)) {
    v <- length(unique(tccp[["Contributor ISO-3"]][tccp$mi == mi & tccp$Mission %in% ms])); src <- "ipi_tcc"
  } else if (all(paste(ms, code, year) %in% rad_key)) {
    cc <- unlist(strsplit(rad$cc_present[rad$mission %in% ms & rad$code == code & rad$year == year], "|", fixed = TRUE))
    v <- max(length(setdiff(unique(cc), c("0", ""))), max(d$ncontrib)); src <- "radpko"
  } else { v <- max(d$ncontrib); src <- "largest" }
  data.frame(code = code, mi = mi, year = year, tcc = v, src = src, nmissions = length(ms),
             largest = max(d$ncontrib), stringsAsFactors = FALSE)
}))
tcc_year <- aggregate(tcc ~ code + year, tcc_month, max)

## ---- (D) duration ------------------------------------------------------------------------------
pos <- ipi[ipi$total > 0, ]
obs_share <- tapply(pos$troops == 0 & pos$police == 0, pos$mission, mean)
observer_missions <- names(obs_share)[obs_share > 0.5]
ipi$excluded <- ipi$mission %in% observer_missions & ipi$total < 500
qual <- present[!ipi$excluded[present$row], ]
dp <- read.csv(pko("un_dppadposs_missions.csv"), stringsAsFactors = FALSE)
dp_start <- setNames(as.Date(dp$start_date, optional = TRUE), dp$mission_acronym)
line_of <- function(m) { for (l in LINES) if (m %in% l) return(l); m }
first_mi <- min(covered)
deploy <- list()  # per host: data.frame(mi, startYear) for each covered month in a deployment
for (code in sort(unique(present$code))) {
  qm <- sort(unique(qual$mi[qual$code == code]))
  if (length(qm) == 0) next
  start <- NA; gap <- Inf; rows <- NULL
  for (k in covered) {
    if (k %in% qm) {
      if (gap > 24) {
        start <- k %/% 12
        if (k == first_mi) {
          ms <- unique(qual$mission[qual$code == code & qual$mi == k])
          s <- dp_start[unique(unlist(lapply(ms, line_of)))]
          start <- as.integer(format(min(s, na.rm = TRUE), "%Y"))
        }
      }
      gap <- 0
      rows <- rbind(rows, data.frame(mi = k, start = start))
    } else gap <- gap + 1
  }
  deploy[[as.character(code)]] <- rows
}
duration <- function(code, year) {
  if (!any(pl$code == code & pl$mi %/% 12 == year & pl$total > 0)) return(NA)
  d <- deploy[[as.character(code)]]
  if (is.null(d) || !any(d$mi %/% 12 == year)) return(0)
  last <- max(d$mi[d$mi %/% 12 == year])
  year - d$start[d$mi == last]
}
hy$un_tcc <- tcc_year$tcc[match(paste(hy$code, hy$year), paste(tcc_year$code, tcc_year$year))]
hy$un_tcc[is.na(hy$un_tcc)] <- 0
hy$un_duration_years <- mapply(duration, hy$code, hy$year)
hy <- hy[order(hy$code, hy$year), ]

## ---- (3) p90 ------------------------------------------------------------------------------------
sel <- hy[hy$year >= 2001 & hy$year <= 2011 & hy$un_total > 0, ]
p90 <- unname(quantile(sel$un_duration_years, 0.9, type = 7))

## ---- fixed host-years ------------------------------------------------------------------------
FIXED <- rbind(data.frame(code = 343, year = 1994:1999), data.frame(code = 346, year = c(1995, 2000)),
               data.frame(code = 344, year = 1995), data.frame(code = 345, year = c(1999, 2005)),
               data.frame(code = 347, year = 2009), data.frame(code = c(660, 652, 666), year = 2007),
               data.frame(code = c(651, 750, 770, 352), year = 2005),
               data.frame(code = rep(c(531, 530), each = 3), year = rep(c(2002, 2005, 2007), 2)),
               data.frame(code = 625, year = c(2007, 2010)), data.frame(code = 626, year = 2012),
               data.frame(code = c(483, 482), year = 2009), data.frame(code = 490, year = c(2009, 2011)),
               data.frame(code = 41, year = c(2000, 2004, 2008)), data.frame(code = 451, year = c(2001, 2005)),
               data.frame(code = 450, year = 2005), data.frame(code = 437, year = 2006),
               data.frame(code = 860, year = 2003), data.frame(code = 600, year = c(1992, 2005)),
               data.frame(code = 615, year = 2005), data.frame(code = 435, year = 2005))
fixed <- do.call(rbind, lapply(seq_len(nrow(FIXED)), function(i) {
  h <- hy[hy$code == FIXED$code[i] & hy$year == FIXED$year[i], ]
  if (nrow(h) == 0) return(data.frame(ccode = FIXED$code[i], year = FIXED$year[i], un_total = 0, un_tcc = 0, un_duration_years = NA))
  data.frame(ccode = h$code, year = h$year, un_total = h$un_total, un_tcc = h$un_tcc, un_duration_years = h$un_duration_years)
}))
# Western Sahara: unplaced personnel of MINURSO per year (mean over covered months)
ws <- shares[shares$mission == "MINURSO", ]
ws$year <- ws$mi %/% 12
ws$unplaced <- ifelse(is.na(ws$code), ws$total, 0)
ws_y <- aggregate(ws[, c("total", "unplaced")], list(year = ws$year), sum)
ws_y$total <- ws_y$total / as.numeric(ncov[as.character(ws_y$year)])
ws_y$unplaced <- ws_y$unplaced / as.numeric(ncov[as.character(ws_y$year)])

print(fixed, row.names = FALSE)
cat("p90 =", p90, " over", nrow(sel), "host-years\n")
tm <- tcc_month[tcc_month$nmissions > 1, ]
cat("multi-mission host-months by source:\n"); print(table(tm$src))
cat("of which distinct count < largest single mission's count:\n"); print(table(tm$src[tm$tcc < tm$largest]))
cat("observer missions:", observer_missions, "\n")

out <- list(
  source = sprintf("scripts/reference/un_allocation_reference.R (base R + jsonlite, from the raw files); %s, jsonlite %s",
                   R.version.string, packageVersion("jsonlite")),
  readings = c("COW state-months from states/cow_states_v2016.csv (East Timor 860 from 2002-09)",
               "MINURSO crosswalk host MAR read as Western Sahara (unplaced)",
               "1990-11 start: lines of the qualifying missions only",
               "RADPKO country Abyei (UNISFA) read as Sudan 625",
               "p90: R quantile type 7 over host-years 2001-2011 with un_total > 0"),
  observerMissions = observer_missions,
  conservation = conservation,
  hostYears = fixed,
  westernSahara = ws_y[, c("year", "total", "unplaced")],
  p90 = list(value = p90, n = nrow(sel), years = c(2001, 2011)),
  all = data.frame(ccode = hy$code, year = hy$year, un_total = hy$un_total, un_tcc = hy$un_tcc,
                   un_duration_years = hy$un_duration_years),
  tccMonths = tcc_month[tcc_month$nmissions > 1, c("code", "mi", "tcc", "src", "nmissions", "largest")]
)
writeLines(jsonlite::toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null"), OUT)
cat("wrote", OUT, "\n")
