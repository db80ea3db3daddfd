/**
 * `npm run eval -- entities [--data DIR] [--show even|ID] [--types]`: document-level entity scores on ner/ (Wikigold)
 * for Skim and, in the same run, compromise's people/organizations/places as the peer.
 * Rows for all documents and for the two fixed halves (even and odd line numbers); the even half is
 * the one cues were tuned on, the odd half is held out. `--types` adds precision and recall per type.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { extractEntities } from '../../src/core/entities/index.js';
import { splitSentences } from '../../src/core/sentences.js';
import { dataDir, flag, row } from '../lib/data.js';
import { documentSets, scoreNer, type NerDocument, type NerScores, type TypedName } from '../lib/nerMetric.js';

interface NerDoc {
  id: string;
  text: string;
  entities: TypedName[];
}

function loadDocs(dir: string): NerDoc[] {
  return readFileSync(join(dir, 'ner', 'wikigold_docs.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as NerDoc);
}

/** Skim's names: each entity's name and the other spellings merged into it, with the entity's type. */
function skimNames(doc: NerDoc): TypedName[] {
  const entities = extractEntities('', splitSentences(doc.text, 'en'), { lang: 'en' });
  return entities.flatMap((e) => [e.name, ...(e.aliases ?? [])].map((text) => ({ text, type: e.type })));
}

function compromiseNames(doc: NerDoc): TypedName[] {
  const d = nlp(doc.text);
  const out = (view: { out(f: 'array'): string[] }, type: string): TypedName[] =>
    view.out('array').map((text) => ({ text, type }));
  return [...out(d.people(), 'person'), ...out(d.organizations(), 'organization'), ...out(d.places(), 'place')];
}

const WIDTHS = [32, 7, 7, 7, 7, 7, 7, 7, 7, 7, 9];

function printRow(label: string, s: NerScores, msPerDoc: number): void {
  console.log(
    row(
      [
        label, s.typed.precision, s.typed.recall, s.typed.f1, s.untyped.precision, s.untyped.recall, s.untyped.f1,
        s.perType.person.f1, s.perType.organization.f1, s.perType.place.f1, `${msPerDoc.toFixed(1)}ms`,
      ],
      WIDTHS,
    ),
  );
}

const TYPE_WIDTHS = [32, 7, 7, 7, 7, 7, 7, 7, 7, 7];

/** Precision, recall and F1 of each type, for the rows of one system. */
function printTypeRows(rows: Array<[string, NerScores]>): void {
  console.log(row(['per type (P R F1)', 'PER P', 'R', 'F1', 'ORG P', 'R', 'F1', 'LOC P', 'R', 'F1'], TYPE_WIDTHS));
  for (const [label, s] of rows) {
    const t = s.perType;
    const cells = [t.person, t.organization, t.place].flatMap((x) => [x.precision, x.recall, x.f1]);
    console.log(row([label, ...cells], TYPE_WIDTHS));
  }
}

function showErrors(doc: NerDoc, predicted: TypedName[]): void {
  const g = documentSets(doc.entities).typed;
  const p = documentSets(predicted).typed;
  console.log(`--- ${doc.id}`);
  for (const k of p) if (!g.has(k)) console.log(`  FP ${k.replace('\t', ': ')}`);
  for (const k of g) if (!p.has(k)) console.log(`  FN ${k.replace('\t', ': ')}`);
}

export async function run(args: string[]): Promise<void> {
  const docs = loadDocs(dataDir(args));
  const show = flag(args, 'show');
  const systems: Array<[string, (d: NerDoc) => TypedName[]]> = [
    ['skim', skimNames],
    ['compromise', compromiseNames],
  ];
  // Warm up (lexicon, gazetteers) so timings are per document.
  skimNames(docs[0] as NerDoc);
  console.log(`ner: ${docs.length} documents (Wikigold); typed P/R/F1, untyped P/R/F1, F1 per type`);
  console.log("Skim's cues were tuned on the even half (0, 2, 4, ...); the odd half is held out.");
  console.log(row(['system', 'P', 'R', 'F1', 'uP', 'uR', 'uF1', 'PER', 'ORG', 'LOC', 'time/doc'], WIDTHS));
  const typeRows: Array<[string, NerScores]> = [];
  for (const [name, extract] of systems) {
    const results: NerDocument[] = [];
    const start = performance.now();
    for (const doc of docs) results.push({ gold: doc.entities, predicted: extract(doc) });
    const ms = (performance.now() - start) / docs.length;
    const halves: Array<[string, NerScores]> = [
      [name, scoreNer(results)],
      [`  ${name} even half`, scoreNer(results.filter((_, i) => i % 2 === 0))],
      [`  ${name} odd half`, scoreNer(results.filter((_, i) => i % 2 === 1))],
    ];
    for (const [label, scores] of halves) printRow(label, scores, ms);
    typeRows.push(...halves);
    if (name === 'skim' && show !== undefined) {
      docs.forEach((d, i) => {
        if (show === 'even' ? i % 2 === 0 : show === d.id) showErrors(d, results[i]?.predicted ?? []);
      });
    }
  }
  if (args.includes('--types')) printTypeRows(typeRows);
}
