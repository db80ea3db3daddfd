/**
 * Weights of the typing features (features.ts), by feature name; do not edit by hand.
 * Made by `npm run train -- entities --write` (training/entities.ts): a softmax over the types fitted on the entities of half A
 * (even line numbers) of data/ner/wikigold_docs.jsonl, L2 towards the starting weights chosen by two-fold cross-validation in half A.
 * Half A: typed F1 0.743, ORG F1 0.688, first six 0.761. Half B (held out): typed F1 0.720, ORG F1 0.567, first six 0.757.
 */
import type { FeatureName } from './features.js';

/** How the weights were made: the command and the data. */
export const PROVENANCE = "npm run train -- entities --write on half A of data/ner/wikigold_docs.jsonl";

/** Each feature's weight: what its firing adds to its type's score. */
export const WEIGHTS: Record<FeatureName, number> = {
  'org.adjectiveState': 3,
  'place.gazetteerRegion': 4.895,
  'place.gazetteerCapital': 3.458,
  'place.gazetteerCity': 2.626,
  'org.knownName': 5.945,
  'org.companyWord': 2.095,
  'other.makerProduct': 2.904,
  'org.companySuffix': 2.964,
  'org.publicBody': 2.974,
  'org.headWord': 2.874,
  'org.firstWordOf': 2.889,
  'place.headWord': 2.751,
  'other.headWord': 3.108,
  'other.thingAcronym': 3.034,
  'org.acronym': 1.389,
  'other.demonym': 3.963,
  'other.holiday': 4,
  'person.loneGivenName': 1.185,
  'place.compassPlace': 4.95,
  'person.nickname': 4.01,
  'org.placeThenWords': 2.08,
  'other.demonymFirst': 1.945,
  'person.givenName': 3.196,
  'person.ambiguousGivenName': 1.893,
  'person.initials': 2.418,
  'person.title': 3.798,
  'person.verbAfter': 1.071,
  'person.roleBefore': 2.098,
  'org.descriptorBefore': 3.054,
  'place.descriptorBefore': 2.167,
  'place.officeOf': 1.621,
  'place.definition': 2.056,
  'org.definition': 2.065,
  'org.apposition': 2.001,
  'place.apposition': 2.018,
  'place.preposition': 1.165,
  'place.commaRegion': 2.029,
  'person.commaRole': 1.559,
  'person.bornMarried': 1.993,
  'org.possession': 1.996,
  'org.follower': 1.962,
  'org.pluralVerb': 1.471,
  'org.roleOf': 2.024,
  'org.spellWith': 1.53,
  'org.signedWith': 2,
  'org.by': 1.495,
  'org.calledDescriptor': 2.52,
  'org.groupEvent': 1.5,
  'org.roleOwner': 1.968,
  'org.listClass': 2.012,
};
