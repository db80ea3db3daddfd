/**
 * `npm run train -- salience [--data DIR] [--write]`: fits the weights that order an article's entities
 * (src/core/analyse/entities/rank.ts) on Wikigold half A (even line numbers) and reports half B (odd), both printed.
 *
 * The list opens with the entities likeliest to be the article's subject and goes on with the others by how likely
 * each is right. Two linear scores over the same named features, so two fits:
 * - subject: a softmax over each document's entities whose target is the entity shown under the document's
 *   most-mentioned gold name (bench/lib/subject.ts), pulled towards the hand-picked salience it replaces
 *   (mentions + an early first mention + 1.5 in title + 1.5 in summary, of which it keeps mentions and title) by an L2 penalty, so that a feature the data
 *   rarely shows (Wikigold has three titles) keeps its prior;
 * - right: a logistic regression (Newton, L2) of "typed, and the name shown with its type is a gold name". An
 *   entity typed "other" is never right: untyped names follow the typed ones unless they lead as a likely subject.
 * How many subjects lead, how much the right score counts for the others, and the two L2 strengths are chosen by
 * two-fold cross-validation inside half A on the objective: typed precision of the first six listed, plus the
 * share of documents whose subject is among them, plus the share of key names (each document's up to three most
 * mentioned) among them.
 * No randomness: the same data give the same weights. Then each weight is switched off in turn and half B's
 * figures printed: a weight whose removal lowers none of half B's first-six precision, subject count and key names
 * shown is listed to be dropped.
 * With --write, src/core/analyse/entities/salienceWeights.ts is written with the weights, the command and the data.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SALIENCE_FEATURES, type SalienceFeature, type SalienceModel } from '../src/core/analyse/entities/rank.js';
import { loadDocs, prepare, wikigoldFile } from './entityData.js';
import { figures, fmtFigures, objective, pipelineFigures, salienceDocs, type SalienceDoc, type SalienceFigures } from './salienceData.js';
import { fitNewtonLogistic } from './lib/newtonLogistic.js';
import { fitListwise, type RankItem } from './lib/rankFit.js';

type Weights = Record<SalienceFeature, number>;

/**
 * Features each score may use; the others keep weight 0. Both started from ten features (also: typed, words in the
 * name, share of mentions at a sentence start, in a summary sentence, the first mention's position, since removed) and lost, refit by refit, those whose removal lowered none of half B's figures
 * (first-six precision, subject count, key names shown). Each one left holds one of them up.
 */
export const SUBJECT_FEATURES: readonly SalienceFeature[] = ['mentions', 'inTitle', 'vague'];
export const RIGHT_FEATURES: readonly SalienceFeature[] = ['typeConfidence', 'shortForm'];

const zero = (): Weights => Object.fromEntries(SALIENCE_FEATURES.map((f) => [f, 0])) as Weights;

/** The hand-picked salience the subject score replaces, as its prior. */
export const SUBJECT_PRIOR: Readonly<Weights> = { ...zero(), mentions: 1, inTitle: 1.5 };

const LEADS = [1, 2, 3];
/** How much the right score counts against the subject score after the lead; 100 orders by it alone. */
const BLENDS = [0, 0.5, 1, 2, 4, 100];
const SUBJECT_L2 = [0.001, 0.01, 0.1];
const RIGHT_LAMBDA = [0.3, 1, 3, 10];
const EPOCHS = 1500;
const RATE = 0.05;

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

const round = (w: Weights): Weights => {
  const out = zero();
  for (const f of SALIENCE_FEATURES) out[f] = Math.round(w[f] * 1000) / 1000 + 0;
  return out;
};

/**
 * The subject weights: a listwise softmax over each document's entities towards its subject (training/lib/rankFit's
 * fitListwise), with l2 times the squared distance from the prior. Documents whose subject is no entity's name are
 * left out.
 */
