import { describe, expect, it } from '@jest/globals';
import { prefersHtml } from './negotiate.ts';

describe('prefersHtml', () => {
  it.each<[string | undefined, string | undefined, boolean, boolean]>([
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', undefined, false, true], // a browser
    ['application/json', undefined, true, false],
    ['*/*', undefined, false, false], // curl: the route's default
    ['*/*', undefined, true, true],
    [undefined, undefined, true, true],
    ['text/html;q=0.5, application/json', undefined, true, false],
    ['text/*', undefined, false, true],
    ['text/html', 'json', true, false], // format wins
    ['application/json', 'html', false, true],
  ])('Accept %s, format %s, default html %s → %s', (accept, format, fallback, expected) => {
    expect(prefersHtml(accept, format, fallback)).toBe(expected);
  });
});
