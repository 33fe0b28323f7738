/** A correction's confidence: the noisy channel's posterior of the best reading of a word. */

/** Share of e^best in e^keep + Σ e^totals: the noisy channel's posterior of the best reading. */
export function confidence(best: number, totals: Float64Array, keep: number): number {
  let max = keep;
  for (const total of totals) if (total > max) max = total;
  let sum = Math.exp(keep - max);
  for (const total of totals) sum += Math.exp(total - max);
  return Math.exp(best - max) / sum;
}

export const roundConfidence = (confidence: number): number => Math.round(confidence * 1000) / 1000;
