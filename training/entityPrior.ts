/**
 * The entity typing features' prior weights: what each cue was believed to be worth before the fit, and what the
 * fit's L2 penalty pulls towards, so that a cue the data rarely shows (a holiday, a maker's product, a town
 * written as a team) keeps its value. Set by hand when each cue was written and then frozen here: the fit never
 * writes this file, so running it again gives the same weights. A new feature enters with the weight at which a
 * lone cue types a name (2).
 */
import type { FeatureName } from '../src/core/analyse/entities/features.js';

export const PRIOR: Readonly<Record<FeatureName, number>> = {
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
  'other.headWord': 3.129,
  'other.thingAcronym': 3.041,
  'org.acronym': 1.372,
  'other.demonym': 3.956,
  'other.holiday': 4,
  'person.nickname': 4.012,
  'org.placeThenWords': 2.089,
  'other.demonymFirst': 1.94,
  'person.givenName': 3.272,
  'person.ambiguousGivenName': 1.931,
  'person.initials': 2.402,
  'person.title': 3.699,
  'person.verbAfter': 1.105,
  'person.roleBefore': 2.115,
  'person.partyBefore': 2,
  'org.descriptorBefore': 3.065,
  'org.definition': 2.078,
  'org.apposition': 2.001,
  'place.preposition': 1.163,
  'place.commaRegion': 2.05,
  'person.commaRole': 1.57,
  'person.bornMarried': 1.991,
  'org.possession': 1.995,
  'org.possessiveAlone': 2,
  'org.follower': 1.951,
  'org.pluralVerb': 1.465,
  'org.roleOf': 2.029,
  'org.spellWith': 1.536,
  'org.signedWith': 2,
  'org.by': 1.494,
  'org.calledDescriptor': 2.525,
  'org.groupEvent': 1.5,
  'org.listClass': 2.015,
  'person.vector': 2,
  'org.vector': 2,
  'place.vector': 2,
  'other.vector': 2,
};
