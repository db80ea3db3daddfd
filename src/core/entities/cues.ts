/**
 * Word lists that type names and that generalize across texts: titles and roles, the head words
 * of organization and place names, and the words that mark events, works and other non-entities.
 * Entries are lower case without full stops.
 */

const words = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

/** Titles and ranks written before a person's name ("President Obama", "Mr. Smith"). */
export const TITLES = words(`
  mr mrs ms miss mx dr prof professor sir dame lord lady madam president vice prime minister chancellor
  senator sen rep representative congressman congresswoman governor gov mayor king queen prince princess
  emperor empress pope archbishop bishop cardinal father rev reverend rabbi imam sheikh sultan
  general gen colonel col major captain capt lieutenant lt sergeant sgt admiral commander commodore
  brigadier marshal corporal private judge justice chief chairman chairwoman secretary ambassador
  director coach detective inspector officer agent count countess duke duchess baron baroness earl
  herr frau mme mlle monsieur madame senor señor sra don dona doña attorney spc pfc cpl
`);

/** Forms of address: whatever follows is a person's name, even an ordinary word ("Mr Lane", "Dr. Park"). */
export const HONORIFICS = words(`mr mrs ms miss mx dr sir dame madam herr frau mme mlle monsieur madame senor señor sra`);

/** Role nouns written before a name ("guitarist Kojima Minoru", "spokesperson Jane Doe"). */
export const PERSON_ROLES = words(`
  spokesman spokeswoman spokesperson actor actress singer songwriter guitarist bassist drummer vocalist
  pianist composer producer director author writer novelist poet journalist reporter editor columnist
  artist painter photographer designer architect player striker midfielder defender goalkeeper
  coach manager founder cofounder co-founder member leader chairman ceo president minister secretary
  premier senator governor mayor candidate lawyer attorney judge economist analyst scientist professor
  researcher doctor physician historian philosopher politician diplomat ambassador officer soldier
  general captain colonel wife husband son daughter brother sister father mother uncle aunt nephew niece
  cousin friend boyfriend girlfriend widow grandson granddaughter host presenter anchor rapper dj
  comedian dancer athlete boxer wrestler cyclist swimmer runner driver pilot bishop pastor priest
  chancellor spokesmen chief executive deputy chef entrepreneur investor billionaire businessman
  businesswoman teacher student engineer coroner conductor fireman sheriff constable clerk surgeon nurse
  farmer merchant banker sculptor vet veterinarian lecturer headteacher headmaster headmistress pupil victim
  suspect witness trooper paramedic firefighter consultant campaigner activist blogger model jockey trainer
  golfer cricketer footballer boss owner mum mom dad grandmother grandfather grandma partner fiance fiancee
  star veteran
`);

/** Words after a name and a comma that make it a person ("Wilder, a spokesperson"). */
export const APPOSITIVE_PERSON = PERSON_ROLES;

/** Nouns before a name that make it an organization ("the band Killing Joke", "company Acme"). */
export const ORG_DESCRIPTORS = words(`
  band group company firm corporation team club label party newspaper magazine station broadcaster
  network channel organization organisation agency university college school airline carrier
  manufacturer maker retailer publisher studio charity union association bank insurer startup
  developer brand chain outlet regulator ministry department council committee institute orchestra
  franchise conglomerate subsidiary operator supermarket automaker carmaker
`);

/** Nouns before a name that make it a place ("the city of Lyon", "capital Nairobi"). */
export const PLACE_DESCRIPTORS = words(`
  city town village capital country province state region county district island islands river lake
  mountain suburb neighbourhood neighborhood municipality borough port republic kingdom commune hamlet
  settlement parish cave dock peninsula valley
`);

/** Office holders whose "of" names a place ("the mayor of Labasa", "the governor of Texas"). */
export const PLACE_OFFICES = words(`mayor governor bishop archbishop duke king queen prince emperor sultan
  residents villagers inhabitants people citizens outskirts suburbs centre center heart shore shores coast banks
  mouth plain plateau prairie slopes foothills north south east west northeast northwest southeast southwest
  streets capital`);

/** Last words of organization names. */
export const ORG_HEADS = words(`
  inc incorporated ltd limited llc llp plc corp corporation co company companies group gmbh ag sa spa
  nv bv ab asa oy kk pty fc afc cf sc ac club university college school academy institute institution
  ministry department agency party association society council committee commission foundation bank
  federation league union organization organisation board bureau office authority army navy force forces
  corps division brigade regiment battalion squadron wing fleet command guard church hospital records
  airlines airline airways railway railways network radio television tv studios studio entertainment
  media press news times post journal gazette herald tribune magazine services systems technologies
  technology lab labs laboratory laboratories motors industries holdings partners associates trust fund parliament
  congress senate assembly government court police orchestra band choir ensemble team brothers bros
  airport hotel auditorium theatre theater museum library center centre conservatory seminary cabinet
  administration service network broadcasting communications telecom pharmaceuticals energy airport
  capital ventures bancorp securities insurance exchange collective cooperative coalition alliance
  movement front mission unit railroad base station lines works music films pictures productions
  publishing software electronics stores brewery casino fame zoo aquarium fm
  gmbh kg se ev banco banque universidad université universität universidade università ministerio
  ministère ministerium partido parti partei instituto institut gobierno gouvernement regierung compañía
  société gesellschaft stiftung fundación fondation asociación verein konzern
`);

