import { operationRoute } from '../../shared/http/operation-route.ts';
import { createSegmenter } from '../../shared/text/space/index.ts';

const segmenter = createSegmenter();

export const handler = operationRoute('space', ({ text }) => {
  const { output, edits } = segmenter.correct(text);
  return { output, details: { edits } };
});
