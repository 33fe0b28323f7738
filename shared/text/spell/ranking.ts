/** The shortlist a misspelling's candidates are ranked into before context reorders them. */

// Candidates kept per distinct misspelling, by word and error model alone, for context to reorder.
export const SHORTLIST = 12;

/** Candidate ids with their score from frequency and error model, best first. */
export type Shortlist = { ids: Int32Array; scores: Float64Array };

/**
 * The best SHORTLIST candidates offered so far, best first, in typed arrays (a query offers about
 * twenty): by score, then as the one scored first would rank if scoring went best bound first
 * (best bound, then place in the lookup).
 */
export class Ranking {
  private size = 0;
  private readonly ids = new Int32Array(SHORTLIST + 1);
  private readonly scores = new Float64Array(SHORTLIST + 1);
  private readonly bounds = new Float64Array(SHORTLIST + 1);
  private readonly places = new Int32Array(SHORTLIST + 1);

  clear(): void {
    this.size = 0;
  }

  /** The ranking as it stands, for the cache. */
  shortlist(): Shortlist {
    return { ids: this.ids.slice(0, this.size), scores: this.scores.slice(0, this.size) };
  }

  /** The score a candidate must beat to enter, once the ranking is full. */
  worst(): number {
    return this.size === SHORTLIST ? this.scores[SHORTLIST - 1]! : -Infinity;
  }

  /** Takes the candidate if it ranks among the best; an id already in keeps its better score. */
  offer(id: number, score: number, bound: number, place: number): void {
    const { ids, scores, bounds, places } = this;
    let size = this.size;
    if (size === SHORTLIST && !this.ahead(score, bound, place, SHORTLIST - 1)) return;
    for (let e = 0; e < size; e++) {
      if (ids[e] !== id) continue;
      if (scores[e]! >= score) return;
      size--;
      for (let m = e; m < size; m++) this.move(m + 1, m);
      break;
    }
    let at = size;
    for (; at > 0 && this.ahead(score, bound, place, at - 1); at--) this.move(at - 1, at);
    ids[at] = id;
    scores[at] = score;
    bounds[at] = bound;
    places[at] = place;
    this.size = Math.min(size + 1, SHORTLIST);
  }

  private ahead(score: number, bound: number, place: number, e: number): boolean {
    const other = this.scores[e]!;
    return score > other || (score === other && (bound > this.bounds[e]! || (bound === this.bounds[e]! && place < this.places[e]!)));
  }

  private move(from: number, to: number): void {
    this.ids[to] = this.ids[from]!;
    this.scores[to] = this.scores[from]!;
    this.bounds[to] = this.bounds[from]!;
    this.places[to] = this.places[from]!;
  }
}
