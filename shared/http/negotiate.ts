/** Quality the Accept header gives a media type: exact match, then type/*, then * /*. */
function quality(accept: string, type: string): number {
  const [major] = type.split('/');
  let best = -1;
  let bestSpecificity = -1;
  for (const part of accept.split(',')) {
    const [range = '', ...params] = part.trim().toLowerCase().split(';').map((s) => s.trim());
    const specificity = range === type ? 2 : range === `${major}/*` ? 1 : range === '*/*' ? 0 : -1;
    if (specificity < 0 || specificity < bestSpecificity) continue;
    const q = params.find((p) => p.startsWith('q='));
    const value = q ? Number(q.slice(2)) : 1;
    if (specificity > bestSpecificity) best = Number.isFinite(value) ? value : 0;
    bestSpecificity = specificity;
  }
  return best;
}

/**
 * True when the client should get HTML: `format` decides if given, then a strict preference in
 * Accept; otherwise the route's default (HTML for pages, JSON for the API).
 */
export function prefersHtml(accept: string | undefined, format: string | undefined, fallback: boolean): boolean {
  if (format === 'json') return false;
  if (format === 'html') return true;
  if (!accept) return fallback;
  const htmlQ = quality(accept, 'text/html');
  const jsonQ = quality(accept, 'application/json');
  if (htmlQ === jsonQ) return fallback;
  return htmlQ > jsonQ;
}
