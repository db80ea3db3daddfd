/**
 * Weights of the typing features (features.ts), by feature name; do not edit by hand.
 * Made by `npm run train -- entities --write` (training/entities.ts): a softmax over the types fitted on the entities of half A
 * (even line numbers) of data/ner/wikigold_docs.jsonl, L2 towards the starting weights chosen by two-fold cross-validation in half A.
 * Half A: typed F1 0.747, ORG F1 0.688, first six 0.761. Half B (held out): typed F1 0.720, ORG F1 0.567, first six 0.757.
 */
import type { FeatureName } from './features.js';

/** How the weights were made: the command and the data. */
export const PROVENANCE = "npm run train -- entities --write on half A of data/ner/wikigold_docs.jsonl";

/** Each feature's weight: what its firing adds to its type's score. */
export const WEIGHTS: Record<FeatureName, number> = {
  'org.adjectiveState': 3,
  'place.gazetteerRegion': 4.876,
  'place.gazetteerCapital': 3.451,
  'place.gazetteerCity': 2.644,
  'org.knownName': 5.934,
  'org.companyWord': 2.113,
  'other.makerProduct': 2.879,
  'org.companySuffix': 2.957,
  'org.publicBody': 2.969,
  'org.headWord': 2.856,
  'org.firstWordOf': 2.867,
  'place.headWord': 2.79,
  'other.headWord': 3.129,
  'other.thingAcronym': 3.041,
  'org.acronym': 1.372,
  'other.demonym': 3.956,
  'other.holiday': 4,
  'person.loneGivenName': 1.209,
  'place.compassPlace': 4.94,
  'person.nickname': 4.012,
  'org.placeThenWords': 2.089,
  'other.demonymFirst': 1.94,
  'person.givenName': 3.272,
  'person.ambiguousGivenName': 1.931,
  'person.initials': 2.402,
  'person.title': 3.699,
  'person.verbAfter': 1.105,
  'person.roleBefore': 2.115,
  'org.descriptorBefore': 3.065,
  'place.descriptorBefore': 2.198,
  'place.officeOf': 1.644,
  'place.definition': 2.067,
  'org.definition': 2.078,
  'org.apposition': 2.001,
  'place.apposition': 2.021,
  'place.preposition': 1.163,
  'place.commaRegion': 2.05,
  'person.commaRole': 1.57,
  'person.bornMarried': 1.991,
  'org.possession': 1.995,
  'org.follower': 1.951,
  'org.pluralVerb': 1.465,
  'org.roleOf': 2.029,
  'org.spellWith': 1.536,
  'org.signedWith': 2,
  'org.by': 1.494,
  'org.calledDescriptor': 2.525,
  'org.groupEvent': 1.5,
  'org.roleOwner': 1.952,
  'org.listClass': 2.015,
};
