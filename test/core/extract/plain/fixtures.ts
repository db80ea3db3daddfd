/** Pastes written for the text cleaner's tests: page furniture around articles of several kinds. */

export const MENU = [
  'Skip to content',
  'Subscribe',
  'Sign In',
  'Home',
  'World',
  'U.S.',
  'Politics',
  'Business',
  'Tech',
  'Science',
  'Health',
  'Sports',
  'Arts',
  'Travel',
  'Opinion',
  'Search',
].join('\n');

export const FOOTER = [
  'Share this article',
  'Facebook',
  'Twitter',
  'Email',
  'Print',
  '6 Min Read',
  'Sign up for our newsletter',
  'Get the best stories delivered to your inbox every morning.',
  'Your email address',
  'Subscribe',
  'We use cookies to improve your experience on our site. By continuing to browse you agree to our use of cookies.',
  'Accept',
  'About Us',
  'Contact',
  'Careers',
  'Advertise',
  'Privacy Policy',
  'Terms of Use',
  'Cookie Settings',
  '© 2024 The Daily Ledger. All rights reserved.',
].join('\n');

export const NEWS_TITLE = 'City Council Approves New Plan to Expand Bicycle Lanes Downtown';

export const NEWS_PARAGRAPHS = [
  'The city council voted on Tuesday night to approve a plan that will add nearly twenty miles of protected bicycle lanes to the downtown area over the next three years, a move that supporters say will make streets safer for everyone.',
  'The measure passed by a vote of seven to two after a long public hearing in which more than sixty residents spoke. Many of them described close calls with cars and trucks on their daily rides to work and to school.',
  'Opponents of the plan worried that the new lanes would take away parking spaces that small businesses depend on. Several shop owners said that their customers already struggle to find a place to stop.',
  'The mayor said the city would study parking on each street before any work begins, and that the first lanes would be built on the widest avenues, where the changes are expected to have the smallest effect on traffic.',
  'Construction is expected to start in the spring. The council will review the progress of the project every six months and can change the plan if the results are not what the city expected.',
];

/** A news article between a menu and a footer, with a "you might also like" list and a cookie notice. */
export function newsPaste(): string {
  return [
    MENU,
    '',
    'Local News',
    NEWS_TITLE,
    'By Maria Gonzalez',
    'March 4, 2024 7:15 pm ET',
    '',
    NEWS_PARAGRAPHS.join('\n\n'),
    '',
    'You might also like',
    'School Board Delays Vote on New Calendar',
    'Five Restaurants Opening This Month',
    'Storm Knocks Out Power to Thousands',
    'High School Team Wins State Title',
    FOOTER,
  ].join('\n');
}

export const RECIPE_INGREDIENTS = [
  '2 cups all-purpose flour',
  '1 teaspoon baking soda',
  '1/2 teaspoon salt',
  '1 cup unsalted butter, softened',
  '3/4 cup brown sugar',
  '2 large eggs',
  '2 cups chocolate chips',
];

export const RECIPE_STEPS = [
  'Heat the oven to 375 degrees and line two baking sheets with parchment paper so that the cookies do not stick.',
  'Whisk the flour, baking soda and salt together in a bowl. In a second, larger bowl, beat the butter and the sugar until the mixture is light and fluffy, then beat in the eggs one at a time.',
  'Stir the dry ingredients into the butter mixture a little at a time, then fold in the chocolate chips with a spatula until they are spread evenly through the dough.',
  'Drop rounded spoonfuls of dough onto the sheets about two inches apart and bake for nine to eleven minutes, until the edges are golden. Let them cool on the sheet for a few minutes before you move them.',
];

/** A recipe page: the article is mostly a list of ingredients and a list of steps. */
export function recipePaste(): string {
  return [
    MENU,
    'Recipes',
    'Desserts',
    'Easy Chocolate Chip Cookies',
    'By Sam Baker',
    '',
    'These cookies are crisp at the edges and soft in the middle, and you can make the dough in about fifteen minutes with things that are probably already in your kitchen.',
    '',
    'Ingredients',
    RECIPE_INGREDIENTS.join('\n'),
    '',
    'Instructions',
    RECIPE_STEPS.join('\n\n'),
    '',
    'Rate this recipe',
    'Print Recipe',
    'Pin Recipe',
    FOOTER,
  ].join('\n');
}

/** A main article and, below it, teasers of other articles (headline and a one-line summary each). */
export function teaserPaste(): string {
  const teasers = [
    ['Scientists Find Water Ice Near the Moon\u2019s South Pole', 'The discovery could help future missions stay longer on the surface.'],
    ['Why Houseplants Are Having a Moment', 'Sales of indoor plants have doubled over the past five years.'],
    ['The Quiet Comeback of the Paper Map', 'Some hikers say that phones are not enough when the signal fades.'],
    ['Five Ways to Sleep Better Tonight', 'Small changes to your evening routine can make a big difference.'],
    ['Inside the Race to Build a Better Battery', 'Startups and giants alike are betting on new chemistry for electric cars.'],
  ];
  return [
    MENU,
    NEWS_TITLE,
    'By Maria Gonzalez',
    '',
    NEWS_PARAGRAPHS.join('\n\n'),
    '',
    'More Stories',
    ...teasers.flatMap(([headline, summary]) => [headline!, headline!, summary!, '4 min read']),
    FOOTER,
  ].join('\n');
}

