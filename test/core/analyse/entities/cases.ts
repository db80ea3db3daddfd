/**
 * Targeted cases for the entity step, in several languages: short texts written for these tests, passed
 * through digestSource as a user's paste, with names that must come out with a type and words that must not
 * come out at all. The ablation test uses them to show what each feature and cue list holds up.
 */
import { digestSource } from '../../../../src/core/pipeline.js';
import type { Entity, EntityType } from '../../../../src/core/types.js';
import { extractEntities } from '../../../../src/core/analyse/entities/index.js';

export interface EntityCase {
  label: string;
  /** A paste, through digestSource. */
  text?: string;
  /** Or English sentences, straight to the entity step (too short for a paste to be taken as an article). */
  sentences?: string[];
  /** Names that must be listed (as the name or an alias), with their type. */
  expected: Array<[string, EntityType]>;
  /** Names that must be listed with this many mentions. */
  mentions?: Array<[string, number]>;
  /** Names that must not be listed. */
  absent?: string[];
  /** No name may hold Chinese, Japanese, Korean or Thai letters (those texts give real names or none). */
  latinOnly?: boolean;
}

const UNCASED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Thai}]/u;

const en = (
  label: string,
  sentences: string[],
  expected: Array<[string, EntityType]>,
  more: Pick<EntityCase, 'absent' | 'mentions'> = {},
): EntityCase => ({ label, sentences, expected, ...more });

