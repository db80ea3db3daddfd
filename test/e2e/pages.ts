/**
 * The articles the end-to-end scenarios serve: original texts written for these tests (no real site's
 * content), rendered as a news site would serve them (menu, share bar, article, related links, footer),
 * as a browser's select-all paste, or as the plain text of a `message.txt`.
 */

/** One article and where it lives. */
export interface TestArticle {
  site: string;
  /** The site's host name; the test resolver points it at the loopback page server. */
  host: string;
  path: string;
  title: string;
  byline: string;
  /** ISO date and time. */
  published: string;
  paragraphs: string[];
}

export const LIBRARY: TestArticle = {
  site: 'The Millbrook Courier',
  host: 'millbrook-courier.example',
  path: '/news/2026/04/riverside-library-reopens',
  title: "Millbrook's riverside library reopens two years after the flood",
  byline: 'Priya Raman',
  published: '2026-04-11T08:00:00Z',
  paragraphs: [
    'The Millbrook Public Library reopened its doors on Saturday morning, two years after floodwater from the Tessel River filled its ground floor to the height of the reading tables. Several hundred residents queued along Mill Street before the 10 a.m. opening, and the first borrower, a nine-year-old named Ava Lindqvist, left with an armful of dinosaur books.',
    "The restoration cost $6.2 million, most of it paid by the state's disaster recovery fund and the rest by the town council and a public appeal that raised $840,000. The flood in March 2024 destroyed about 41,000 books, the library's entire collection of local newspapers from before 1950, and the heating system in the basement.",
    "Architects from Hale & Osborne raised the ground floor by 1.4 meters and moved the electrical plant to the roof, so that a flood of the same height would now stop below the shelves. The children's room moved upstairs, and the old basement has become a storage space designed to be flooded and pumped dry without damage.",
    "Head librarian Tomasz Wilk said the building had been designed around the assumption that the river would rise again. \"We did not rebuild the library we lost. We built one that expects the water,\" Wilk said. He added that volunteers had spent 18 months cleaning, drying and scanning the surviving newspapers, and that the digitized archive would be free to search online from June.",
    'The new building also has a makerspace with two 3D printers and a sewing room, a quiet study floor that stays open until 10 p.m. on weekdays, and a community kitchen that the council plans to use as a warming centre in winter.',
    "Not all residents are pleased. Shop owners on Mill Street say the two-year closure cost them passing trade, and the Millbrook Business Association has asked the council to fund a summer festival outside the library to bring shoppers back. Council leader Grace Adeyemi said a decision would be made at the council's May meeting.",
    'The library is open from 9 a.m. to 8 p.m. from Monday to Saturday. Borrowers whose cards expired during the closure can renew them at the front desk without a fee.',
  ],
};

export const SCHOONER: TestArticle = {
  site: 'Lakeshore Gazette',
  host: 'lakeshore-gazette.example',
  path: '/local/volunteer-divers-map-sunken-schooner',
  title: 'Volunteer divers map a sunken schooner in Lake Aldren',
  byline: 'Daniel Mercer',
  published: '2026-09-09T07:15:00Z',
  paragraphs: [
    'A team of volunteer divers has completed the first detailed map of the Margaret Hale, a wooden schooner that sank in Lake Aldren during an autumn storm in 1887 with a cargo of limestone and a crew of six.',
    'The wreck lies upright in 38 meters of cold, dark water about four kilometers north of Port Severin. It was found in 1979 by a fisherman whose nets snagged on its masts, but until this summer nobody had surveyed it from bow to stern.',
    "Over eleven weekends, the twelve divers of the Aldren Underwater Heritage Group took more than 9,000 overlapping photographs, which a computer program stitched into a three-dimensional model accurate to about two centimeters. The model shows the ship's wheel still in place, the hatch covers lying open and the lifeboat missing, which suggests that the crew tried to escape.",
    "\"Every other wreck in this lake has been stripped by souvenir hunters. The Margaret Hale is almost untouched,\" said Nadia Kowalczyk, a retired geography teacher who led the project. She said the group would share the model with the provincial museum and with descendants of the crew.",
    'Records at the Port Severin archive show that the schooner left Kingsford harbour on October 14, 1887, bound for Severin, and that its captain, Elias Brandt, was 31 years old. Only one body, that of the cook, was ever recovered.',
    'The provincial heritage office has asked divers not to enter the hull, which is fragile, and is considering whether to protect the site by law. Cold fresh water has preserved the timber, but zebra mussels now cover much of the deck and are slowly damaging it.',
    'The group plans to return next summer to survey a second wreck nearby, which it believes may be a steam tug lost in 1902.',
  ],
};

