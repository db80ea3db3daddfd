/**
 * The order of an article's entities (rank.ts): the likeliest subjects lead, the others follow by how likely they
 * are right and how much the article speaks of them. Every salience weight must hold something up: switching one
 * off lowers the first-six precision, the subject count or the key names shown on the Wikigold fixture (half B, the half the weights are not fitted on) or breaks one of the
 * targeted cases below. Also the fixture's floors.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentMentions, extractEntities } from '../../../../src/core/analyse/entities/index.js';
import { clusterMentions } from '../../../../src/core/analyse/entities/merge.js';
import {
  SALIENCE_FEATURES,
  orderRows,
  salienceRows,
  useSalienceModel,
  type SalienceFeature,
  type SalienceModel,
} from '../../../../src/core/analyse/entities/rank.js';
import { BLEND, LEAD, RIGHT_WEIGHTS, SUBJECT_WEIGHTS } from '../../../../src/core/analyse/entities/salienceWeights.js';
import { loadDocs, prepare } from '../../../../training/entityData.js';
import { figures, salienceDocs, type SalienceDoc } from '../../../../training/salienceData.js';

const FIXTURE = fileURLToPath(new URL('../../../fixtures/wikigold/half-b.jsonl', import.meta.url));

const MODEL: SalienceModel = { subject: SUBJECT_WEIGHTS, right: RIGHT_WEIGHTS, lead: LEAD, blend: BLEND };

const zero = (): Record<SalienceFeature, number> =>
  Object.fromEntries(SALIENCE_FEATURES.map((f) => [f, 0])) as Record<SalienceFeature, number>;

const names = (title: string, sentences: string[]): string[] => extractEntities(title, sentences).map((e) => e.name);

/** Orderings the weights must give, each a name and a check that returns what went wrong ('' when right). */
const RANK_CASES: Array<{ name: string; check: () => string }> = [
  {
    name: 'a company named in the title leads the people the body mentions more often',
    check: () => {
      const out = names('Zorlan Industries posts record profit', [
        'Bill Carter said sales rose in Ohio.',
        'Bill Carter praised the staff in Texas.',
        'Analysts expect Bill Carter to stay.',
        'Shares of Zorlan Industries rose.',
      ]);
      return out[0] === 'Zorlan Industries' ? '' : `title: ${out.join(', ')}`;
    },
  },
  {
    name: 'a nationality mentioned as often and as early as a person comes after the person',
    check: () => {
      const out = names('', ['Chinese officials met Wang Dongming in Athens.', 'Wang Dongming and Chinese investors talked.']);
      return out.indexOf('Wang Dongming') < out.indexOf('Chinese') ? '' : `nationality: ${out.join(', ')}`;
    },
  },
  {
    name: 'the most mentioned name leads even when another comes first',
    check: () => {
      const out = names('', [
        'Ohio officials met Acme Corp. on Monday.',
        'Acme Corp. said the plant would employ 500 people.',
        'Acme Corp. also thanked John Smith.',
        'The plan pleased Acme Corp. staff.',
      ]);
      return out[0] === 'Acme Corp.' ? '' : `mentions: ${out.join(', ')}`;
    },
  },
];

function failingRankCases(): string[] {
  return RANK_CASES.map((c) => c.check()).filter((s) => s !== '');
}

