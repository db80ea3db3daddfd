import { describe, expect, it } from 'vitest';
import { classOf, listClassType } from '../../../../src/core/analyse/entities/classCues.js';
import { extractEntities } from '../../../../src/core/analyse/entities/index.js';
import type { Mention } from '../../../../src/core/analyse/entities/candidates.js';
import { isMatchSide } from '../../../../src/core/analyse/entities/merge.js';

const typeOf = (sentences: string[], name: string): string | undefined =>
  extractEntities('', sentences, { lang: 'en' }).find((e) => e.name === name || e.aliases?.includes(name))?.type;

function mention(before: string[], after: string[]): Mention {
  return { text: 'X', words: ['X'], sentence: 0, before, after, heading: false, span: [0, 1], weakStart: false };
}

describe('classOf', () => {
  it('maps plural class nouns to the type they name', () => {
    expect(classOf('bands')).toBe('organization');
    expect(classOf('companies')).toBe('organization');
    expect(classOf('singers')).toBe('person');
    expect(classOf('albums')).toBeUndefined();
    // Places are left to the word vectors, which read "towns" and "villages" around a name.
    expect(classOf('villages')).toBeUndefined();
  });
});

describe('listClassType', () => {
  it('reads the class after "and other"', () => {
    expect(listClassType(mention([], [',', 'and', 'several', 'other', 'bands']))).toBe('organization');
    expect(listClassType(mention([], ['and', 'other', 'singers']))).toBe('person');
  });

  it('reads the class before "such as" and "including"', () => {
    expect(listClassType(mention(['labels', 'such', 'as'], []))).toBe('organization');
    expect(listClassType(mention(['such', 'singers', 'as'], []))).toBe('person');
    expect(listClassType(mention(['bands', ',', 'including'], []))).toBe('organization');
  });

  it('gives no type without a class noun', () => {
    expect(listClassType(mention(['the', 'album', 'by'], ['and', 'other', 'songs']))).toBeUndefined();
  });
});

describe('organization typing', () => {
  it('types the names of a list that ends in "and other bands" as organizations', () => {
    const sentences = ['The tour was supported by Glass Orchard, Velvet Koan, and several other bands.'];
    expect(typeOf(sentences, 'Velvet Koan')).toBe('organization');
    expect(typeOf(sentences, 'Glass Orchard')).toBe('organization');
  });

  it('types a long name by what the text says around its acronym', () => {
    const sentences = [
      'Buses are run by the public company OASA (Organismos Astikon Syngoinonion Athinon).',
      'Tickets are sold at every stop.',
    ];
    expect(typeOf(sentences, 'OASA')).toBe('organization');
  });
});

describe('isMatchSide', () => {
  it('sees a town as a side in a match', () => {
    expect(isMatchSide(mention([], ['beat', 'hoffenheim', '3-1']))).toBe(true);
    expect(isMatchSide(mention(['2–1', 'win', 'over'], []))).toBe(true);
    expect(isMatchSide(mention(['they', 'lost', 'to'], []))).toBe(true);
    expect(isMatchSide(mention([], ['won', '2-0', 'at']))).toBe(true);
  });

  it('does not see a match in ordinary uses of a place', () => {
    expect(isMatchSide(mention(['she', 'moved', 'to'], []))).toBe(false);
    expect(isMatchSide(mention(['a', 'protest', 'against'], []))).toBe(false);
    expect(isMatchSide(mention([], ['won', 'the', 'bid']))).toBe(false);
  });
});

describe('city-named clubs', () => {
  it('types a city as a team where the text has it win matches', () => {
    const sentences = ['Dortmund beat Hoffenheim 3-1 on Saturday.', 'A week earlier Leeds lost to Dortmund at home.'];
    expect(typeOf(sentences, 'Dortmund')).toBe('organization');
  });

  it('keeps a city a place where the text only says where things happen', () => {
    const sentences = ['She moved to Dortmund in 1990.', 'Dortmund has a large railway station.'];
    expect(typeOf(sentences, 'Dortmund')).toBe('place');
  });
});

describe('membership cues', () => {
  it('types the band a member plays in', () => {
    expect(typeOf(['He later became the drummer of The Quorvels.'], 'The Quorvels')).toBe('organization');
  });

  it('types the club of a player\'s spell or titles', () => {
    expect(typeOf(['He then had a short spell with Dunmarrow before retiring.'], 'Dunmarrow')).toBe('organization');
  });

  it('does not make a boxer a club because of a contract with him', () => {
    expect(typeOf(['He had a tentative contract with Muhammed Ali in 1976.'], 'Muhammed Ali')).toBe('person');
  });

  it('types a name by the context of its short form too', () => {
    const sentences = ['He played in the top division with Velta Borvik in 1992.', 'He won two league titles with Velta.'];
    expect(typeOf(sentences, 'Velta Borvik')).toBe('organization');
  });
});

describe('name shapes of organizations', () => {
  it('reads the head of a numbered service before its number', () => {
    expect(typeOf(['The song was played on Kestrel Radio 1 all week.'], 'Kestrel Radio 1')).toBe('organization');
  });

  it('types radio stations named with FM', () => {
    expect(typeOf(['She hosted a show on Power98FM for years.'], 'Power98FM')).toBe('organization');
  });

  it('does not read a roman numeral after an acronym as a generational suffix', () => {
    expect(typeOf(['The team plays in NCAA Division II this year.'], 'NCAA Division II')).not.toBe('person');
  });
});

describe('list consistency', () => {
  it('gives a name typed only by its shape the type of the firm names listed around it', () => {
    const sentences = ['The album was produced by Josh Abraham, whose credits include the bands Korvid Records, Velvet Revolver, and Marlow Group.'];
    expect(typeOf(sentences, 'Velvet Revolver')).toBe('organization');
  });

  it('keeps a person listed between organizations when the text types the person', () => {
    const sentences = ['Acme Corporation, the singer Jane Holt, and Borax Group signed the deal.', 'Holt said she was pleased.'];
    expect(typeOf(sentences, 'Jane Holt')).toBe('person');
  });
});

describe('ambiguous organization cues', () => {
  it("does not make a person a team by a result after the possessive (\"Holt's victory\")", () => {
    expect(typeOf(["Holt's victory surprised everyone."], 'Holt')).toBe('person');
  });
});

describe('what happens to groups', () => {
  it('types a name that was formed, disbanded or acquired as an organization', () => {
    expect(typeOf(['Later that year Brindle Vane was disbanded.'], 'Brindle Vane')).toBe('organization');
  });
});