export const BINS: TestArticle = {
  site: 'Dunmore Weekly',
  host: 'dunmore-weekly.example',
  path: '/council/fortnightly-bin-collection-trial',
  title: 'Council approves a year-long trial of fortnightly bin collection',
  byline: 'Harriet Osei',
  published: '2026-06-17T18:30:00Z',
  paragraphs: [
    'Dunmore Borough Council voted on Tuesday night to collect household rubbish every two weeks instead of every week, starting with a twelve-month trial in three neighbourhoods from the first of October.',
    'The trial will cover about 14,500 homes in Eastfield, Rowan Park and the Old Town. Recycling and food waste will still be collected every week, and households with young children or medical needs can apply for a larger bin free of charge.',
    "Councillor Martin Hale, who chairs the environment committee, said the change would save about £1.1 million a year and cut the borough's carbon emissions, because fewer lorries would be on the road. \"Half of what people put in their black bins could have been recycled or composted. We want to make the easy choice the right one,\" he said.",
    'The motion passed by 23 votes to 17 after a debate that lasted almost three hours. Opposition councillors said the trial had been rushed and warned of rats and overflowing bins in the summer months, especially in streets of terraced houses with no space for extra bins.',
    "Residents' groups were divided. The Rowan Park Residents' Association welcomed the trial, while a petition against it organised by a shop owner in the Old Town gathered 2,300 signatures in a fortnight.",
    'The council will publish monthly figures on recycling rates, missed collections and complaints during the trial. A decision on whether to extend fortnightly collection to the whole borough is expected in the autumn of next year.',
  ],
};

export const SOURDOUGH: TestArticle = {
  site: 'Harrow Valley News',
  host: 'harrow-valley-news.example',
  path: '/food/century-old-sourdough-starter-new-bakery',
  title: 'A century-old sourdough starter moves to a new bakery',
  byline: 'Jonas Weber',
  published: '2026-02-23T10:00:00Z',
  paragraphs: [
    'A sourdough starter that has been fed flour and water every day since 1926 has moved across town, from a bakery that closed last month to a new one that promised to keep it alive.',
    "The starter belonged to the Kessler family, who ran Kessler's Bakery on Orchard Road for three generations. When Ruth Kessler, 74, decided to retire, she said her biggest worry was not the building or the ovens but the jar of bubbling dough her grandfather had brought from Bremen.",
    "After a month of interviews, she chose Lena Park and Omar Haddad, who opened the Common Loaf bakery on Station Street in February. \"They were the only ones who asked what the starter likes to eat before they asked about the recipe,\" Kessler said.",
    'Bakers say an old starter is not magic: the yeast and bacteria in it adapt to whatever flour they are given, and within a few weeks a starter carries mostly the microbes of its new kitchen. But Haddad said customers care about the story, and that the bread already sells out by 11 a.m. on Saturdays.',
    'The handover took place on Monday morning. Kessler carried the jar herself, wrapped in a wool blanket against the cold, and showed the new owners how her family fed it: one part starter, one part rye flour and one part water, twice a day, at seven in the morning and seven at night.',
    "The Common Loaf will sell a \"Kessler rye\" from next week, and will give a spoonful of the starter to any customer who brings a clean jar. Part of the price of every loaf will go to the town's food bank, which Kessler's Bakery supplied with unsold bread for decades.",
  ],
};