describe('orderRows', () => {
  const row = (id: string, x: Partial<Record<SalienceFeature, number>>): { id: string; features: Record<SalienceFeature, number> } =>
    ({ id, features: { ...zero(), ...x } });
  const model: SalienceModel = { subject: { ...zero(), mentions: 1 }, right: { ...zero(), typeConfidence: 1 }, lead: 1, blend: 100 };

  it('opens with the likeliest subjects and follows with the others by how likely they are right', () => {
    const rows = [row('a', { mentions: 1, typeConfidence: 3 }), row('b', { mentions: 5 }), row('c', { mentions: 2, typeConfidence: 1 })];
    expect(orderRows(rows, model).map((r) => r.id)).toEqual(['b', 'a', 'c']);
    expect(orderRows(rows, { ...model, lead: 2 }).map((r) => r.id)).toEqual(['b', 'c', 'a']);
  });

  it('weighs importance against confidence after the lead by the blend', () => {
    const rows = [row('lead', { mentions: 9 }), row('sure', { mentions: 1, typeConfidence: 2 }), row('often', { mentions: 4 })];
    // Subject plus blend x right: sure 1 + 2b, often 4; so "often" comes first below b = 1.5.
    expect(orderRows(rows, { ...model, blend: 0.5 }).map((r) => r.id)).toEqual(['lead', 'often', 'sure']);
    expect(orderRows(rows, { ...model, blend: 2 }).map((r) => r.id)).toEqual(['lead', 'sure', 'often']);
  });

  it('keeps the document order on ties', () => {
    const rows = [row('a', { mentions: 1 }), row('b', { mentions: 1 }), row('c', { mentions: 1 })];
    expect(orderRows(rows, model).map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('salienceRows', () => {
  const rowsOf = (title: string, sentences: string[]): ReturnType<typeof salienceRows> =>
    salienceRows(clusterMentions(documentMentions(title, sentences), true));

  it('counts mentions and marks a name of the title', () => {
    const rows = rowsOf('Zorlan Industries posts record profit', ['Sales rose in Ohio.', 'Shares of Zorlan Industries rose.']);
    const zorlan = rows.find((r) => r.name === 'Zorlan Industries');
    expect(zorlan?.features).toMatchObject({ mentions: 2, inTitle: 1 });
    expect(rows.find((r) => r.name === 'Ohio')?.features).toMatchObject({ mentions: 1, inTitle: 0 });
  });

  it('marks a name that is part of another entity\'s longer name as a short form', () => {
    const rows = rowsOf('', ['Ohio State University opened in 1870.', 'The university is in Ohio.']);
    expect(rows.find((r) => r.name === 'Ohio')?.features.shortForm).toBe(1);
    expect(rows.find((r) => r.name === 'Ohio State University')?.features.shortForm).toBe(0);
  });

  it('finds short forms in a run of thousands of capitalised words without enumerating its parts', () => {
    // Every run of a 3,000-word name is some 4.5 million strings; the index reads each word once.
    const words = Array.from({ length: 3000 }, (_, i) => `Zq${i.toString(36).replace(/\d/g, (d) => 'abcdefghij'[Number(d)] ?? '')}an`);
    const rows = rowsOf('', [`The report says ${words.join(' ')} went home.`, `${words[5] ?? ''} left.`]);
    expect(rows.find((r) => r.name === words[5])?.features.shortForm).toBe(1);
  });

  it('gives a typing margin to typed names only and marks an untyped nationality as vague', () => {
    const rows = rowsOf('', ['Officials met President Wang Dongming and Chinese investors in Athens.']);
    expect(rows.find((r) => r.name === 'Wang Dongming')?.features.typeConfidence).toBeGreaterThan(0);
    expect(rows.find((r) => r.name === 'Chinese')?.features).toMatchObject({ typeConfidence: 0, vague: 1 });
  });
});

describe('entity order', () => {
  it.each(RANK_CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    expect(c.check()).toBe('');
  });
});

let docs: SalienceDoc[] = [];
let baseline = figures([], MODEL);

beforeAll(async () => {
  docs = salienceDocs(await prepare(loadDocs(FIXTURE)));
  baseline = figures(docs, MODEL);
}, 60_000);

describe('salience on the Wikigold fixture', () => {
  it('keeps first-six precision, the subject count and the key names shown above their floors', () => {
    expect(baseline.firstSix).toBeGreaterThan(0.79);
    expect(baseline.subject).toBeGreaterThanOrEqual(62);
    expect(baseline.keysShown).toBeGreaterThanOrEqual(98);
  });
});

describe('salience ablation', () => {
  const switches: Array<[string, SalienceModel]> = [
    ...(['subject', 'right'] as const).flatMap((part) =>
      SALIENCE_FEATURES.filter((f) => MODEL[part][f] !== 0).map(
        (f): [string, SalienceModel] => [`${part}.${f}`, { ...MODEL, [part]: { ...MODEL[part], [f]: 0 } }],
      ),
    ),
    ['lead', { ...MODEL, lead: MODEL.lead - 1 }],
    ['blend', { ...MODEL, blend: 0 }],
  ];

  it('switches every feature some weight uses', () => {
    const used = new Set(switches.map(([name]) => name.split('.')[1]).filter((f) => f !== undefined));
    expect([...used].sort()).toEqual([...SALIENCE_FEATURES].sort());
  });

  it.each(switches)('switching off %s lowers the fixture figures or fails a targeted case', (name, off) => {
    const f = figures(docs, off);
    if (f.firstSix < baseline.firstSix || f.subject < baseline.subject || f.keysShown < baseline.keysShown) return;
    const restore = useSalienceModel(off);
    try {
      expect(failingRankCases(), `${name}: first six ${f.firstSix.toFixed(4)}, subject ${f.subject}`).not.toEqual([]);
    } finally {
      restore();
    }
  });
});