export function fitSubject(docs: readonly SalienceDoc[], l2: number, features: readonly SalienceFeature[] = SUBJECT_FEATURES): Weights {
  const lists: RankItem[] = docs
    .filter((d) => d.items.some((it) => it.subject))
    .map((d) => ({
      features: Float64Array.from(d.items.flatMap((it) => features.map((f) => it.features[f]))),
      n: d.items.length,
      gold: Uint8Array.from(d.items.map((it) => (it.subject ? 1 : 0))),
    }));
  const prior = Float64Array.from(features.map((f) => SUBJECT_PRIOR[f]));
  // The gradient of l2 * |w - prior|^2 is 2 * l2 * (w - prior); fitListwise's penalty term is l2 * (w - prior).
  const fitted = fitListwise(lists, features.length, { temperature: 1, epochs: EPOCHS, learningRate: RATE, l2: 2 * l2, init: prior, prior });
  const w = zero();
  features.forEach((f, j) => {
    w[f] = fitted[j] ?? 0;
  });
  return round(w);
}

/** The right weights: a logistic regression of "right" on every entity, on standardised features, mapped back to raw ones. */
export function fitRight(docs: readonly SalienceDoc[], lambda: number, features: readonly SalienceFeature[] = RIGHT_FEATURES): Weights {
  const items = docs.flatMap((d) => d.items);
  const model = fitNewtonLogistic(
    items.map((it) => features.map((f) => it.features[f])),
    items.map((it) => (it.right ? 1 : 0)),
    items.map(() => 1),
    lambda,
  );
  const w = zero();
  features.forEach((f, k) => {
    w[f] = (model.weights[k] ?? 0) / (model.scale[k] ?? 1);
  });
  return round(w);
}

interface Choice {
  lead: number;
  blend: number;
  subjectL2: number;
  rightLambda: number;
}

/** Lead, subject L2 and right L2 with the best objective when half A's two folds are each fitted on the other. */
function choose(a: readonly SalienceDoc[]): Choice {
  const folds = [a.filter((_, i) => i % 2 === 0), a.filter((_, i) => i % 2 === 1)] as const;
  const other = (k: number): readonly SalienceDoc[] => folds[1 - k]!;
  const subjects = new Map(SUBJECT_L2.map((l2) => [l2, [0, 1].map((k) => fitSubject(other(k), l2))] as const));
  const rights = new Map(RIGHT_LAMBDA.map((l) => [l, [0, 1].map((k) => fitRight(other(k), l))] as const));
  let best: Choice = { lead: LEADS[0]!, blend: BLENDS[0]!, subjectL2: SUBJECT_L2[0]!, rightLambda: RIGHT_LAMBDA[0]! };
  let bestScore = -Infinity;
  for (const lead of LEADS) {
    for (const blend of BLENDS) {
      for (const subjectL2 of SUBJECT_L2) {
        for (const rightLambda of RIGHT_LAMBDA) {
          const score = [0, 1].reduce((s, k) => {
            const model = { lead, blend, subject: subjects.get(subjectL2)![k]!, right: rights.get(rightLambda)![k]! };
            return s + objective(figures(folds[k]!, model)) / 2;
          }, 0);
          if (score > bestScore + 1e-12) {
            bestScore = score;
            best = { lead, blend, subjectL2, rightLambda };
          }
        }
      }
      say(`  lead ${lead}, blend ${blend}: best cross-validated objective so far ${bestScore.toFixed(4)}`);
    }
  }
  return best;
}

/**
 * Half B's figures with each weight switched off (one subject fewer leading, no blend); returned, the weights whose
 * removal lowers none of half B's first-six precision, subject count and key names shown.
 */