export const NIGHT_TRAINS: TestArticle = {
  site: 'The Northern Ledger',
  host: 'northern-ledger.example',
  path: '/travel/night-trains-return-northern-line',
  title: 'Night trains return to the northern line after twelve years',
  byline: 'Sofie Lund',
  published: '2026-11-04T12:45:00Z',
  paragraphs: [
    'Overnight passenger trains will run again between Halden and Brisk from March 3, twelve years after the last sleeper service on the line was cancelled for lack of money, the national rail operator Nordrail announced on Wednesday.',
    'The trains will leave Halden at 9:40 p.m. every day and arrive in Brisk at 7:20 the next morning, a journey of nine hours and forty minutes with stops in Varde, Sollen and Torvik. Each train will have six sleeping cars, two cars of reclining seats and a small café car.',
    'A bed in a shared four-berth compartment will cost from 59 euros, and a private two-berth compartment from 169 euros. Reclining seats will cost the same as a daytime ticket.',
    "The new sleeping cars were built by Arlberg Rail Works in Graz and leased for fifteen years. Nordrail's chief executive, Ingrid Solberg, said the service would need about 70 percent of its beds filled to cover its costs, and that the government had agreed to pay any losses for the first three years.",
    "\"People want to travel without flying, and they want to wake up where they are going. Twelve years ago we did not have the carriages or the passengers. Now we have both,\" Solberg said at the launch in Halden.",
    'Environmental groups welcomed the decision. The Green Travel Alliance said a night train emits about a tenth of the carbon of a flight over the same distance. Airlines were more cautious: a spokesman for Baltic Air said the company would keep its evening flights to Brisk.',
    'Tickets go on sale on January 15. Nordrail said it would add a second nightly train on Fridays and Sundays if demand was high enough.',
  ],
};

/**
 * An article about a raid on a Discord server, quoting the raw text of the messages: `@everyone`, `@here`,
 * a role mention and a user mention (with the ids of the fake's role and user, so an unescaped copy would
 * ping them), a masked link and bold markdown.
 */
export function mentionsArticle(ids: { roleId: string; userId: string }): TestArticle {
  return {
    site: 'Community Signals',
    host: 'community-signals.example',
    path: '/safety/one-everyone-ping-emptied-a-server',
    title: 'How one @everyone ping emptied a 40,000-member Discord server',
    byline: 'Alex Moreau',
    published: '2026-10-02T06:00:00Z',
    paragraphs: [
      'At 3:12 on a Sunday morning, a compromised moderator account on the Pixel Foundry server typed @everyone and pasted a link. Within an hour, more than 6,000 of the server\'s 40,000 members had left, and dozens had handed their login details to a fake gift page.',
      "The message looked ordinary: \"Free Nitro for the first 500 members! Claim it here: [discord.gift/pixelfoundry](https://nitro-claim.example/login) @here\". Because Discord renders a masked link by its label, readers saw what looked like an official gift address, not the scam site it pointed to.",
      `The account belonged to a volunteer who had reused a password from a gaming forum that leaked in 2023. The attacker also pinged the <@&${ids.roleId}> role, which notified every moderator at once, and then sent a warning to <@${ids.userId}> claiming that his account would be banned unless he "verified" it.`,
      "Server owner Maya Lindgren said the team lost control for 47 minutes. \"We had two-factor authentication for admins, but not for moderators. That was the gap,\" she said. The team has since removed the permission to mention @everyone from every role except the owners, and a bot now deletes messages that combine a mass mention with a link from an account younger than a week.",
      "Security researchers say the pattern is common. Tomas Reyes, who studies online community safety at Westbrook University, said attackers favour mass mentions because they turn a single stolen account into thousands of notifications. \"A **bold** promise, a ping and a disguised link is the whole recipe,\" he said.",
      'Discord allows server owners to restrict who may use @everyone and @here, and bots can be told never to ping anyone by setting allowed mentions. Reyes recommends that communities audit which roles may mention everyone at least once a year, and that bots which repeat text from the web escape it first.',
      'Pixel Foundry has since regained about half of the members who left. Lindgren said the server will run a security week in November with workshops on passwords and phishing.',
    ],
  };
}

/** The same article at another address of the same site (a distinct URL with a page of its own). */
export function at(article: TestArticle, path: string): TestArticle {
  return { ...article, path };
}

/** The article's URL on the page server's port. */
export function articleUrl(article: TestArticle, port: number): string {
  return `http://${article.host}:${port}${article.path}`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function longDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
}

