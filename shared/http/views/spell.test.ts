/** The spelling result page's findings: grouped by word, worded for a reader, placed in the output for the script. */
import { describe, expect, test } from '@jest/globals';
import { spellView } from './spell.ts';

const details = (text: ReturnType<typeof spellView.resultDetails>) => String(text);

describe('the spelling result page', () => {
  test('says "No mistakes found" when there are none', () => {
    expect(details(spellView.resultDetails({ corrections: [], flags: [] }))).toBe('<p class="ok">No mistakes found.</p>');
  });

  test('groups a repeated flag by word with a count, and words a code-like one as such', () => {
    const flags = [0, 20, 40].map((offset) => ({ offset, length: 9, original: 'Pittsburg', reason: 'name', alternatives: [] }));
    const page = details(spellView.resultDetails({ corrections: [], flags: [...flags, { offset: 60, length: 8, original: 'McKinsey', reason: 'ignored', alternatives: [] }] }));
    expect(page).toContain('<h2>Left as written (4)</h2>');
    expect(page).toContain('<li data-at="0 20 40" data-from="Pittsburg">Pittsburg <span class="count">×3</span> <span class="muted">a name</span></li>');
    expect(page).toContain('<code>McKinsey</code> <span class="muted">looks like code (mixed case, digits or symbols), so not checked</span>');
    expect(page).not.toContain('(ignored)');
  });

  test('places each finding in the output, after the corrections before it changed its length', () => {
    // "Thhe cat sat on teh mat": "Thhe" → "The" moves everything after it one place left.
    const page = details(
      spellView.resultDetails({
        corrections: [
          { offset: 0, length: 4, original: 'Thhe', replacement: 'The', alternatives: ['Thee'] },
          { offset: 16, length: 3, original: 'teh', replacement: 'the', alternatives: [] },
        ],
        flags: [{ offset: 9, length: 3, original: 'sat', reason: 'context', alternatives: ['set'] }],
      }),
    );
    expect(page).toContain('<li data-at="0" data-from="The"><del>Thhe</del> → <span class="choice" data-to="The">The</span>; also <span class="choice" data-to="Thee">Thee</span></li>');
    expect(page).toContain('<li data-at="15" data-from="the"><del>teh</del> → the</li>');
    expect(page).toContain('<li data-at="8" data-from="sat"><span class="choice" data-to="sat">sat</span> <span class="muted">a real word, but perhaps not the one meant here</span>; also <span class="choice" data-to="set">set</span></li>');
  });

  test('names the variant it checked against', () => {
    expect(String(spellView.sourceNote!({ language: 'en-GB', variant: 'en-GB' }, 'en-GB'))).toBe('<p>Checked as British English (en-GB).</p>');
    expect(String(spellView.sourceNote!({ language: 'en', variant: 'en-US' }, 'en'))).toBe(
      "<p>Checked as American English (en-US), the variant the text reads as; every variant's spellings count as correct.</p>",
    );
  });
});
