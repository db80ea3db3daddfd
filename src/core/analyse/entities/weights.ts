/**
 * Weights of the typing features (features.ts), by feature name; do not edit by hand.
 * Made by `npm run train -- entities --write` (training/entities.ts): a softmax over the types fitted on the entities of half A
 * (even line numbers) of data/ner/wikigold_docs.jsonl, L2 towards the prior weights (training/entityPrior.ts) chosen by two-fold cross-validation in half A.
 * Half A: typed F1 0.755, ORG F1 0.691, first six 0.834. Half B (held out): typed F1 0.724, ORG F1 0.574, first six 0.801.
 */
import type { FeatureName } from './features.js';

/** How the weights were made: the command and the data. */
export const PROVENANCE = "npm run train -- entities --write on half A of data/ner/wikigold_docs.jsonl";

/** Each feature's weight: what its firing adds to its type's score. */
export const WEIGHTS: Record<FeatureName, number> = {
  'org.adjectiveState': 3,
  'place.gazetteerRegion': 4.857,
  'place.gazetteerCapital': 3.444,
  'place.gazetteerCity': 2.661,
  'org.knownName': 5.923,
  'org.companyWord': 2.131,
  'other.makerProduct': 2.854,
  'org.companySuffix': 2.95,
  'org.publicBody': 2.964,
  'org.headWord': 2.848,
  'org.firstWordOf': 2.845,
  'place.headWord': 2.826,
  'other.headWord': 3.149,
  'other.thingAcronym': 3.048,
  'org.acronym': 1.356,
  'other.demonym': 3.949,
  'other.holiday': 4,
  'person.loneGivenName': 1.231,
  'place.compassPlace': 4.93,
  'person.nickname': 4.017,
  'org.placeThenWords': 2.098,
  'other.demonymFirst': 1.93,
  'person.givenName': 3.344,
  'person.ambiguousGivenName': 1.973,
  'person.initials': 2.386,
  'person.title': 3.601,
  'person.verbAfter': 1.13,
  'person.roleBefore': 2.132,
  'org.descriptorBefore': 3.076,
  'place.descriptorBefore': 2.229,
  'place.officeOf': 1.667,
  'place.definition': 2.078,
  'org.definition': 2.097,
  'org.apposition': 2.002,
  'place.apposition': 2.024,
  'place.preposition': 1.176,
  'place.commaRegion': 2.07,
  'person.commaRole': 1.581,
  'person.bornMarried': 1.984,
  'org.possession': 1.994,
  'org.follower': 1.946,
  'org.pluralVerb': 1.459,
  'org.roleOf': 2.034,
  'org.spellWith': 1.542,
  'org.signedWith': 2,
  'org.by': 1.493,
  'org.calledDescriptor': 2.53,
  'org.groupEvent': 1.5,
  'org.listClass': 2.018,
};
