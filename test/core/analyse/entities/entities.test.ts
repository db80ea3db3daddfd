import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../../src/core/analyse/entities/index.js';
import type { Entity } from '../../../../src/core/types.js';

const ARTICLE = [
  "Beijing has warned the United States against new tariffs, Germany's finance ministry said on Monday.",
  'However, officials in Washington said talks with the U.S. would continue.',
  'Dennis Wilder, a former China analyst at the Central Intelligence Agency (CIA), said the risk was growing.',
  'Wilder said the CIA had seen this before, and US officials agreed.',
  'Shares of the carmaker Ford rose in New York.',
  'Officials at the Bank of England declined to comment.',
  'Germany wants a deal, Wilder said.',
];

function find(entities: Entity[], name: string): Entity | undefined {
  return entities.find((e) => e.name === name);
}

describe('extractEntities', () => {
  const entities = extractEntities('China warns U.S. over trade', ARTICLE);

  it('merges a surname into the full name and counts every mention', () => {
    const wilder = find(entities, 'Dennis Wilder');
    expect(wilder).toMatchObject({ type: 'person', mentions: 3 });
    expect(wilder?.aliases).toContain('Wilder');
    expect(find(entities, 'Wilder')).toBeUndefined();
  });

  it('merges country variants: "U.S.", "US" and "United States"', () => {
    const us = find(entities, 'United States');
    expect(us?.type).toBe('place');
    expect(us?.aliases).toEqual(expect.arrayContaining(['U.S.', 'US']));
    expect(us?.mentions).toBe(4);
  });

  it('folds a possessive into the name', () => {
    expect(find(entities, 'Germany')).toMatchObject({ type: 'place', mentions: 2 });
    expect(entities.some((e) => e.name.includes("'s"))).toBe(false);
  });

  it('merges an acronym with the expansion the article introduces', () => {
    const cia = find(entities, 'Central Intelligence Agency');
    expect(cia).toMatchObject({ type: 'organization', mentions: 3 });
    expect(cia?.aliases).toContain('CIA');
  });

  it('does not take a sentence-initial common word for a name', () => {
    const names = entities.map((e) => e.name);
    expect(names).not.toContain('However');
    expect(names).not.toContain('Officials');
    expect(names).not.toContain('Shares');
  });

  it('joins names across "of" when it belongs to the name', () => {
    expect(find(entities, 'Bank of England')?.type).toBe('organization');
  });

  it('types a company named after a person as an organization when the article says so', () => {
    expect(find(entities, 'Ford')?.type).toBe('organization');
    const plain = extractEntities('', ['The museum honours Henry Ford, who was born in Michigan.']);
    expect(find(plain, 'Henry Ford')?.type).toBe('person');
  });

  it('types a team named after a city as an organization, and the city as a place', () => {
    const sport = extractEntities('', [
      'The Boston Bruins beat the Montreal Canadiens on Saturday.',
      'Fans in Boston celebrated late into the night.',
    ]);
    expect(find(sport, 'Boston Bruins')?.type).toBe('organization');
    expect(find(sport, 'Boston')?.type).toBe('place');
  });

  it('gives a surname that two people share to the one named last before it', () => {
    const boxing = extractEntities('Duane Bobick', [
      'Duane Bobick is a retired American heavyweight boxer.',
      'Bobick won the Pan American Games in 1971.',
      'His brother Rodney Bobick was also a professional boxer.',
      'Bobick fought Joe Frazier in 1973.',
      'In 1977 Duane Bobick lost to Ken Norton, and Bobick retired soon after.',
    ]);
    expect(find(boxing, 'Bobick')).toBeUndefined();
    expect(boxing[0]?.name).toBe('Duane Bobick');
    // Title, first sentence, "won", the 1977 sentence twice; "fought" follows Rodney's introduction.
    expect(find(boxing, 'Duane Bobick')?.mentions).toBe(5);
    expect(find(boxing, 'Rodney Bobick')?.mentions).toBe(2);
  });

  it('types the nations of the United Kingdom as places, and a town listed with one', () => {
    const uk = extractEntities('', [
      'England has more than 56 million people, while Wales is smaller than Scotland.',
      'The squadron was based at Saffron Walden, England, from 1943.',
    ]);
    for (const name of ['England', 'Wales', 'Scotland', 'Saffron Walden']) expect(find(uk, name)?.type).toBe('place');
  });

  it('types people by title and places after "in"', () => {
    const news = extractEntities('', [
      'President Emmanuel Macron met Chancellor Olaf Scholz in Brussels.',
      'A spokesperson for Mr. Scholz said the talks were useful.',
    ]);
    expect(find(news, 'Emmanuel Macron')?.type).toBe('person');
    expect(find(news, 'Olaf Scholz')).toMatchObject({ type: 'person', mentions: 2 });
    expect(find(news, 'Brussels')?.type).toBe('place');
  });

  it('separates a person from the organization and role written before the name', () => {
    const out = extractEntities('', ['Apple CEO Tim Cook spoke in Cupertino on Tuesday.', 'Cook said Apple would grow.']);
    expect(find(out, 'Tim Cook')).toMatchObject({ type: 'person', mentions: 2 });
    expect(find(out, 'Apple')?.mentions).toBe(2);
  });

  it('ranks the most mentioned and earliest entities first', () => {
    const ranked = extractEntities('', [
      'Acme Corp. opened a plant in Ohio.',
      'Acme Corp. said the plant in Ohio would employ 500 people.',
      'Acme Corp. also thanked John Smith.',
    ]);
    expect(ranked[0]?.name).toBe('Acme Corp.');
    expect(ranked[ranked.length - 1]?.name).toBe('John Smith');
  });

  it('treats a title-case heading with care: only names known elsewhere', () => {
    const out = extractEntities('Why Markets Fell Today', ['Markets fell after Acme Corp. cut its forecast.']);
    expect(out.map((e) => e.name)).toEqual(['Acme Corp.']);
  });

  it('finds capitalised names in other languages without crashing', () => {
    const fr = extractEntities('', [
      'Le président Emmanuel Macron a rencontré Angela Merkel à Berlin.',
      'Macron a parlé de la France et de l’Allemagne.',
    ], { lang: 'fr' });
    expect(find(fr, 'Emmanuel Macron')?.mentions).toBe(2);
    expect(find(fr, 'Berlin')?.type).toBe('place');
    expect(find(fr, 'Allemagne')?.type).toBe('place');
    expect(extractEntities('', [], { lang: 'ja' })).toEqual([]);
  });

  it('does not take every German noun for a name', () => {
    const de = extractEntities('Regierung plant Reform', [
      'Die Bundesregierung in Berlin hat am Montag eine Reform beschlossen.',
      'Bundeskanzlerin Angela Merkel sagte, die Reform sei notwendig.',
      'Auch die Siemens AG und die Deutsche Bank begrüßten den Plan.',
    ], { lang: 'de' });
    expect(de.map((e) => e.name).sort()).toEqual(['Angela Merkel', 'Berlin', 'Deutsche Bank', 'Siemens AG']);
    expect(find(de, 'Siemens AG')?.type).toBe('organization');
  });

  it('types organizations named with "de" in Romance languages', () => {
    const es = extractEntities('', ['Pedro Sánchez se reunió con el Banco de España en Madrid.'], { lang: 'es' });
    expect(find(es, 'Banco de España')?.type).toBe('organization');
    expect(find(es, 'Madrid')?.type).toBe('place');
  });

  it('does not take a head word of a longer name for a name of its own', () => {
    const out = extractEntities('Lakeside City opens a new library', [
      'Lakeside City opened its new library on Monday.',
      'City officials said the building cost $4 million.',
    ]);
    expect(out.map((e) => e.name)).toEqual(['Lakeside City']);
  });

  it('types the name after a form of address as a person, even an ordinary word', () => {
    const out = extractEntities('', [
      'Chris Lane was jogging in Duncan, Oklahoma, when he was shot.',
      'Friends said Mr Lane had planned to return to Melbourne.',
    ]);
    expect(find(out, 'Chris Lane')).toMatchObject({ type: 'person', mentions: 2 });
  });

  it('types a person by an apposition even when the surname is a place word', () => {
    const out = extractEntities('', [
      'The Harbor Conservation Society wants a study of the turbines.',
      'Its director, Helen Park, said the group does not oppose the plan.',
      '"We only want the fish counted," Park said.',
    ]);
    expect(find(out, 'Helen Park')).toMatchObject({ type: 'person', mentions: 2 });
  });

  it('types a product named after its maker as neither a person nor the maker', () => {
    const out = extractEntities('', [
      'Google Stadia and Microsoft xCloud let people play games in a browser.',
      'Shoppers at Aldi and Lidl spent more this year.',
    ]);
    expect(find(out, 'Google Stadia')?.type).toBe('other');
    expect(find(out, 'Microsoft xCloud')?.type).toBe('other');
    expect(find(out, 'Aldi')?.type).toBe('organization');
    const games = extractEntities('', ['Sony PlayStation 5 sales beat the Nintendo Switch, Sony said.']);
    expect(find(games, 'Sony PlayStation 5')?.type).toBe('other');
    expect(find(games, 'Sony')?.type).toBe('organization');
    expect(find(out, 'Lidl')?.type).toBe('organization');
  });

  it('types organizations by what they have and do', () => {
    const out = extractEntities('', [
      'Shares of Brantwell fell 4 per cent after Brantwell\'s chief executive resigned.',
      'Norbury manager Ellis Crane said his players were tired.',
      'The record was released by the rock band, Glasspipes.',
    ]);
    expect(find(out, 'Brantwell')?.type).toBe('organization');
    expect(find(out, 'Norbury')?.type).toBe('organization');
    expect(find(out, 'Ellis Crane')?.type).toBe('person');
    expect(find(out, 'Glasspipes')?.type).toBe('organization');
  });

  it('drops a sentence-initial adjective and a glued caption verb from names the text writes without them', () => {
    const out = extractEntities('', [
      'Tom Briggs was booed at the club dinner on Friday.',
      'Unpopular Tom Briggs said he did not mind.',
      'The club was founded by Mary Hollis Pictured with her family, she laughed.',
      'Hollis ran the club for years.',
    ]);
    expect(find(out, 'Tom Briggs')).toMatchObject({ type: 'person', mentions: 2 });
    expect(out.some((e) => e.name.includes('Unpopular') || e.name.includes('Pictured'))).toBe(false);
  });

  it('keeps a role and its modifier out of the name before it', () => {
    const out = extractEntities('', ['Scottish First Minister Nicola Sturgeon spoke in Edinburgh.']);
    expect(find(out, 'Nicola Sturgeon')?.type).toBe('person');
    expect(out.some((e) => e.name.includes('First'))).toBe(false);
  });

  it('merges a team name without its home town into the full name', () => {
    const out = extractEntities('', [
      'The Boston Red Sox beat the Texas Rangers 5-2 on Sunday.',
      'The Red Sox have won four games in a row.',
    ]);
    expect(find(out, 'Boston Red Sox')).toMatchObject({ type: 'organization', mentions: 2 });
  });

  it('ranks nationalities and lone ordinary words below the named entities', () => {
    const out = extractEntities('', [
      'Chinese officials met Greek ministers in Athens.',
      'The Chinese delegation praised the Greek government.',
      'Chinese investors also visited the Palace.',
      'Wang Dongming of Cosco said the port of Piraeus would grow.',
    ]);
    const names = out.map((e) => e.name);
    expect(names.indexOf('Chinese')).toBeGreaterThan(names.indexOf('Wang Dongming'));
    expect(names.indexOf('Palace')).toBeGreaterThan(names.indexOf('Athens'));
  });

  it('takes a place name for the surname of a person when the text uses it so', () => {
    const out = extractEntities('', [
      'Louis Jordan was rescued after 66 days at sea.',
      '"I prayed every day," Jordan said.',
      'Jordan told reporters he had lived on raw fish.',
    ]);
    expect(find(out, 'Louis Jordan')).toMatchObject({ type: 'person', mentions: 3 });
  });

  it('types a town the text treats as a team as the team', () => {
    const out = extractEntities('', [
      'Leicester City travel to the Hawthorns on Saturday.',
      'Leicester have scored five goals in their last two games.',
      'Leicester fans will hope the run goes on after Leicester\'s 2-0 win last week.',
    ]);
    expect(find(out, 'Leicester City')).toMatchObject({ type: 'organization', mentions: 4 });
  });

  it('types people by initials and products by model numbers', () => {
    const out = extractEntities('', [
      'B.B. King played the blues for seventy years.',
      'The driver of a Mercedes C200 was arrested in Salford.',
    ]);
    expect(find(out, 'B.B. King')?.type).toBe('person');
    expect(find(out, 'Mercedes C200')?.type).toBe('other');
  });

  it('keeps number words and numbers that belong to a name', () => {
    const out = extractEntities('', ['The song was played on BBC Radio 1 after a member of One Nation praised it.']);
    const names = out.map((e) => e.name);
    expect(names).toContain('BBC Radio 1');
    expect(names).toContain('One Nation');
  });

  it('splits names glued by a caption or a dateline', () => {
    const out = extractEntities('', [
      'Ronnie Scott won the first frame at the Crucible Theatre The crowd cheered.',
      'He will now play Leeds Ali Carter in the final.',
      'Sebastian Vettel Vettel was second.',
    ]);
    const names = out.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Crucible Theatre', 'Leeds', 'Ali Carter', 'Sebastian Vettel']));
    expect(find(out, 'Ali Carter')?.type).toBe('person');
  });

  it('types holidays as other and the holder of a role as no person', () => {
    const out = extractEntities('', [
      'Shops closed for Christmas and reopened after Easter.',
      'Shadow Health Secretary Andy Burnham visited a hospital.',
    ]);
    expect(find(out, 'Christmas')?.type).toBe('other');
    expect(find(out, 'Easter')?.type).toBe('other');
    expect(find(out, 'Andy Burnham')?.type).toBe('person');
  });

  it('types a family by its surname and drops caption words after a name', () => {
    const out = extractEntities('', [
      'David Gaver and his wife sang in a band.',
      'The Gavers travelled to Washington D.C. Pictured: the band on stage.',
    ]);
    expect(find(out, 'Gavers')?.type).toBe('person');
    expect(find(out, 'Washington D.C.')?.type).toBe('place');
  });

  it('reads labels in capitals, movements named "State" and a form of address inside a caption', () => {
    const out = extractEntities('', [
      'VERDICT: the cream works. CLAIMS: it blocks UVA rays.',
      'Islamic State fighters seized the town, officials at the TSA said.',
      'The TSA checked bags.',
      'She was stalked by her neighbour Now Ms Jackson has moved.',
      'Emma Jackson thanked the police.',
    ]);
    const names = out.map((e) => e.name);
    expect(names).not.toContain('VERDICT');
    expect(names).not.toContain('CLAIMS');
    expect(find(out, 'Islamic State')?.type).toBe('organization');
    expect(find(out, 'TSA')?.mentions).toBe(2);
    expect(find(out, 'Emma Jackson')?.mentions).toBe(2);
  });

  it('keeps a quoted nickname inside a person\'s name', () => {
    const out = extractEntities('', ['Earvin "Magic" Johnson won five titles with the Lakers.']);
    expect(find(out, 'Earvin "Magic" Johnson')?.type).toBe('person');
  });

  it("keeps the French particle d' inside a person's name", () => {
    const out = extractEntities('', ["Famous detainees include Henri Honoré d'Estienne d'Orves and the painter Jean le Rond d'Alembert."]);
    expect(find(out, "Henri Honoré d'Estienne d'Orves")?.type).toBe('person');
    expect(find(out, "Jean le Rond d'Alembert")?.type).toBe('person');
    expect(find(out, 'Orves')).toBeUndefined();
  });

  it('keeps a quoted nickname after a middle name or an unlisted given name', () => {
    const out = extractEntities('', [
      'In 1930, William Mailes "Cowboy" Cowley joined the Boston Bruins.',
      'Charalambos "Bambos" Xanthos won the event in London.',
    ]);
    expect(find(out, 'William Mailes "Cowboy" Cowley')?.type).toBe('person');
    expect(find(out, 'Charalambos "Bambos" Xanthos')?.type).toBe('person');
  });
});
