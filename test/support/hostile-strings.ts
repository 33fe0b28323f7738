/** Text and ids that must stay data: markup, script, event handlers, SQL, quotes, emoji and mixed scripts. */

export const HOSTILE_TEXTS: readonly string[] = [
  `<script>window.__pwned = 1; alert('xss')</script>`,
  `<img src=x onerror="window.__pwned = 2; alert(2)">`,
  `"><svg onload=alert(3)><a href="javascript:alert(4)">click</a>`,
  `</textarea><iframe srcdoc="<script>alert(5)</script>"></iframe></td></tr></table>`,
  `'; DROP TABLE records; -- and " OR "1"="1 /* */ UNION SELECT * FROM schema_migrations`,
  `Robert'); DELETE FROM records WHERE ('1'='1`,
  `{{constructor.constructor('alert(6)')()}} \${alert(7)} <%= 7*7 %>`,
  `emoji 😀👩‍👩‍👧‍👦🏳️‍🌈 "double" 'single' \`back\` ‘curly’ «guillemets»`,
  `mixed: English, Ελληνικά, русский, العربية, עברית, 中文, 日本語, 한국어, हिन्दी`,
  `line one\nline two\r\n\ttabbed & ampersand &amp; &lt;not a tag&gt; \\ backslash`,
];

export const HOSTILE_IDS: readonly string[] = [
  `<script>alert('id')</script>`,
  `"><img src=x onerror=alert(1)>`,
  `' OR '1'='1`,
  `a&b <i onmouseover="alert(1)">hover</i>`,
  `emoji 😀 "id"`,
  `👩‍💻 with a zero-width joiner`,
];
