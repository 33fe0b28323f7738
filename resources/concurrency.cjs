// Reserved concurrency of the functions whose `concurrency` stage parameter is set (resources/functions.cjs:
// translate's translateConcurrency, a cap on what a flood of requests can spend on Google); none
// when it is empty, since reserving fails on accounts whose concurrency quota is the new-account
// default (README, Deploying to AWS).
const { FUNCTIONS, resourceName } = require('./functions.cjs');
const { settings } = require('./stage.cjs');

module.exports = async ({ resolveVariable }) => {
  const { param } = await settings(resolveVariable);
  const reserved = await Promise.all(
    Object.entries(FUNCTIONS)
      .filter(([, { concurrency }]) => concurrency)
      .map(async ([name, { concurrency }]) => [name, await param(concurrency)]),
  );
  const extensions = Object.fromEntries(
    reserved
      .filter(([, raw]) => raw !== '' && raw !== undefined && raw !== null)
      // A positive whole number (resources/parameters.cjs).
      .map(([name, raw]) => [`${resourceName(name)}LambdaFunction`, { Properties: { ReservedConcurrentExecutions: Number(raw) } }]),
  );
  return Object.keys(extensions).length ? { extensions } : {};
};
