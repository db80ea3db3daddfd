/**
 * Query parameters that only say where a click came from. They never change the page a server sends,
 * so they are dropped from cache keys: the same article shared from a newsletter and from a feed is one entry.
 */
const TRACKING_NAMES = new Set([
  // ad click ids
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id',
  'rb_clickid', 's_kwcid', 'ef_id', 'srsltid', 'epik',
  // mail and marketing tools
  'mc_cid', 'mc_eid', 'mkt_tok', '_hsenc', '_hsmi', 'hsctatracking', 'vero_id', 'vero_conv', 'oly_anon_id',
  'oly_enc_id', 'rdt_cid', 'sc_cid', 'cmpid', 'wt.mc_id', 'wt_mc', 'ncid', 'at_medium', 'at_campaign',
  // social share ids and referrers
  'igshid', 'igsh', 'si', 'ref', 'ref_src', 'ref_url', 'referrer', 'share_id', 'smid', 'soc_src', 'soc_trk',
  '__twitter_impression', '_branch_match_id', '_branch_referrer',
  // analytics cross-domain linkers
  '_ga', '_gl', '_openstat',
]);

/** Families of tracking parameters known by their prefix (utm_source, pk_campaign, mtm_kwd, hsa_cam...). */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_', 'itm_'];

/** True when a query parameter name (already percent-decoded) is a tracking parameter. */
export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_NAMES.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}