/** First words of organization names before "of" ("University of ...", "Bank of ..."). */
export const ORG_FIRST = words(`
  university bank ministry department government council church army navy institute college school
  academy board bureau office house society association federation league union order commission
  committee court museum library hospital parliament congress senate assembly party hall
  banco banque universidad université universidade università ministerio ministère instituto institut
  partido parti gobierno fundación fondation museo musée tribunal consejo conseil
`);

/** Last words of place names. */
export const PLACE_HEADS = words(`
  street st road rd avenue ave boulevard blvd lane drive square plaza river lake lakes mountain way dock docks
  brook pier wharf quay reservoir canal bridge castle abbey cathedral pavilion playfield rink gardens cave caves
  field fields heath moor
  mountains mount hills hill island islands isles isle bay sea ocean gulf coast valley canyon desert
  forest park beach peninsula strait straits channel falls creek county province state region district
  territory parish township village town city heights springs harbor harbour oval stadium arena
  land lands plain plains basin glacier volcano reef cape delta pass highway empire
`);

/** Last words of place names that are also common surnames ("Park", "Lane", "Hill"). */
export const SURNAME_HEADS = words(`park lane hill hills field fields brook brooks wood woods heath moor marsh bridge
  bridges castle ford way`);

/** Words before a trailing role that belong to the role ("Scottish First Minister", "Foreign Secretary"). */
export const ROLE_MODIFIERS = words(`first prime deputy vice foreign home general chief attorney managing executive
  assistant associate senior`);

/** First words of place names ("Mount Everest", "Lake Geneva", "Fort Worth", "San Diego"). */
export const PLACE_FIRST = words(`
  mount mt lake river loch rio fort port san santa são sao saint st los las el la cape isle gulf bay kingdom republic
  city province state county
`);

/** Last words of events, works and other names that are not people, organizations or places. */
export const OTHER_HEADS = words(`
  war wars battle cup championship championships award awards prize festival olympics games act treaty
  agreement day show tour album series season revolution crisis summit election elections trophy open
  prix marathon tournament rally concert ep single song film movie novel book opera symphony language
  languages doctrine plan program programme project operation mission expedition campaign accord
  declaration law bill code protocol week month year era age century dynasty
`);

/** First words of events and works ("Battle of ...", "Operation Market Garden"). */
export const OTHER_FIRST = words(`
  battle war operation treaty siege act days
`);

/** Capitalised words that are never names on their own: months, weekdays, pronouns, interjections. */
export const NON_NAMES = words(`
  i january february march april may june july august september october november december
  monday tuesday wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct nov
  dec mon tue wed thu fri sat sun ok okay yes no oh one two three four five six seven eight nine ten eleven
  twelve twenty thirty forty fifty hundred thousand million billion first second third fourth fifth am pm
`);

/** Prepositions after which a bare name is most often a place. */
export const PLACE_PREPOSITIONS = words(`in at from near to into across throughout outside inside via towards toward between`);

/** Lower-case particles inside names ("Charles de Gaulle", "Rio de Janeiro", "Ludwig van Beethoven"). */
export const NAME_PARTICLES = words(`de da di du del della dos das van von der den ter la le bin ibn al y`);

/** Generational suffixes after a person's name. */
export const PERSON_SUFFIXES = words(`jr sr ii iii iv junior senior`);

/** Holidays and festivals: names, but of days, not of entities. */
export const HOLIDAYS = words(`christmas easter thanksgiving halloween ramadan hanukkah diwali eid passover
  pentecost lent advent hogmanay`);

/** Regions and countries within countries that are not in the ISO country lists. */
export const REGIONS = new Set([
  'england', 'scotland', 'wales', 'northern ireland', 'britain', 'great britain', 'middle east', 'near east',
  'far east', 'latin america', 'central america', 'caribbean', 'scandinavia', 'balkans', 'siberia',
  'west bank', 'gaza', 'gaza strip', 'kashmir', 'tibet', 'catalonia', 'bavaria', 'quebec', 'ontario',
  'new england', 'midwest', 'silicon valley', 'sahara', 'sahel', 'arctic', 'antarctic', 'mediterranean',
  'pacific', 'atlantic', 'himalayas', 'alps', 'andes', 'persian gulf', 'crimea', 'donbas',
  'british columbia', 'alberta', 'manitoba', 'saskatchewan', 'nova scotia', 'new brunswick', 'newfoundland',
  'queensland', 'new south wales', 'tasmania', 'western australia', 'south australia', 'northern territory',
  'soviet union', 'ussr', 'yugoslavia', 'czechoslovakia', 'east germany', 'west germany', 'prussia',
  'ottoman empire', 'byzantine empire', 'roman empire', 'pacific northwest', 'southeast asia', 'east asia',
  'central asia', 'south asia', 'west africa', 'east africa', 'north africa', 'sub-saharan africa',
]);

