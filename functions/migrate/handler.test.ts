import { expect, it } from '@jest/globals';
import { handler } from './handler.ts';
import { MIGRATIONS } from '../../shared/db/sql.ts';

it('applies every pending migration once, then nothing', async () => {
  expect(await handler()).toEqual({ applied: MIGRATIONS.map((m) => m.version), users: [] });
  expect(await handler()).toEqual({ applied: [], users: [] });
});
