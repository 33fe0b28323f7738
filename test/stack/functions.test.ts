/** The function manifest (resources/functions.cjs) against what it must agree with: the operations, docs/openapi.yaml, the handlers and the listener's limits. */
import { describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FUNCTIONS } from '../../resources/functions.cjs';
import { DATABASE_USERS } from '../../shared/db/users.ts';
import { OPERATIONS } from '../../shared/model.ts';
import openapi from '../../docs/openapi.yaml';

const ROOT = join(import.meta.dirname, '..', '..');
const routed = Object.entries(FUNCTIONS).filter(([, { rules }]) => rules);
const rules = routed.flatMap(([, fn]) => fn.rules!);
const pathsOf = (name: string) => FUNCTIONS[name]?.rules?.flatMap((rule) => rule.paths);

describe('the function manifest', () => {
  it.each(OPERATIONS)('routes the operation %s to a function of its own, of the same name, at /api/<name>', (name) => {
    expect(pathsOf(name)).toEqual([`/api/${name}`]);
  });

  it('routes exactly the paths docs/openapi.yaml lists, each once', () => {
    const paths = rules.flatMap((rule) => rule.paths);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths.sort()).toEqual(Object.keys((openapi as { paths: object }).paths).sort());
  });

  it('gives each listener rule its own priority and at most three paths, the most a path condition takes', () => {
    expect(new Set(rules.map((rule) => rule.priority)).size).toBe(rules.length);
    for (const rule of rules) expect(rule.paths.length).toBeGreaterThanOrEqual(1);
    for (const rule of rules) expect(rule.paths.length).toBeLessThanOrEqual(3);
  });

  it('names functions whose handlers exist', () => {
    for (const name of Object.keys(FUNCTIONS)) expect(existsSync(join(ROOT, 'functions', name, 'handler.ts'))).toBe(true);
  });

  it('gives every routed function a database user with grants, and the unrouted migrate the master user', () => {
    expect(Object.keys(DATABASE_USERS)).toEqual(routed.map(([name]) => name));
    for (const [name, { database }] of routed) expect(database).toEqual({ user: `text_${name}`, grants: DATABASE_USERS[name] });
    expect(FUNCTIONS.migrate).toEqual(expect.objectContaining({ database: { master: true } }));
    expect(FUNCTIONS.migrate!.rules).toBeUndefined();
  });
});
