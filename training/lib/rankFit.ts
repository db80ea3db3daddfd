/**
 * Small learners for fitting Skim's weights on development data: a listwise (softmax) linear ranker and a
 * logistic regression, both by full-batch gradient descent with Adam. Deterministic: zero or given start.
 */

/** One query's candidates: `n` feature vectors of `dim` numbers, flat, and which ones are right. */
export interface RankItem {
  features: Float64Array;
  n: number;
  gold: Uint8Array;
}

export interface ListwiseOptions {
  /** Softmax temperature: p(i) is proportional to exp(temperature * w·x_i). */
  temperature: number;
  epochs: number;
  learningRate?: number;
  l2?: number;
  /** Starting weights, by position in the item vectors (default: all 0). */
  init?: Float64Array;
  /** The weights the L2 penalty pulls towards (default: all 0): a prior that rarely seen features keep. */
  prior?: Float64Array;
}

/** Adam's update of parameters from their gradient, one step a call (the step count starts at 1). */
export class Adam {
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  private t = 0;
  constructor(size: number, private readonly rate: number) {
    this.m = new Float64Array(size);
    this.v = new Float64Array(size);
  }
  step(params: Float64Array, grad: Float64Array): void {
    this.t++;
    for (let j = 0; j < params.length; j++) {
      this.m[j] = 0.9 * this.m[j]! + 0.1 * grad[j]!;
      this.v[j] = 0.999 * this.v[j]! + 0.001 * grad[j]! * grad[j]!;
      const mh = this.m[j]! / (1 - 0.9 ** this.t);
      const vh = this.v[j]! / (1 - 0.999 ** this.t);
      params[j]! -= (this.rate * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
}

/**
 * Fits linear weights that maximise the probability of the right candidates under a softmax over each
 * query's candidates (ListNet-style with any-of-gold targets).
 */
export function fitListwise(items: readonly RankItem[], dim: number, options: ListwiseOptions): Float64Array {
  const w = options.init ? Float64Array.from(options.init) : new Float64Array(dim);
  if (w.length !== dim) throw new Error(`${dim} starting weights expected, got ${w.length}`);
  const adam = new Adam(dim, options.learningRate ?? 0.05);
  const l2 = options.l2 ?? 1e-4;
  const T = options.temperature;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const grad = new Float64Array(dim);
    for (const item of items) {
      const s = new Float64Array(item.n);
      let max = -Infinity;
      for (let i = 0; i < item.n; i++) {
        let z = 0;
        for (let j = 0; j < dim; j++) z += w[j]! * item.features[i * dim + j]!;
        s[i] = T * z;
        if (s[i]! > max) max = s[i]!;
      }
      let all = 0;
      let gold = 0;
      for (let i = 0; i < item.n; i++) {
        s[i] = Math.exp(s[i]! - max);
        all += s[i]!;
        if (item.gold[i]) gold += s[i]!;
      }
      for (let i = 0; i < item.n; i++) {
        const c = T * (s[i]! / all - (item.gold[i] ? s[i]! / gold : 0));
        if (Math.abs(c) < 1e-9) continue;
        for (let j = 0; j < dim; j++) grad[j]! += c * item.features[i * dim + j]!;
      }
    }
    for (let j = 0; j < dim; j++) grad[j] = grad[j]! / items.length + l2 * (w[j]! - (options.prior?.[j] ?? 0));
    adam.step(w, grad);
  }
  return w;
}

/** Fits a logistic regression: returns the weights with the bias last. */
export function fitLogistic(x: readonly number[][], y: readonly boolean[], epochs = 2000): Float64Array {
  const dim = (x[0]?.length ?? 0) + 1;
  const w = new Float64Array(dim);
  const adam = new Adam(dim, 0.05);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const grad = new Float64Array(dim);
    x.forEach((row, k) => {
      let z = w[dim - 1]!;
      for (let j = 0; j < dim - 1; j++) z += w[j]! * row[j]!;
      const e = 1 / (1 + Math.exp(-z)) - (y[k] ? 1 : 0);
      for (let j = 0; j < dim - 1; j++) grad[j]! += e * row[j]!;
      grad[dim - 1]! += e;
    });
    for (let j = 0; j < dim; j++) grad[j] = grad[j]! / x.length;
    adam.step(w, grad);
  }
  return w;
}
