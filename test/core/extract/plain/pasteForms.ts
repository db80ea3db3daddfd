/**
 * One news story and the shapes in which people paste it: one line, one paragraph, hard-wrapped, with a
 * headline and a dateline, as Markdown, after a chat remark, without final punctuation, with CRLF line ends
 * and odd spaces. Written for these tests.
 */

export const STORY_TITLE = 'River town votes to rebuild its flood walls after a wet winter';

export const STORY_DATELINE = 'HEXHAM, England, March 3 (Wire) -';

/** The story's paragraphs, about 480 words in all. */
export const STORY_PARAGRAPHS = [
  'Residents of Hexham voted on Tuesday to spend 14 million pounds rebuilding the flood walls along the River Tyne, after a winter in which the water came over the old defences three times and closed the town centre for nine days.',
  'The council said 6,112 people took part in the vote, nearly half of the adult population, and that 71 percent backed the plan. Work on the first section, between the old bridge and the bus station, is due to start in June.',
  'Mayor Helen Carter said the result gave the town a clear mandate. "People have been bailing out their kitchens every few weeks since November," she told reporters outside the town hall. "They want this done, and they want it done before next winter."',
  'The new walls will stand a metre higher than the present ones and will carry glass panels in places, so that the river can still be seen from the riverside gardens. Engineers from the Environment Agency designed the scheme after surveying the banks last autumn.',
  'Not everyone is convinced. A group of shop owners on Priestpopple argued during the campaign that the money would be better spent upstream, on storing water in the hills before it reaches the town. Their spokesman, David Marsh, said on Tuesday that the group would accept the result but keep pressing for work on the upper valley.',
  'The Environment Agency said it would pay for a third of the cost from its national budget, with the rest coming from the council, local businesses and a government fund for towns that flood repeatedly. The council expects to raise its share without an increase in local taxes.',
  'Hexham has flooded at least eleven times since records began, most severely in 1771, when the river swept away every bridge on the Tyne but one. The existing walls were built in the 1950s and were last raised in 2003.',
  'Scientists at Newcastle University say that winters in the north of England are becoming wetter, and that heavy rain now falls in shorter, more intense bursts. That makes sudden floods more likely in towns like Hexham, which sit where steep valleys meet.',
  'The council will hold a public meeting next month to show residents the final designs. Carter said she hoped the first stones would be in place before the summer holidays, and that the whole wall would be finished within three years.',
];

/** Greedy word wrap at `width` columns, as a mail client or a terminal does. */
export function hardWrap(paragraph: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

/** The story as one line, as a chat message or a paste that lost its line breaks. */
export const oneLine = (): string => STORY_PARAGRAPHS.join(' ');

/** The story as paragraphs on separate lines with no blank lines between them. */
export const oneParagraphPerLine = (): string => STORY_PARAGRAPHS.join('\n');

/** The story hard-wrapped at `width` columns, with blank lines between paragraphs. */
export const wrapped = (width: number): string => STORY_PARAGRAPHS.map((p) => hardWrap(p, width)).join('\n\n');

/** A headline line, a dateline line, then the body, as wire stories are copied. */
export const headlineDatelineBody = (): string => [STORY_TITLE, STORY_DATELINE, ...STORY_PARAGRAPHS].join('\n');

/** The story in Markdown: a heading, emphasis, a link, a quote and a list. */
export const markdown = (): string =>
  [
    `# ${STORY_TITLE}`,
    `**${STORY_PARAGRAPHS[0]}**`,
    STORY_PARAGRAPHS[1]!.replace('the first section', '[the first section](https://example.com/plan)'),
    `> ${STORY_PARAGRAPHS[2]}`,
    STORY_PARAGRAPHS[3]!.replace('glass panels', '*glass panels*'),
    '## What the plan includes',
    '- walls a metre higher than today\n- glass panels facing the gardens\n- a new pumping station by the bus station',
    ...STORY_PARAGRAPHS.slice(4),
  ].join('\n\n');

/** A chat remark before the pasted story. */
export const afterChatRemark = (): string => `check this out:\n${oneParagraphPerLine()}`;

/** The story with every final full stop of a paragraph missing. */
export const noFinalPunctuation = (): string => STORY_PARAGRAPHS.map((p) => p.replace(/[."]+$/, '')).join('\n\n');

/** CRLF line ends, tabs, non-breaking, thin and zero-width spaces, soft hyphens and a byte-order mark. */
export const oddWhitespace = (): string =>
  '\uFEFF' +
  STORY_PARAGRAPHS.map((p, i) =>
    (i % 2 === 0 ? `\t${p}` : p)
      .replace(/ the /g, ' the\u00A0')
      .replace(/ of /g, ' of\u2009')
      .replace(/council/g, 'coun\u00ADcil')
      .replace(/River/g, 'Ri\u200Bver'),
  ).join('\r\n\r\n') +
  '\r\n';
