/**
 * Clean, correctly spelled texts for bench:spell's do-no-harm table: every change a corrector makes
 * to them is harm. Read from the machine (Debian's base-files and python3.11-doc) and from
 * ../shared/data; a kind whose source is missing is reported as missing, never replaced.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CleanText {
  kind: 'legal' | 'british' | 'technical' | 'names';
  source: string;
  /** Set when the source is not on this machine; `text` is then empty. */
  missing?: string;
  text: string;
}

const LICENSES = '/usr/share/common-licenses';
const PYTHON_DOCS = '/usr/share/doc/python3.11/html/_sources';

/** reStructuredText as the prose a reader sees: no literal blocks, directives, roles, inline code or markup. */
export function rstProse(rst: string): string {
  const out: string[] = [];
  let literal = false;
  let literalIndent = -1;
  for (const line of rst.split('\n')) {
    const indent = line.search(/\S/);
    if (literal) {
      if (indent === -1 || indent > literalIndent) continue;
      literal = false;
    }
    if (/^\s*\.\. /.test(line) || /^\s*[=\-~*^"#+`:.']{3,}\s*$/.test(line) || /^\s*(>>>|\.\.\.) /.test(line)) {
      if (/^\s*\.\. /.test(line)) [literal, literalIndent] = [true, indent];
      continue;
    }
    let prose = line;
    if (/::\s*$/.test(prose)) {
      [literal, literalIndent] = [true, indent];
      prose = prose.replace(/::\s*$/, ':');
    }
    prose = prose
      .replace(/:[a-z:]+:`[^`]*`/g, '')
      .replace(/``[^`]*``/g, '')
      .replace(/`([^`<]*?)\s*<[^>]*>`_+/g, '$1')
      .replace(/`([^`]*)`_*/g, '$1')
      .replace(/\*\*?([^*]+)\*\*?/g, '$1')
      .replace(/\|[^|]*\|/g, '');
    out.push(prose);
  }
  return out.join('\n');
}

function readIf(kind: CleanText['kind'], source: string, files: string[], read: (file: string) => string): CleanText {
  const absent = files.find((file) => !existsSync(file));
  if (files.length === 0 || absent) return { kind, source, missing: `${absent ?? source} not found`, text: '' };
  return { kind, source, text: files.map(read).join('\n\n') };
}

const pythonDocs = (folder: string) => (existsSync(join(PYTHON_DOCS, folder)) ? readdirSync(join(PYTHON_DOCS, folder)).filter((f) => f.endsWith('.rst.txt')).sort().map((f) => join(PYTHON_DOCS, folder, f)) : []);

/** The credits of Python's "What's New" documents: sentences naming the people who contributed each change. */
function credits(file: string): string {
  const text = readFileSync(file, 'utf8').replace(/\s+/g, ' ');
  const found = text.match(/\((?:Contributed|Patch|Written|Implemented|Suggested) by [^()]*\)/g) ?? [];
  return found.map((credit) => rstProse(credit).replace(/[;,]\s*(?=[;.)])/g, '').replace(/\s+/g, ' ')).join('\n');
}

/** The four kinds of clean text (British prose twice: 1813's and today's), at least 20,000 words in all when every source is present. */
export function cleanTexts(sharedData: string): CleanText[] {
  const sentences = join(sharedData, 'seg-sentences.jsonl');
  return [
    readIf('legal', 'GPL-3, Apache-2.0 and MPL-2.0 as Debian ships them (/usr/share/common-licenses)', ['GPL-3', 'Apache-2.0', 'MPL-2.0'].map((f) => join(LICENSES, f)), (f) => readFileSync(f, 'utf8')),
    readIf('british', "Pride and Prejudice (Jane Austen, public domain): ../shared/data's 200 sentences", [sentences], (f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as { sentence: string }).sentence)
        .join(' '),
    ),
    readIf('british', "Modern British prose written for this bench (scripts/data/british-prose.txt, this project's licence): a town's news", [join(import.meta.dirname, 'data', 'british-prose.txt')], (f) => readFileSync(f, 'utf8')),
    readIf('technical', "Python 3.11's tutorial (python3.11-doc, PSF licence), prose without code", pythonDocs('tutorial'), (f) => rstProse(readFileSync(f, 'utf8'))),
    readIf('names', "The credits in Python's What's New 2.0–3.11 (python3.11-doc): contributors' names", pythonDocs('whatsnew').filter((f) => !/changelog|index/.test(f)), credits),
  ];
}

export const wordCount = (text: string): number => text.match(/\p{L}[\p{L}\p{M}'’-]*/gu)?.length ?? 0;
