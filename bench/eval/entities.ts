/**
 * `npm run eval -- entities [--data DIR] [--show even|ID] [--types]`: document-level entity scores on ner/ (Wikigold)
 * for Skim and, in the same run, compromise's people/organizations/places as the peer.
 *
 * Skim's names are what a user gets: each document pasted as text through digestSource (the CLI's call), then
 * digest.entities, every entity's name and the other spellings merged into it. A refused document predicts
 * nothing, and the refusals are counted on their own line. Also: the typed precision of the first entities listed
 * (what the bot's embed shows first), whether they show the article's subject and its key names
 * (bench/lib/subject.ts), and the score when the document is pasted in other forms.
 * Rows for all documents and for the two fixed halves (even and odd line numbers); the even half is
 * the one cues were tuned on, the odd half is held out. `--types` adds precision and recall per type.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { dataDir, flag, row } from '../lib/data.js';
import { documentSets, scoreNer, type NerDocument, type NerScores, type TypedName } from '../lib/nerMetric.js';
import { dataLine, EVEN_ODD, halvesLine, refusalsLine, type Halves } from '../lib/report.js';
import { keyNames, keysShown, shownCounts, subjectName, subjectShown } from '../lib/subject.js';
import { digestText, TEXT_FORMS, type UserPathResult } from '../lib/userPath.js';

interface NerDoc {
  id: string;
  text: string;
  entities: TypedName[];
}

function loadDocs(file: string): NerDoc[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as NerDoc);
}

/** Skim's names: each entity's name and the other spellings merged into it, with the entity's type; none when refused. */
function skimNames(result: UserPathResult): TypedName[] {
  const entities = result.digest?.entities ?? [];
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

/** Cut-offs of the list for the precision of what is shown first: the brief's six, and the embed's MAX_ENTITIES. */
const SHOWN = [6, 15];

/**
 * Micro typed precision of the first `k` entities of each digest against the document's folded gold set, by the
 * name shown (aliases are not shown). Entities typed "other" are left out, as misc is in the metric.
 */
function shownPrecision(docs: NerDoc[], results: UserPathResult[], k: number, keep: (i: number) => boolean): string {
  let right = 0;
  let shown = 0;
  let other = 0;
  docs.forEach((doc, i) => {
    if (!keep(i)) return;
    const c = shownCounts(results[i]!.digest?.entities ?? [], documentSets(doc.entities).typed, k);
    right += c.right;
    shown += c.shown;
    other += c.other;
  });
  return `${(right / Math.max(shown, 1)).toFixed(3)} (${right}/${shown}, +${other} other)`;
}

/** Documents whose most-mentioned gold name (bench/lib/subject.ts) is the name of one of the first `k` entities. */
function subjectCount(docs: NerDoc[], results: UserPathResult[], k: number, keep: (i: number) => boolean): string {
  const kept = docs.filter((_, i) => keep(i));
  const hits = docs.filter((doc, i) => keep(i) && subjectShown(results[i]!.digest?.entities ?? [], subjectName(doc.entities), k));
  return `${hits.length}/${kept.length}`;
}

/** Key names (bench/lib/subject.ts: up to three most-mentioned gold names a document) among the first `k` listed. */
function keyCount(docs: NerDoc[], results: UserPathResult[], k: number, keep: (i: number) => boolean): string {
  let shown = 0;
  let all = 0;
  docs.forEach((doc, i) => {
    if (!keep(i)) return;
    const keys = keyNames(doc.entities);
    all += keys.length;
    shown += keysShown(results[i]!.digest?.entities ?? [], keys, k);
  });
  return `${(shown / Math.max(1, all)).toFixed(3)} (${shown}/${all})`;
}

function printShown(docs: NerDoc[], results: UserPathResult[], halves: Halves): void {
  for (const k of SHOWN) {
    console.log(
      `typed precision of the first ${k} entities listed: ${shownPrecision(docs, results, k, () => true)}; ` +
        `${halves.names[0]} ${shownPrecision(docs, results, k, halves.tuned)}; ` +
        `${halves.names[1]} ${shownPrecision(docs, results, k, (i) => !halves.tuned(i))}`,
    );
  }
  console.log(
    `most-mentioned gold name among the first ${SHOWN[0]} listed: ${subjectCount(docs, results, SHOWN[0]!, () => true)}; ` +
      `${halves.names[0]} ${subjectCount(docs, results, SHOWN[0]!, halves.tuned)}; ` +
      `${halves.names[1]} ${subjectCount(docs, results, SHOWN[0]!, (i) => !halves.tuned(i))}`,
  );
  console.log(
    `key names (three most-mentioned) among the first ${SHOWN[0]} listed: ${keyCount(docs, results, SHOWN[0]!, () => true)}; ` +
      `${halves.names[0]} ${keyCount(docs, results, SHOWN[0]!, halves.tuned)}; ` +
      `${halves.names[1]} ${keyCount(docs, results, SHOWN[0]!, (i) => !halves.tuned(i))}`,
  );
}

/** Skim's typed F1 and refusals when each document is pasted in each form. */
async function printForms(docs: NerDoc[], halves: Halves, fileForm: UserPathResult[]): Promise<void> {
  console.log('\nSkim by the form the text is pasted in (typed F1; refusals predict nothing):');
  const widths = [16, 9, 9, 9, 9, 9];
  console.log(row(['form', 'refused', 'F1', halves.names[0], halves.names[1], 'same names'], widths));
  for (const form of TEXT_FORMS) {
    const results = form === TEXT_FORMS[0] ? fileForm : await Promise.all(docs.map((d) => digestText(form.make(d.text))));
    const scored = docs.map((d, i) => ({ gold: d.entities, predicted: skimNames(results[i]!) }));
    const f1 = (keep: (i: number) => boolean): number => scoreNer(scored.filter((_, i) => keep(i))).typed.f1;
    const key = (r: UserPathResult): string => JSON.stringify([...documentSets(skimNames(r)).typed].sort());
    const same = results.filter((r, i) => r.digest && fileForm[i]!.digest && key(r) === key(fileForm[i]!)).length;
    const refused = results.filter((r) => r.refusal).length;
    console.log(row([form.name, String(refused), f1(() => true), f1(halves.tuned), f1((i) => !halves.tuned(i)), same / docs.length], widths));
  }
  console.log('same names: share of documents whose typed name set equals the file form\'s (a refusal on either side is not the same)');
}

export async function run(args: string[]): Promise<void> {
  const file = join(dataDir(args), 'ner', 'wikigold_docs.jsonl');
  const docs = loadDocs(file);
  const show = flag(args, 'show');
  const halves = EVEN_ODD;
  // Warm up (lexicon, gazetteers, jsdom-free text path) so timings are per document.
  await digestText(docs[0]!.text);
  const start = performance.now();
  const skimResults: UserPathResult[] = [];
  for (const doc of docs) skimResults.push(await digestText(doc.text));
  const skimMs = (performance.now() - start) / docs.length;
  const systems: Array<[string, (d: NerDoc, i: number) => TypedName[], number | undefined]> = [
    ['skim', (_, i) => skimNames(skimResults[i]!), skimMs],
    ['compromise', compromiseNames, undefined],
  ];
  console.log(dataLine(file, docs.length, 'documents'));
  console.log(halvesLine(halves, "Skim's cues"));
  console.log('Skim = digestSource({text}) -> digest.entities (names and aliases); typed P/R/F1, untyped P/R/F1, F1 per type');
  console.log(refusalsLine(skimResults, halves));
  console.log(row(['system', 'P', 'R', 'F1', 'uP', 'uR', 'uF1', 'PER', 'ORG', 'LOC', 'time/doc'], WIDTHS));
  const typeRows: Array<[string, NerScores]> = [];
  for (const [name, extract, timed] of systems) {
    const results: NerDocument[] = [];
    const t0 = performance.now();
    docs.forEach((doc, i) => results.push({ gold: doc.entities, predicted: extract(doc, i) }));
    const ms = timed ?? (performance.now() - t0) / docs.length;
    const rows: Array<[string, NerScores]> = [
      [name, scoreNer(results)],
      [`  ${name} ${halves.names[0]}`, scoreNer(results.filter((_, i) => halves.tuned(i)))],
      [`  ${name} ${halves.names[1]}`, scoreNer(results.filter((_, i) => !halves.tuned(i)))],
    ];
    for (const [label, scores] of rows) printRow(label, scores, ms);
    typeRows.push(...rows);
    if (name === 'skim' && show !== undefined) {
      docs.forEach((d, i) => {
        if (show === 'even' ? halves.tuned(i) : show === d.id) showErrors(d, results[i]?.predicted ?? []);
      });
    }
  }
  console.log("skim's time/doc is the whole digestSource call (cleaning, sentences, ranking, entities).");
  printShown(docs, skimResults, halves);
  if (args.includes('--types')) printTypeRows(typeRows);
  await printForms(docs, halves, skimResults);
}