/** Comments after the article: names, times and replies. */
export function commentsPaste(): string {
  const comments = [
    ['bikefan22 says:', 'March 4, 2024 at 8:02 pm', 'Finally! I have been waiting for this for years and I am glad the council listened to the people who actually ride every day.'],
    ['drivertom says:', 'March 4, 2024 at 8:15 pm', 'This is going to make traffic even worse downtown and nobody on the council seems to care about the people who have to drive to work.'],
    ['lucy_m says:', 'March 4, 2024 at 8:40 pm', 'My kids ride to school on one of these streets and I worry about them every single morning, so this is great news for our family.'],
  ];
  return [
    MENU,
    NEWS_TITLE,
    NEWS_PARAGRAPHS.join('\n\n'),
    '',
    '3 Comments',
    ...comments.flatMap((c) => [...c, 'Reply']),
    'Leave a Reply',
    'Your email address will not be published.',
    FOOTER,
  ].join('\n');
}

export const FRENCH_TITLE = 'La ville de Lyon veut planter dix mille arbres d\u2019ici cinq ans';

export const FRENCH_PARAGRAPHS = [
  'La municipalit\u00e9 a pr\u00e9sent\u00e9 mardi un plan qui pr\u00e9voit de planter dix mille arbres dans les rues et les places de la ville au cours des cinq prochaines ann\u00e9es, afin de lutter contre la chaleur en \u00e9t\u00e9.',
  'Selon les services de la ville, les quartiers les plus denses seront servis en premier, car ce sont ceux o\u00f9 la temp\u00e9rature monte le plus pendant les vagues de chaleur et o\u00f9 il y a le moins d\u2019espaces verts.',
  'Les habitants pourront aussi proposer des emplacements sur un site internet d\u00e9di\u00e9. Le maire a expliqu\u00e9 que chaque proposition serait \u00e9tudi\u00e9e par les jardiniers de la ville avant le d\u00e9but des travaux.',
  'Le co\u00fbt total du projet est estim\u00e9 \u00e0 vingt millions d\u2019euros, dont une partie sera financ\u00e9e par la r\u00e9gion et par l\u2019\u00c9tat dans le cadre du plan pour la transition \u00e9cologique.',
];

/** A French news paste with a French menu and footer. */
export function frenchPaste(): string {
  return [
    'Aller au contenu',
    'Accueil',
    'Actualit\u00e9s',
    'Politique',
    '\u00c9conomie',
    'Sport',
    'Culture',
    'Se connecter',
    'S\u2019abonner',
    '',
    FRENCH_TITLE,
    'Par Claire Martin',
    'Publi\u00e9 le 12 mars 2024 \u00e0 10h30',
    '',
    FRENCH_PARAGRAPHS.join('\n\n'),
    '',
    'Partager',
    'Facebook',
    'Twitter',
    'Lire aussi',
    'Les transports en commun gratuits le week-end',
    'Un nouveau mus\u00e9e ouvre ses portes',
    'Mentions l\u00e9gales',
    'Politique de confidentialit\u00e9',
    'Contact',
    '\u00a9 2024 Le Journal de Lyon',
  ].join('\n');
}

export const CLEAN_PROSE = [
  'The history of the bicycle is a story of many small improvements. The first machines of the early nineteenth century had no pedals at all, and riders pushed themselves along with their feet.',
  'Pedals attached to the front wheel came later, and for a time makers built larger and larger front wheels so that each turn of the pedals would carry the rider farther. These machines were fast but dangerous.',
  'The safety bicycle, with two wheels of the same size and a chain that drove the rear wheel, changed everything. Within a few years it had become the shape that almost every bicycle still has today.',
  'Air-filled tyres, gears and lighter frames followed. Each of them made cycling easier and more pleasant, and together they turned the bicycle into one of the most common machines in the world.',
].join('\n\n');

export const CLEAN_MARKDOWN = `# How to Repot a Houseplant

Most houseplants need a bigger pot every year or two. If roots are growing out of the drainage holes, or
water runs straight through the soil, it is time to repot.

## What you need

- A pot two to five centimetres wider than the old one
- Fresh potting mix
- A trowel or a large spoon
- Gloves, if you like

## Steps

1. Water the plant a day before, so that the root ball holds together.
2. Turn the pot on its side and slide the plant out gently.
3. Loosen the outer roots with your fingers and trim any that are dead.
4. Set the plant in the new pot at the same depth and fill in around it with fresh mix.

Water it well and keep it out of direct sun for a week while the roots settle in. After that, care for it
as you did before.
`;