/** English cues, most of them also pinned by test/core/analyse/entities/entities.test.ts and orgTyping.test.ts. */
const ENGLISH: EntityCase[] = [
  en('a role between an organization and a person', ['Apple CEO Tim Cook spoke in Cupertino on Tuesday.', 'Cook said Apple would grow.'],
    [['Tim Cook', 'person'], ['Apple', 'organization']]),
  en('a form of address before an ordinary word', ['Chris Lane was jogging in Duncan, Oklahoma, when he was shot.',
    'Friends said Mr Lane had planned to return to Melbourne.'], [['Chris Lane', 'person']], { mentions: [['Chris Lane', 2]] }),
  en('an apposition with a place word as surname', ['The Harbor Conservation Society wants a study of the turbines.',
    'Its director, Helen Park, said the group does not oppose the plan.', '"We only want the fish counted," Park said.'],
  [['Helen Park', 'person']]),
  en('products named after their makers', ['Google Stadia and Microsoft xCloud let people play games in a browser.',
    'Shoppers at Aldi and Lidl spent more this year.'], [['Google Stadia', 'other'], ['Microsoft xCloud', 'other'], ['Aldi', 'organization'], ['Lidl', 'organization']]),
  en('a numbered product', ['Sony PlayStation 5 sales beat the Nintendo Switch, Sony said.'], [['Sony PlayStation 5', 'other'], ['Sony', 'organization']]),
  en('what organizations have and do', ['Shares of Brantwell fell 4 per cent after Brantwell\'s chief executive resigned.',
    'Norbury manager Ellis Crane said his players were tired.', 'The record was released by the rock band, Glasspipes.'],
  [['Brantwell', 'organization'], ['Norbury', 'organization'], ['Ellis Crane', 'person'], ['Glasspipes', 'organization']]),
  en('a role modifier', ['Scottish First Minister Nicola Sturgeon spoke in Edinburgh.'], [['Nicola Sturgeon', 'person']],
    { absent: ['Scottish First', 'First'] }),
  en('a party member\'s affiliation before the name', ['Democrat Hillary Clinton met Tory Ruth Davidson and Liberal Democrat Willie Rennie in Edinburgh.'],
    [['Hillary Clinton', 'person'], ['Ruth Davidson', 'person'], ['Willie Rennie', 'person']],
    { absent: ['Democrat Hillary Clinton', 'Tory Ruth Davidson', 'Liberal Democrat Willie Rennie'] }),
  en('a team without its home town', ['The Boston Red Sox beat the Texas Rangers 5-2 on Sunday.', 'The Red Sox have won four games in a row.'],
    [['Boston Red Sox', 'organization']]),
  en('a place name as a surname', ['Louis Jordan was rescued after 66 days at sea.', '"I prayed every day," Jordan said.',
    'Jordan told reporters he had lived on raw fish.'], [['Louis Jordan', 'person']], { mentions: [['Louis Jordan', 3]] }),
  en('a town used as a team', ['Leicester City travel to the Hawthorns on Saturday.', 'Leicester have scored five goals in their last two games.',
    'Leicester fans will hope the run goes on after Leicester\'s 2-0 win last week.'], [['Leicester City', 'organization']]),
  en('initials and model numbers', ['B.B. King played the blues for seventy years.', 'The driver of a Mercedes C200 was arrested in Salford.'],
    [['B.B. King', 'person'], ['Mercedes C200', 'other']]),
  en('numbers in names', ['The song was played on BBC Radio 1 after a member of One Nation praised it.'],
    [['BBC Radio 1', 'organization'], ['One Nation', 'other']]),
  en('holidays and a trailing role', ['Shops closed for Christmas and reopened after Easter.', 'Shadow Health Secretary Andy Burnham visited a hospital.'],
    [['Christmas', 'other'], ['Easter', 'other'], ['Andy Burnham', 'person']]),
  en('a holiday the word vectors take for a place', ['Shops close early on Good Friday and Boxing Day.', 'On Hogmanay the city fills up.'],
    [['Hogmanay', 'other']]),
  en('a name defined as a band', ['Glasspipes is a rock band from Leeds.', 'Glasspipes toured in May.'], [['Glasspipes', 'organization']]),
  // What only the word vectors know: no list holds these names and no cue around them says their type.
  en('a band, a pianist, a castle and a faith known by their word vectors', ['Slipknot toured Europe with Korn in 2004.',
    'Liberace played the piano in Las Vegas.', 'Hogwarts is near Hogsmeade.', 'He converted to Buddhism after visiting Kyoto.'],
  [['Korn', 'organization'], ['Liberace', 'person'], ['Hogwarts', 'place'], ['Buddhism', 'other']]),
  en('a family by its surname', ['David Gaver and his wife sang in a band.', 'The Gavers travelled to Washington D.C. Pictured: the band on stage.'],
    [['Gavers', 'person'], ['Washington D.C.', 'place']]),
  en('capitals, a movement, a form of address in a caption', ['VERDICT: the cream works. CLAIMS: it blocks UVA rays.',
    'Islamic State fighters seized the town, officials at the TSA said.', 'The TSA checked bags.',
    'She was stalked by her neighbour Now Ms Jackson has moved.', 'Emma Jackson thanked the police.'],
  [['Islamic State', 'organization'], ['Emma Jackson', 'person']], { absent: ['VERDICT', 'CLAIMS'], mentions: [['Emma Jackson', 2], ['TSA', 2]] }),
  en('organization head words: confederation, conference, transport', ['The Brazilian Cycling Confederation fined the rider.',
    'Riders from the Southwest Conference met the Westbrook Transport staff in Lima.'],
  [['Brazilian Cycling Confederation', 'organization'], ['Southwest Conference', 'organization'], ['Westbrook Transport', 'organization']]),
  en('a quoted nickname', ['Earvin "Magic" Johnson won five titles with the Lakers.'], [['Earvin "Magic" Johnson', 'person']]),
  en('a list that ends in "and other bands"', ['The tour was supported by Glass Orchard, Velvet Koan, and several other bands.'],
    [['Velvet Koan', 'organization'], ['Glass Orchard', 'organization']]),
  en('an acronym typed by its context', ['Buses are run by the public company OASA (Organismos Astikon Syngoinonion Athinon).',
    'Tickets are sold at every stop.'], [['OASA', 'organization']]),
  en('a town on the far side of a result', ['Fans cheered a 2-1 win over Dortmund on Saturday.'], [['Dortmund', 'organization']]),
  en('a city that wins matches', ['Dortmund beat Hoffenheim 3-1 on Saturday.', 'A week earlier Leeds lost to Dortmund at home.'],
    [['Dortmund', 'organization']]),
  en('a place no list holds, used as a team', ['Chelsea beat Arsenal 2-0 at Stamford Bridge.', 'Jose Mourinho said Chelsea deserved the win.'],
    [['Chelsea', 'organization']]),
  en('a band a member plays in', ['He later became the drummer of The Quorvels.'], [['The Quorvels', 'organization']]),
  en('a club of a spell', ['He then had a short spell with Dunmarrow before retiring.'], [['Dunmarrow', 'organization']]),
  en('a contract with a boxer', ['He had a tentative contract with Muhammed Ali in 1976.'], [['Muhammed Ali', 'person']]),
  en('a short form\'s context', ['He played in the top division with Velta Borvik in 1992.', 'He won two league titles with Velta.'],
    [['Velta Borvik', 'organization']]),
  en('a numbered service', ['The song was played on Kestrel Radio 1 all week.'], [['Kestrel Radio 1', 'organization']]),
  en('an FM station', ['She hosted a show on Power98FM for years.'], [['Power98FM', 'organization']]),
  en('firm names listed around a shape-typed name', ['The album was produced by Josh Abraham, whose credits include the bands Korvid Records, Velvet Revolver, and Marlow Group.'],
    [['Velvet Revolver', 'organization']]),
  en('a person listed between organizations', ['Acme Corporation, the singer Jane Holt, and Borax Group signed the deal.', 'Holt said she was pleased.'],
    [['Jane Holt', 'person']]),
  en('a person\'s victory', ['Holt\'s victory surprised everyone.'], [['Holt', 'person']]),
  en('a sentence glued to a name', ['Ronnie Scott won the first frame at the Crucible Theatre The crowd cheered.'],
    [['Crucible Theatre', 'organization'], ['Ronnie Scott', 'person']]),
  en('a group that was disbanded', ['Later that year Brindle Vane was disbanded.'], [['Brindle Vane', 'organization']]),
  en('a word that is also a given name, before ordinary words', ['The band toured with Velvet Revolver in 2005.',
    'The crew watched Star Trek in the mess.', 'Later Lauren Hill played Judd Trump.'],
  [['Velvet Revolver', 'organization'], ['Star Trek', 'other'], ['Lauren Hill', 'person'], ['Judd Trump', 'person']]),
  en('a given name that is also an event word opens no event', ['Bill Clinton met Tony Blair in London.',
    'The Summer Games opened in Atlanta.'], [['Bill Clinton', 'person'], ['Summer Games', 'other']]),
  en('a party label comes off a politician whose given name is not in the list', ['Republican Mitt Romney spoke in Ohio.',
    'The Republican National Committee met in Tampa.'], [['Mitt Romney', 'person'], ['Republican National Committee', 'organization']],
  { absent: ['Republican Mitt Romney'] }),
  en('the department after a title\'s "of" is no part of the name', ['Secretary of State Henry Kissinger flew to Cairo.',
    'Director of Public Prosecutions Alison Saunders said no charges would follow.', 'He was Bishop of the Diocese of Sioux City.'],
  [['Henry Kissinger', 'person'], ['Alison Saunders', 'person'], ['Diocese of Sioux City', 'organization']],
  { absent: ['State Henry Kissinger', 'Public Prosecutions Alison Saunders', 'Sioux City'] }),
  en('a possessive with nothing owned names a shop', ['The mall opened in 1979 with Brantley\'s and Colter\'s as anchors.',
    'In 1992 Brantley\'s became Hollin\'s, which closed in 2006.'], [['Brantley', 'organization'], ['Hollin', 'organization']]),
  en('a person the word vectors type keeps the type beside a listed organization', ['The prize was shared by Mukhlis Amer or Korvid Records.'],
    [['Mukhlis Amer', 'person'], ['Korvid Records', 'organization']]),
];