/** The article as its site serves it: head metadata, menu, cookie banner, share bar, related links, footer. */
export function articleHtml(article: TestArticle, url: string): string {
  const e = escapeHtml;
  const middle = Math.ceil(article.paragraphs.length / 2);
  const paragraphs = article.paragraphs.map((p, i) => {
    const ad = i === middle ? '\n  <div class="ad-slot"><span>Advertisement</span></div>' : '';
    return `${ad}\n  <p>${e(p)}</p>`;
  });
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${e(article.title)} | ${e(article.site)}</title>
<meta property="og:site_name" content="${e(article.site)}">
<meta property="og:title" content="${e(article.title)}">
<meta name="author" content="${e(article.byline)}">
<meta property="article:published_time" content="${article.published}">
<link rel="canonical" href="${e(url)}">
<style>body { font-family: Georgia, serif; max-width: 42rem; margin: auto; }</style>
<script>window.analytics = window.analytics || [];</script>
</head>
<body>
<header>
  <a class="logo" href="/">${e(article.site)}</a>
  <nav class="main-menu"><ul>
    <li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/local">Local</a></li>
    <li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li>
    <li><a href="/subscribe">Subscribe</a></li><li><a href="/login">Sign in</a></li>
  </ul></nav>
  <div class="cookie-banner">We use cookies to understand how you use our site. <button>Accept all</button> <button>Settings</button></div>
</header>
<main>
<article>
  <h1>${e(article.title)}</h1>
  <p class="byline">By <a href="/authors/${encodeURIComponent(article.byline)}">${e(article.byline)}</a></p>
  <time datetime="${article.published}">${longDate(article.published)}</time>
  <div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email this story</a></div>${paragraphs.join('')}
</article>
<aside class="related">
  <h2>More from ${e(article.site)}</h2>
  <ul>
    <li><a href="/news/1">Road works on the bypass to last until the summer</a></li>
    <li><a href="/news/2">School choir wins regional competition for the third year</a></li>
    <li><a href="/news/3">Letters: readers on parking charges at the hospital</a></li>
  </ul>
</aside>
</main>
<footer>
  <p>Sign up for our morning newsletter. <a href="/newsletter">Subscribe</a></p>
  <p><a href="/about">About us</a> | <a href="/contact">Contact</a> | <a href="/privacy">Privacy policy</a> | <a href="/terms">Terms of use</a></p>
  <p>© 2026 ${e(article.site)}. All rights reserved.</p>
</footer>
</body>
</html>
`;
}

/** The lines of a paste that belong to the page, not the article: each must stay out of a summary. */
export const PASTE_MENU = ['Skip to content', 'Home', 'News', 'Local', 'Sports', 'Obituaries', 'Events', 'Subscribe', 'Sign in', 'Search'];
export const PASTE_FOOTER = [
  'Related stories',
  'Harbour dredging to start in spring after two-year delay',
  'Ferry timetable changes for the winter season announced',
  'Most read',
  'Man rescued after kayak capsizes near the breakwater',
  'About us',
  'Contact the newsroom',
  'Advertise with us',
  'Privacy policy',
  'Terms of use',
  'Cookie settings',
];

/**
 * The article as a reader pastes it after select-all and copy on its page: the site's name, menu, share bar,
 * byline and dates, an advertisement label, then related stories and the footer.
 */
export function pastedPage(article: TestArticle): string {
  const middle = Math.ceil(article.paragraphs.length / 2);
  const body = article.paragraphs.flatMap((p, i) => (i === middle ? ['Advertisement', '', p, ''] : [p, '']));
  return [
    ...PASTE_MENU.slice(0, 1),
    article.site,
    ...PASTE_MENU.slice(1),
    'News › Local',
    '',
    article.title,
    '',
    `By ${article.byline}`,
    `Published 7:15 a.m. ${longDate(article.published)}`,
    'Share this article',
    'Facebook',
    'Twitter',
    'Email',
    'Print',
    '',
    ...body,
    ...PASTE_FOOTER,
    `© 2026 ${article.site}. All rights reserved.`,
  ].join('\n');
}

/** The article as plain text, as in a `message.txt` Discord makes from a long message. */
export function plainTextArticle(article: TestArticle): string {
  return [article.title, '', `By ${article.byline}, ${article.site}`, '', ...article.paragraphs.flatMap((p) => [p, ''])].join('\n');
}
