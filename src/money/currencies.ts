/**
 * ISO 4217 minor units (the exponent: 2 means cents) by lower-case currency code.
 *
 * Built from list one of ISO 4217 (2025). Codes are grouped by exponent because almost all are 2;
 * the short lists are the ones that matter for rounding. Fund and metal codes whose minor unit is
 * "N.A." (XAU, XDR, XTS, XXX...) are left out on purpose: a cart cannot be priced in them.
 */
const ZERO_DECIMAL = [
  "bif",
  "clp",
  "djf",
  "gnf",
  "isk",
  "jpy",
  "kmf",
  "krw",
  "pyg",
  "rwf",
  "ugx",
  "uyi",
  "vnd",
  "vuv",
  "xaf",
  "xof",
  "xpf",
] as const

const THREE_DECIMAL = ["bhd", "iqd", "jod", "kwd", "lyd", "omr", "tnd"] as const

const FOUR_DECIMAL = ["clf", "uyw"] as const

const TWO_DECIMAL = [
  "aed",
  "afn",
  "all",
  "amd",
  "ang",
  "aoa",
  "ars",
  "aud",
  "awg",
  "azn",
  "bam",
  "bbd",
  "bdt",
  "bgn",
  "bmd",
  "bnd",
  "bob",
  "bov",
  "brl",
  "bsd",
  "btn",
  "bwp",
  "byn",
  "bzd",
  "cad",
  "cdf",
  "che",
  "chf",
  "chw",
  "cny",
  "cop",
  "cou",
  "crc",
  "cup",
  "cve",
  "czk",
  "dkk",
  "dop",
  "dzd",
  "egp",
  "ern",
  "etb",
  "eur",
  "fjd",
  "fkp",
  "gbp",
  "gel",
  "ghs",
  "gip",
  "gmd",
  "gtq",
  "gyd",
  "hkd",
  "hnl",
  "htg",
  "huf",
  "idr",
  "ils",
  "inr",
  "irr",
  "jmd",
  "kes",
  "kgs",
  "khr",
  "kpw",
  "kyd",
  "kzt",
  "lak",
  "lbp",
  "lkr",
  "lrd",
  "lsl",
  "mad",
  "mdl",
  "mga",
  "mkd",
  "mmk",
  "mnt",
  "mop",
  "mru",
  "mur",
  "mvr",
  "mwk",
  "mxn",
  "mxv",
  "myr",
  "mzn",
  "nad",
  "ngn",
  "nio",
  "nok",
  "npr",
  "nzd",
  "pab",
  "pen",
  "pgk",
  "php",
  "pkr",
  "pln",
  "qar",
  "ron",
  "rsd",
  "rub",
  "sar",
  "sbd",
  "scr",
  "sdg",
  "sek",
  "sgd",
  "shp",
  "sle",
  "sos",
  "srd",
  "ssp",
  "stn",
  "svc",
  "syp",
  "szl",
  "thb",
  "tjs",
  "tmt",
  "top",
  "try",
  "ttd",
  "twd",
  "tzs",
  "uah",
  "usd",
  "usn",
  "uyu",
  "uzs",
  "ved",
  "ves",
  "wst",
  "xcd",
  "xcg",
  "yer",
  "zar",
  "zmw",
  "zwg",
] as const

/**
 * Withdrawn codes that Medusa's default currency seed still creates (and some carts still carry),
 * with the exponent they had; refusing them would make those carts' totals throw.
 */
const WITHDRAWN = {
  byr: 0,
  cuc: 2,
  eek: 2,
  hrk: 2,
  ltl: 2,
  lvl: 2,
  mro: 2,
  sll: 2,
  std: 2,
  vef: 2,
  zmk: 2,
  zwl: 2,
} as const

/** A currency code the table knows, lower-case. */
export type KnownCurrencyCode =
  | (typeof ZERO_DECIMAL)[number]
  | (typeof TWO_DECIMAL)[number]
  | (typeof THREE_DECIMAL)[number]
  | (typeof FOUR_DECIMAL)[number]
  | keyof typeof WITHDRAWN

/** ISO 4217 minor units by lower-case code, e.g. `usd: 2`, `jpy: 0`, `kwd: 3`, `clf: 4`. */
// Object.fromEntries types its keys as plain strings; the lists are exactly KnownCurrencyCode's members, so
// the one assertion below only names the keys they produce.
export const CURRENCY_MINOR_UNITS: Readonly<Record<KnownCurrencyCode, number>> = Object.freeze({
  ...Object.fromEntries(TWO_DECIMAL.map((code) => [code, 2])),
  ...Object.fromEntries(ZERO_DECIMAL.map((code) => [code, 0])),
  ...Object.fromEntries(THREE_DECIMAL.map((code) => [code, 3])),
  ...Object.fromEntries(FOUR_DECIMAL.map((code) => [code, 4])),
  ...WITHDRAWN,
} as Record<KnownCurrencyCode, number>)

// A Map, not the object, for lookups: "constructor" or "__proto__" must not resolve to Object.prototype.
const MINOR_UNITS: ReadonlyMap<string, number> = new Map(Object.entries(CURRENCY_MINOR_UNITS))

/** The ISO 4217 minor unit of a currency (case-insensitive); throws a RangeError for an unknown code. */
export function minorUnitOf(currencyCode: string): number {
  const unit = MINOR_UNITS.get(currencyCode.toLowerCase())
  if (unit === undefined) {
    throw new RangeError(`Unknown currency code "${currencyCode}": no ISO 4217 minor unit is known for it`)
  }
  return unit
}
