import { expect, it } from '@jest/globals';
import { html } from './html.ts';

it('escapes every interpolated value, including inside attributes and arrays', () => {
  const evil = `"><script>alert('x')</script>&`;
  const out = html`<a title="${evil}">${[evil, html`<b>${evil}</b>`]}</a>`.value;
  expect(out).toBe(
    '<a title="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;">' +
      '&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;<b>&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;</b></a>',
  );
});

it('renders nothing for null, undefined and false', () => {
  expect(html`[${null}${undefined}${false}${0}]`.value).toBe('[0]');
});