/** Compass words that begin place names ("West Germany", "East Perth", "Northern Ireland"). */
export const COMPASS = words(`north south east west northern southern eastern western central upper lower greater`);

/** Words after an organization's possessive ("Google's chief executive", "Tesco's shares"). */
export const ORG_POSSESSIONS = words(`
  ceo cfo chairman chairwoman shares shareholders stock headquarters subsidiary subsidiaries employees staff
  workforce board stores shops branches factories factory plant plants products brand brands profits profit
  revenue revenues earnings sales customers subscribers members membership executives management
  manifesto
`);

/** Words after a team's, band's or party's name ("Arsenal manager", "Labour MPs", "Liberal parties"). */
export const ORG_FOLLOWERS = words(`
  manager boss striker midfielder defender goalkeeper winger coach captain chairman owner owners fans
  supporters supporter player players team teammate teammates team-mate team-mates rivals shirt shirts squad mp mps mep meps councillor councillors candidate candidates voters frontman frontwoman
  bassist drummer guitarist vocalist keyboardist lineup spokesman spokeswoman spokesperson shareholders
  shares stock party parties records label
`);

/** Members of a band named after its possessive ("Korn's guitarist"). */
export const BAND_MEMBERS = words(`frontman frontwoman guitarist bassist drummer vocalist keyboardist lineup line-up
  members singer`);

/** A team's results after its possessive ("Swansea's 1-1 draw", "Leicester's trip to"). */
export const TEAM_POSSESSIONS = words(`win wins defeat defeats draw victory loss clash trip fixture fixtures match
  season promotion relegation title`);

/** Roles held in a team before "of" ("manager of Rangers", "captain of Leeds United"). */
export const TEAM_ROLES = words(`manager coach captain striker midfielder defender goalkeeper winger chairman
  spokesman spokeswoman spokesperson`);

/** Words before "with" whose object is a club or an employer ("a spell with Rangers", "titles with Steaua"). */
export const SPELLS = words(`spell spells stint stints season seasons career title titles trial loan
  apprenticeship tenure`);

/** Words before "of" whose object is an organization ("member of", "chief executive of"). */
export const ORG_MEMBERSHIP = words(`member members founder cofounder co-founder ceo chairman chairwoman shareholder
  shareholders employee employees subsidiary division owner`);

/** Words before "for" whose object is a team or an organization ("played for Arsenal", "a spokesman for Acme"). */
export const ORG_FOR = words(`played plays playing signed signs scored scores starred appearances debut spokesman
  spokeswoman spokesperson worked works recorded records albums`);

/** Participles before "by" whose agent is most often an organization ("owned by", "managed by"). */
export const ORG_BY = words(`owned managed operated acquired bought purchased sponsored funded distributed published
  licensed`);

/** Verbs whose subject is most often an organization ("Microsoft purchased", "the firm announced"). */
export const ORG_VERBS = words(`
  announced acquired purchased launched unveiled sued employs employed manufactures manufactured produces
  operates operated merged listed shipped
`);

/** Family words after a possessive that make the owner a person ("Smith's wife"). */
export const FAMILY = words(`wife husband son sons daughter daughters mother father brother brothers sister sisters
  widow parents children family girlfriend boyfriend fiancee fiance grandson granddaughter nephew niece`);

/** Acronyms of things rather than organizations (DNA, GDP, CEO, KO). */
export const THING_ACRONYMS = words(`
  dna rna hiv aids gdp gnp ceo cfo coo cto tv pc cd cds dvd dvds ok ko kos tko era mvp rbi ufo gps usb pdf
  html faq diy vip ipo ai iq id pin sms mp mps bc ad am pm ost hq rip lp ep eps suv atm mba phd bsc msc
`);

/** Roles that can follow an organization's or a country's name ("US Treasury Secretary"). */
export const TRAILING_ROLES = words(`
  secretary minister president chairman chairwoman director spokesman spokeswoman spokesperson ceo
  governor senator mayor chief coach chancellor ambassador commissioner mp mps mep meps mla attorney
`);

/** Verbs whose subject right before them is a person ("Pezuela recognized", "Smith wrote"). */
export const PERSON_VERBS = words(`
  said says told recalled recognized recognised believed decided thought wanted wrote died married
  resigned retired remembered explained admitted insisted argued added noted realized realised
  felt hoped feared
`);
