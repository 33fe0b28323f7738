/** The space engine: restores the spaces between words (segmenter.ts). */
export { createSegmenter, type Segmenter, type SpaceEdit } from './segmenter.ts';