export const JAPANESE_PARAGRAPHS = [
  '東京都は火曜日、市内の公園に今後五年間で一万本の木を植える計画を発表した。夏の暑さを和らげることが主な目的だという。',
  '都の担当者によると、最初に植樹が行われるのは住宅が密集している地域で、緑地が少なく気温が上がりやすい場所が優先される。',
  '住民は専用のウェブサイトから植樹の場所を提案することができる。提案はすべて都の専門家が確認したうえで、工事の前に決定される。',
  '計画の総費用はおよそ二十億円と見込まれており、その一部は国の補助金でまかなわれる予定である。',
];

/** A Japanese paste (no spaces between words, so no stopword counts): menu, article, footer. */
export function japanesePaste(): string {
  return [
    'ホーム',
    'ニュース',
    '政治',
    '経済',
    'スポーツ',
    'ログイン',
    '',
    '東京都、公園に一万本の木を植える計画',
    '2024年3月12日 10:30',
    '',
    JAPANESE_PARAGRAPHS.join('\n\n'),
    '',
    'シェアする',
    'Twitter',
    'Facebook',
    '関連記事',
    '利用規約',
    'プライバシーポリシー',
    '© 2024 東京新聞',
  ].join('\n');
}

/** An article whose subject is the words of page furniture (newsletters, podcasts, subscribing). */
export const NEWSLETTER_PARAGRAPHS = [
  'Publishers once fought for a spot on the home page. Now they fight for a place in your inbox and your podcast app, where readers subscribe once and come back every day.',
  'The shift started when social media stopped sending traffic. Newsletters gave editors a direct line to readers, and podcasts gave them an hour of attention on the commute.',
  'Subscriptions to newsletters at large publishers doubled between 2019 and 2023, according to the study, and podcast downloads rose by a third.',
  'Advertisers followed: a newsletter sponsorship now costs more per reader than a banner ad on the site, the report said.',
  'Critics say the model favours big brands, since readers only subscribe to a handful of newsletters and follow a few podcasts.',
];

/** That article between a menu, a headline with its byline, and a share bar and footer. */
export function newsletterPaste(): string {
  return [
    'Home\nNews\nSport\nPodcasts\nNewsletters\nSign in\nSubscribe',
    'Why podcasts and email newsletters are the new front page',
    'By Jane Doe | March 3, 2024',
    NEWSLETTER_PARAGRAPHS.join('\n'),
    'Share this article\nFacebook Twitter Email\nRelated stories\nCopyright 2024 News Ltd. All rights reserved.\nPrivacy policy | Terms | Cookie settings',
  ].join('\n\n');
}

export const WIKI_TITLE = 'Harbor Bridge (Riverton)';

/** The lead and the sections of an encyclopedia article, each paragraph with its reference marks. */
export const WIKI_PARAGRAPHS = [
  'The Harbor Bridge is a steel arch bridge that carries road and rail traffic across the mouth of the Riverton harbor. It opened in 1932 after six years of construction.[1]',
  'Plans for a crossing were first drawn up in 1889, but the city council could not agree on how to pay for it until the port authority offered to share the cost.[2][3]',
  'Work began in 1926 under the engineer Margaret Hale, who had designed two smaller bridges upriver. More than a thousand workers were employed at the height of construction.[4]',
  'The bridge was widened in 1968 to carry four lanes of traffic, and a walkway for pedestrians and cyclists was added in 2005.[5]',
  'A toll was charged until 1988. Today about 90,000 vehicles cross the bridge each day, and it appears on the city\'s coat of arms.[citation needed]',
];

/** That article as a browser copies a wiki page: menus, contents, hatnote, section headings with [edit], references. */
export function wikiPaste(): string {
  return [
    'Jump to content\nMain menu\nSearch\nCreate account\nLog in',
    'Contents\n1 History\n2 Construction\n3 Later changes\n4 References\n5 External links',
    WIKI_TITLE,
    'From Wikipedia, the free encyclopedia',
    'This article is about the bridge in Riverton. For other uses, see Harbor Bridge (disambiguation).',
    WIKI_PARAGRAPHS[0],
    'History[edit]',
    WIKI_PARAGRAPHS[1],
    'Construction[edit]',
    'Main article: Construction of the Harbor Bridge',
    WIKI_PARAGRAPHS[2],
    'Later changes[edit]',
    WIKI_PARAGRAPHS[3],
    WIKI_PARAGRAPHS[4],
    'References[edit]',
    '^ "Harbor Bridge opens". Riverton Gazette. 12 March 1932.\n^ Smith, John (1990). A History of Riverton. p. 41.\n^ "Port authority minutes". 1925.',
    'External links[edit]',
    'Official website',
    'Categories: Bridges in Riverton | Steel arch bridges | 1932 establishments',
    'This page was last edited on 3 December 2026, at 10:12 (UTC).',
    'Text is available under the Creative Commons Attribution-ShareAlike License 4.0; additional terms may apply.',
    'Privacy policy\nAbout Wikipedia\nDisclaimers\nMobile view',
  ].join('\n\n');
}
