/**
 * Applies the versioned migrations through the Data API. Not routed by the ALB: `npm run deploy`
 * invokes it after each deploy, so requests never migrate. Idempotent.
 */
import { describeError, log } from '../../shared/log.ts';
import { getStore } from '../../shared/runtime.ts';

export const handler = async (): Promise<{ applied: number[] }> => {
  try {
    const applied = await (await getStore()).migrate();
    log('info', 'migrated', { applied });
    return { applied };
  } catch (error) {
    log('error', 'migration failed', describeError(error));
    throw error;
  }
};
