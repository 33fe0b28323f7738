// Reserved concurrency of translate, a cap on what a flood of requests can spend on Google, from the
// translateConcurrency parameter; omitted when it is empty, since reserving fails on accounts whose
// concurrency quota is the new-account default (README, Deploying to AWS).
const { settings } = require('./stage.cjs');

module.exports = async ({ resolveVariable }) => {
  const raw = await (await settings(resolveVariable)).param('translateConcurrency');
  if (raw === '' || raw === undefined || raw === null) return {};
  // A positive whole number (resources/parameters.cjs).
  return { extensions: { TranslateLambdaFunction: { Properties: { ReservedConcurrentExecutions: Number(raw) } } } };
};
