/**
 * Weights of the typing features (features.ts), by feature name; do not edit by hand.
 * Made by `npm run train -- entities --write` (training/entities.ts): a softmax over the types fitted on the entities of half A
 * (even line numbers) of data/ner/wikigold_docs.jsonl, L2 towards the prior weights (training/entityPrior.ts) chosen by two-fold cross-validation in half A (three splits).
 * Half A: typed F1 0.782, ORG F1 0.720, first six 0.850. Half B (held out): typed F1 0.753, ORG F1 0.600, first six 0.826.
 */
import type { FeatureName } from './features.js';

/** How the weights were made: the command and the data. */
export const PROVENANCE = "npm run train -- entities --write on half A of data/ner/wikigold_docs.jsonl";

/** Each feature's weight: what its firing adds to its type's score. */
export const WEIGHTS: Record<FeatureName, number> = {
  'org.adjectiveState': 3,
  'place.gazetteerRegion': 4.841,
  'place.gazetteerCapital': 3.442,
  'place.gazetteerCity': 2.632,
  'org.knownName': 5.923,
  'org.companyWord': 2.119,
  'other.makerProduct': 2.846,
  'org.companySuffix': 2.95,
  'org.publicBody': 2.962,
  'org.headWord': 2.84,
  'org.firstWordOf': 2.845,
  'other.headWord': 3.131,
  'other.thingAcronym': 3.044,
  'org.acronym': 1.376,
  'other.demonym': 3.938,
  'other.holiday': 4,
  'person.nickname': 4.016,
  'org.placeThenWords': 2.091,
  'other.demonymFirst': 1.908,
  'person.givenName': 3.212,
  'person.ambiguousGivenName': 1.974,
  'person.initials': 2.389,
  'person.title': 3.601,
  'person.verbAfter': 1.119,
  'person.roleBefore': 2.122,
  'person.partyBefore': 2,
  'org.descriptorBefore': 3.085,
  'org.definition': 2.1,
  'org.apposition': 2.005,
  'place.preposition': 1.201,
  'place.commaRegion': 2.077,
  'person.commaRole': 1.575,
  'person.bornMarried': 1.985,
  'org.possession': 1.995,
  'org.possessiveAlone': 2.009,
  'org.follower': 1.948,
  'org.pluralVerb': 1.456,
  'org.roleOf': 2.034,
  'org.spellWith': 1.54,
  'org.signedWith': 2,
  'org.by': 1.491,
  'org.calledDescriptor': 2.539,
  'org.groupEvent': 1.5,
  'org.listClass': 2.017,
  'person.vector': 2.095,
  'org.vector': 1.979,
  'place.vector': 2.193,
  'other.vector': 1.99,
};