export const CASES: EntityCase[] = [
  ...ENGLISH,
  {
    label: 'company suffixes and public bodies are organizations',
    text:
      'Northwind Energy said on Tuesday that it would build a new wind farm off the coast. The company\'s chief executive, ' +
      'Maria Lopez, said the project would create 400 jobs. Atlas Bank will finance the project, and Greenline Rail will ' +
      'carry the turbines from the port. Harbor Authority officials said they welcomed the plan. Northwind Energy has been ' +
      'growing quickly. Atlas Bank said the loan was its largest this year. Greenline Rail expects to hire drivers. The ' +
      'Harbor Authority will vote next week, Lopez said.',
    expected: [['Northwind Energy', 'organization'], ['Atlas Bank', 'organization'], ['Greenline Rail', 'organization'],
      ['Harbor Authority', 'organization'], ['Maria Lopez', 'person']],
  },
  {
    label: 'two organizations joined by "and" stay two',
    text:
      'Shares of iRay Technology and North China Research Institute of Electro-Optics rose on Friday after the two signed ' +
      'a supply deal. Analysts said the agreement would help both firms expand in Europe.',
    expected: [['iRay Technology', 'organization'], ['North China Research Institute of Electro-Optics', 'organization']],
  },
  {
    label: 'German: capitalised common nouns are no entities; "von der" stays inside the name',
    text:
      'Der Verein hat am Montag einen neuen Trainer vorgestellt. Der Bau des neuen Stadions in München soll im Frühjahr ' +
      'beginnen, sagte Bürgermeister Dieter Reiter. Die Stadt und der Verein teilen sich die Kosten. Die Mitglieder des ' +
      'Vereins stimmten dem Vertrag am Abend zu. Nach Angaben von Ursula von der Leyen wird die Kommission das Projekt ' +
      'prüfen. Reiter sagte, der Bau sei gut für die Stadt und ihre Bürger.',
    expected: [['Dieter Reiter', 'person'], ['Ursula von der Leyen', 'person']],
    absent: ['Verein', 'Bau', 'Stadt', 'Trainer', 'Mitglieder', 'Kommission'],
  },
  {
    label: 'French: the mayor "Cédric Van Styvendael" is a person, named whole',
    text:
      'Le maire de Villeurbanne, Cédric Van Styvendael, a présenté lundi un nouveau plan pour les transports. Selon Cédric ' +
      'Van Styvendael, la ville veut réduire la circulation automobile. Le projet sera financé en partie par la région. Les ' +
      'habitants pourront donner leur avis jusqu\'en mars. Van Styvendael a rencontré les commerçants du centre-ville.',
    expected: [['Cédric Van Styvendael', 'person'], ['Villeurbanne', 'place']],
    absent: ['Le', 'Selon', 'Les'],
  },
  {
    label: 'Spanish: a person and a city, no sentence openers',
    text:
      'El alcalde de Sevilla, José Luis Sanz, anunció el martes un nuevo plan de vivienda. Según José Luis Sanz, el ' +
      'ayuntamiento construirá mil pisos en los próximos años. La oposición criticó el plan en el pleno. Los vecinos del ' +
      'barrio podrán presentar sus propuestas hasta el verano. Sanz dijo que la vivienda es la prioridad de la ciudad.',
    expected: [['José Luis Sanz', 'person'], ['Sevilla', 'place']],
    absent: ['El', 'Según', 'La', 'Los'],
  },
  {
    label: 'Italian: "Leonardo da Vinci" whole, the mayor a person',
    text:
      'Il sindaco di Firenze, Sara Funaro, ha presentato ieri il nuovo piano per il traffico. Secondo Sara Funaro, la ' +
      'città vuole ridurre le auto nel centro storico. Il progetto sarà discusso in consiglio la prossima settimana. I ' +
      'commercianti hanno chiesto più parcheggi. Leonardo da Vinci resta il simbolo della città, ha detto Funaro.',
    expected: [['Sara Funaro', 'person'], ['Leonardo da Vinci', 'person']],
    absent: ['Il', 'Secondo', 'Vinci'],
  },
  {
    label: 'Portuguese: the mayor a person, no sentence openers',
    text:
      'O presidente da câmara de Lisboa, Carlos Moedas, apresentou ontem um novo plano para a habitação. Segundo Carlos ' +
      'Moedas, a cidade vai construir mais casas nos próximos anos. A oposição criticou o plano na reunião. Os moradores ' +
      'poderão enviar propostas até ao verão. Moedas disse que a habitação é a prioridade.',
    expected: [['Carlos Moedas', 'person']],
    absent: ['O', 'Segundo', 'Os'],
  },
  {
    label: 'Dutch: a mayor after her city is a person; "van der" stays inside the name',
    text:
      'De burgemeester van Amsterdam, Femke Halsema, heeft maandag een nieuw plan voor de binnenstad gepresenteerd. ' +
      'Volgens Femke Halsema moet het aantal toeristen omlaag. Het plan wordt volgende week in de gemeenteraad besproken. ' +
      'Ook Frans van der Berg, wethouder van verkeer, steunt het plan. De bewoners kunnen tot de zomer reageren, zei Halsema.',
    expected: [['Femke Halsema', 'person'], ['Amsterdam', 'place'], ['Frans van der Berg', 'person']],
    absent: ['Volgens', 'Het', 'Berg'],
  },
  {
    label: 'Chinese: Latin brand names glued to the text come out alone, no fragments',
    text: '北京时间周一，华为公司在深圳发布了新款Mate60手机。华为创始人任正非表示，公司将继续加大研发投入。分析人士认为，这款手机将与Apple的iPhone竞争。上海和北京的门店将于下周开始销售。',
    expected: [['Apple', 'other']],
    latinOnly: true,
  },
  {
    label: 'Japanese: real names or none',
    text: 'トヨタ自動車は月曜日、東京で新しい電気自動車を発表した。社長の佐藤恒治氏は、来年から欧州でも販売すると述べた。アナリストは、Teslaとの競争が激しくなると見ている。新車は名古屋の工場で生産される。',
    expected: [['Tesla', 'organization']],
    latinOnly: true,
  },
  {
    label: 'Korean: real names or none',
    text: '삼성전자는 월요일 서울에서 새로운 스마트폰을 공개했다. 회사 측은 Galaxy 시리즈의 판매가 늘어날 것으로 기대한다고 밝혔다. 분석가들은 Apple과의 경쟁이 치열해질 것이라고 전망했다. 새 제품은 다음 주부터 판매된다.',
    expected: [['Apple', 'other']],
    latinOnly: true,
  },
  {
    label: 'Thai: real names or none',
    text: 'บริษัท ปตท. ประกาศเมื่อวันจันทร์ว่าจะลงทุนในโครงการพลังงานแสงอาทิตย์แห่งใหม่ที่จังหวัดระยอง นักวิเคราะห์คาดว่าโครงการนี้จะช่วยลดต้นทุนพลังงานของประเทศไทย โครงการจะเริ่มก่อสร้างในปีหน้า',
    expected: [],
    latinOnly: true,
  },
];

