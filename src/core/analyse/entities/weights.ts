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
  'place.gazetteerRegion': 4.916,
  'place.gazetteerCapital': 3.464,
  'place.gazetteerCity': 2.606,
  'org.knownName': 5.956,
  'org.companyWord': 2.076,
  'other.makerProduct': 2.93,
  'org.companySuffix': 2.971,
  'org.publicBody': 2.979,
  'org.headWord': 2.897,
  'org.firstWordOf': 2.911,
  'place.headWord': 2.709,
  'other.headWord': 3.087,
  'other.thingAcronym': 3.027,
  'org.acronym': 1.408,
  'other.demonym': 3.97,
  'other.holiday': 4,
  'person.loneGivenName': 1.159,
  'place.compassPlace': 4.96,
  'person.nickname': 4.008,
  'org.placeThenWords': 2.07,
  'other.demonymFirst': 1.951,
  'person.givenName': 3.106,
  'person.ambiguousGivenName': 1.85,
  'person.initials': 2.434,
  'person.title': 3.898,
  'person.verbAfter': 1.036,
  'person.roleBefore': 2.08,
  'org.descriptorBefore': 3.043,
  'place.descriptorBefore': 2.135,
  'place.officeOf': 1.597,
  'place.definition': 2.045,
  'org.definition': 2.052,
  'org.apposition': 2.001,
  'place.apposition': 2.015,
  'place.preposition': 1.145,
  'place.commaRegion': 2.025,
  'person.commaRole': 1.548,
  'person.bornMarried': 1.995,
  'org.possession': 1.997,
  'org.follower': 1.973,
  'org.pluralVerb': 1.477,
  'org.roleOf': 2.019,
  'org.spellWith': 1.524,
  'org.signedWith': 2,
  'org.by': 1.496,
  'org.calledDescriptor': 2.516,
  'org.groupEvent': 1.5,
  'org.roleOwner': 1.984,
  'org.listClass': 2.009,
};
