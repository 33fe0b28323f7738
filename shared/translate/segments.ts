/**
 * Splits long text for engines with request limits: segments of at most `maxChars` UTF-16 units,
 * cut at sentence boundaries where possible (then at spaces, then anywhere but inside a surrogate
 * pair). The whitespace around and between segments is kept aside, so joining the translated
 * segments back keeps paragraphs and spacing exactly.
 */
export const DEFAULT_MAX_SEGMENT_CHARS = 5_000;

export interface SegmentedText {
  /** Non-blank pieces to translate, in order, each without leading or trailing whitespace. */
  segments: string[];
  /** Rebuilds the text from one replacement per segment, with the original whitespace around them. */
  join(replacements: readonly string[]): string;
}

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });

export function segmentText(text: string, maxChars = DEFAULT_MAX_SEGMENT_CHARS): SegmentedText {
  if (!(maxChars >= 2)) throw new RangeError(`maxChars must be at least 2, got ${maxChars}`);
  const segments: string[] = [];
  // gaps[i] is the whitespace before segments[i]; the last gap trails the text.
  const gaps: string[] = [''];
  for (const chunk of chunks(text, maxChars)) {
    const [, lead = '', body = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(chunk)!;
    gaps[gaps.length - 1] += lead;
    if (body === '') continue;
    segments.push(body);
    gaps.push(trail);
  }
  return {
    segments,
    join(replacements) {
      if (replacements.length !== segments.length) throw new Error(`expected ${segments.length} segments, got ${replacements.length}`);
      return replacements.reduce((out, piece, i) => out + piece + gaps[i + 1], gaps[0]!);
    },
  };
}

/** Consecutive pieces of `text` whose concatenation is `text`; each is at most maxChars once trimmed. */
function* chunks(text: string, maxChars: number): Generator<string> {
  let current = '';
  for (const { segment } of sentences.segment(text)) {
    // Whitespace around a sentence never counts against the limit: it ends up between segments.
    const [, lead = '', body = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(segment)!;
    current += lead;
    for (const piece of body.length <= maxChars ? [body] : splitLongSentence(body, maxChars)) {
      if (current.trim() !== '' && current.trimStart().length + piece.length > maxChars) {
        yield current;
        current = '';
      }
      current += piece;
    }
    current += trail;
  }
  if (current) yield current;
}

/** A sentence longer than the limit: cut after whitespace, or hard where a word alone is too long. */
function splitLongSentence(sentence: string, maxChars: number): string[] {
  const pieces: string[] = [];
  let rest = sentence;
  while (rest.length > maxChars) {
    const window = rest.slice(0, maxChars);
    const lastSpace = window.search(/\s\S*$/);
    let cut = lastSpace > 0 ? lastSpace + 1 : maxChars;
    // Never separate the two halves of a surrogate pair.
    if (lastSpace <= 0 && /[\uD800-\uDBFF]/.test(rest[cut - 1]!)) cut -= 1;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  pieces.push(rest);
  return pieces;
}

/** Groups consecutive segment indexes into batches within an engine's limits. */
export function batchSegments(segments: readonly string[], limits: { maxBatchSegments: number; maxBatchChars: number }): number[][] {
  const batches: number[][] = [];
  let current: number[] = [];
  let chars = 0;
  segments.forEach((segment, i) => {
    if (current.length > 0 && (current.length >= limits.maxBatchSegments || chars + segment.length > limits.maxBatchChars)) {
      batches.push(current);
      current = [];
      chars = 0;
    }
    current.push(i);
    chars += segment.length;
  });
  if (current.length > 0) batches.push(current);
  return batches;
}
