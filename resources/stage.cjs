// What the template builders read about the stage. They decide at package time what the stage
// deploys, so the template holds no condition that is constant for it (cfn-lint W8003). A deployed
// stage's parameters are checked by resources/parameters.cjs.
const settings = async (resolveVariable) => {
  const stage = await resolveVariable('sls:stage');
  return {
    stage,
    // serverless-offline serves the local stage; it is never packaged or deployed.
    deployed: stage !== 'local',
    param: (name) => resolveVariable(`param:${name}`),
    region: () => resolveVariable('self:provider.region'),
  };
};

/** A stage parameter that is on: true, or 'true' when it came from the command line. */
const isOn = (value) => value === true || value === 'true';

/** An error that serverless prints as its message alone: a mistake in the stage's parameters, not a bug. */
const configurationError = (message) => Object.assign(new Error(message), { stack: `Error: ${message}` });

module.exports = { settings, isOn, configurationError };