function ablate(b: readonly SalienceDoc[], model: SalienceModel): string[] {
  const base = figures(b, model);
  const idle: string[] = [];
  const report = (label: string, off: SalienceModel): void => {
    const f = figures(b, off);
    const delta = objective(f) - objective(base);
    say(`  ${label.padEnd(24)} half B without it: ${fmtFigures(f)} (objective ${delta >= 0 ? '+' : ''}${delta.toFixed(4)})`);
    if (f.firstSix >= base.firstSix && f.subject >= base.subject && f.keysShown >= base.keysShown) idle.push(label);
  };
  for (const part of ['subject', 'right'] as const) {
    for (const f of SALIENCE_FEATURES) {
      if (model[part][f] === 0) continue;
      report(`${part}.${f}`, { ...model, [part]: { ...model[part], [f]: 0 } });
    }
  }
  report('lead', { ...model, lead: model.lead - 1 });
  report('blend', { ...model, blend: 0 });
  return idle;
}

function writeWeights(model: SalienceModel, command: string, data: string, a: SalienceFigures, b: SalienceFigures): void {
  const body = (w: Readonly<Weights>): string => SALIENCE_FEATURES.map((f) => `  ${f}: ${w[f]},`).join('\n');
  const file = join(import.meta.dirname, '..', 'src', 'core', 'analyse', 'entities', 'salienceWeights.ts');
  writeFileSync(
    file,
    `/**
 * Weights of the salience features (rank.ts), by feature name; do not edit by hand.
 * Made by \`${command}\` (training/salience.ts)
 * on half A (even line numbers) of ${data}: the subject score a softmax over each document's entities towards its
 * most-mentioned gold name, L2 towards the hand-picked salience it replaces; the right score a logistic regression
 * of a right name and type; the lead, the blend and both L2 strengths chosen by two-fold cross-validation in half A.
 * Half A: ${fmtFigures(a)}.
 * Half B (held out): ${fmtFigures(b)}.
 */
import type { SalienceFeature } from './rank.js';

/** How the weights were made: the command and the data. */
export const PROVENANCE = ${JSON.stringify(`${command} on half A of ${data}`)};

/** Weights of the score of how likely an entity is the article's subject. */
export const SUBJECT_WEIGHTS: Readonly<Record<SalienceFeature, number>> = {
${body(model.subject)}
};

/** Weights of the score of how likely an entity's name and type are right. */
export const RIGHT_WEIGHTS: Readonly<Record<SalienceFeature, number>> = {
${body(model.right)}
};

/** How many of the likeliest subjects open the list. */
export const LEAD = ${model.lead};

/** How much the right score counts beside the subject score for the entities after the lead. */
export const BLEND = ${model.blend};
`,
  );
  say(`wrote ${file}`);
}

export async function run(args: string[]): Promise<void> {
  const file = wikigoldFile(args);
  const prepared = await prepare(loadDocs(file));
  const docs = salienceDocs(prepared);
  const a = docs.filter((_, i) => i % 2 === 0);
  const b = docs.filter((_, i) => i % 2 === 1);
  say(`data: ${file} (${docs.length} documents; half A ${a.length}, half B ${b.length})`);
  const choice = choose(a);
  const model: SalienceModel = {
    lead: choice.lead,
    blend: choice.blend,
    subject: fitSubject(a, choice.subjectL2),
    right: fitRight(a, choice.rightLambda),
  };
  say(`chosen: lead ${choice.lead}, blend ${choice.blend}, subject l2 ${choice.subjectL2}, right l2 ${choice.rightLambda}`);
  say(`subject weights: ${JSON.stringify(model.subject)}`);
  say(`right weights: ${JSON.stringify(model.right)}`);
  const fa = pipelineFigures(prepared.filter((_, i) => i % 2 === 0), model);
  const fb = pipelineFigures(prepared.filter((_, i) => i % 2 === 1), model);
  say(`fitted: half A ${fmtFigures(fa)}; half B ${fmtFigures(fb)}`);
  say('half B without each weight:');
  const idle = ablate(b, model);
  say(`weights that hold up no figure of half B (${idle.length}): ${idle.join(' ')}`);
  if (args.includes('--write')) writeWeights(model, 'npm run train -- salience --write', 'data/ner/wikigold_docs.jsonl', fa, fb);
}
