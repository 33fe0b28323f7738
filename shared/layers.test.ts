/**
 * The layers run one way: the model at the bottom imports nothing of the project; db, text and
 * translate never reach the HTTP edge (http, operations); text never imports translate; and no
 * module imports itself through others, type-only imports included. The descriptors keep no HTML:
 * operations never import http. Read with the TypeScript compiler's own import scanner, over every
 * source the project has.
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '..');
const SOURCE_DIRS = ['functions', 'shared', 'scripts', 'test', 'resources'];
const CODE = /\.(ts|cts|mts|cjs|mjs|js)$/;

function sourcesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'generated') return [];
    if (statSync(join(ROOT, path)).isDirectory()) return sourcesUnder(path);
    return CODE.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The project files one file imports, requires or re-exports, by path from the root. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
  return importedFiles.flatMap(({ fileName }) => {
    if (!fileName.startsWith('.')) return [];
    const target = relative(ROOT, resolve(ROOT, dirname(file), fileName));
    return CODE.test(target) && existsSync(join(ROOT, target)) ? [target] : [];
  });
}

const FILES = SOURCE_DIRS.flatMap(sourcesUnder);
const GRAPH = new Map(FILES.map((file) => [file, importsOf(file)]));

/** Every import from a file under `from` of a file under one of `to`, as "importer → imported". */
const crossings = (from: string, to: readonly string[]) =>
  [...GRAPH].flatMap(([file, imports]) => (file.startsWith(from) ? imports.filter((target) => to.some((t) => target.startsWith(t))).map((target) => `${file} → ${target}`) : []));

/** The strongly connected components with more than one file, or a file importing itself (Tarjan). */
function cycles(): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const next of GRAPH.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || GRAPH.get(file)!.includes(file)) found.push(component.sort());
  };
  for (const file of FILES) if (!index.has(file)) visit(file);
  return found;
}

describe('the layers', () => {
  it('are read from every source, imports of all kinds included', () => {
    expect(GRAPH.get('shared/db/record.ts')).toContain('shared/model.ts');
    expect(GRAPH.get('shared/db/users.ts')).toContain('resources/functions.cjs');
    expect(GRAPH.get('resources/roles.cjs')).toContain('resources/functions.cjs');
  });

  it('have the model at the bottom: it imports nothing of the project', () => {
    expect(GRAPH.get('shared/model.ts')).toEqual([]);
  });

  it.each(['shared/db/', 'shared/text/', 'shared/translate/'])('never reach the HTTP edge from %s', (layer) => {
    expect(crossings(layer, ['shared/http/', 'shared/operations/'])).toEqual([]);
  });

  it('keep the operations\' HTML at the HTTP edge (shared/http/views)', () => {
    expect(crossings('shared/operations/', ['shared/http/'])).toEqual([]);
  });

  it('keep the text engines free of translation', () => {
    expect(crossings('shared/text/', ['shared/translate/'])).toEqual([]);
  });

  it('hold no import cycle, type-only imports included', () => {
    expect(cycles()).toEqual([]);
  });
});
