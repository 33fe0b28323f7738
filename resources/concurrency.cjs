// Reserved concurrency of translate, a cap on what a flood of requests can spend on Google, from the
// translateConcurrency parameter; omitted when it is empty, since reserving fails on accounts whose
// concurrency quota is the new-account default (README, Deploying to AWS).
const { configurationError, settings } = require('./stage.cjs');

module.exports = async ({ resolveVariable }) => {
  const raw = await (await settings(resolveVariable)).param('translateConcurrency');
  if (raw === '' || raw === undefined || raw === null) return {};
  const reserved = Number(raw);
  if (!Number.isSafeInteger(reserved) || reserved < 1) throw configurationError(`translateConcurrency must be a positive integer, got "${raw}"`);
  return { extensions: { TranslateLambdaFunction: { Properties: { ReservedConcurrentExecutions: reserved } } } };
};