/** Whether a digest's entities satisfy one case; the failure's description, or undefined. */
async function check(c: EntityCase): Promise<string | undefined> {
  const entities: Entity[] = c.sentences
    ? extractEntities('', c.sentences, { lang: 'en' })
    : (await digestSource({ text: c.text ?? '' }, { fetchPage: () => Promise.reject(new Error('no network in tests')) })).digest.entities;
  const listed = entities.flatMap((e) => [e.name, ...(e.aliases ?? [])].map((n) => [n, e.type] as const));
  for (const [name, type] of c.expected) {
    if (!listed.some(([n, t]) => n === name && t === type)) return `${c.label}: no ${type} "${name}" in ${JSON.stringify(listed)}`;
  }
  for (const [name, n] of c.mentions ?? []) {
    const e = entities.find((x) => x.name === name);
    if (e?.mentions !== n) return `${c.label}: "${name}" has ${e?.mentions ?? 0} mentions, not ${n}`;
  }
  for (const word of c.absent ?? []) {
    if (listed.some(([n]) => n === word)) return `${c.label}: "${word}" listed`;
  }
  if (c.latinOnly && listed.some(([n]) => UNCASED.test(n))) return `${c.label}: a fragment in ${JSON.stringify(listed)}`;
  return undefined;
}

/** The cases that fail with the entity step as it stands (features and lists as currently set). */
export async function failingCases(): Promise<string[]> {
  const out: string[] = [];
  for (const c of CASES) {
    const failure = await check(c);
    if (failure) out.push(failure);
  }
  return out;
}
