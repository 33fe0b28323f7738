// The stack's functions by their CloudFormation name prefix (serverless.yml's `home` is
// HomeLambdaFunction): the routed ones with their listener rule's path (one per operation of
// shared/operations, which test/stack checks), then migrate, which nothing routes to.
const ROUTED_FUNCTIONS = { Home: '/', Spell: '/api/spell', Space: '/api/space', Translate: '/api/translate' };
const FUNCTIONS = [...Object.keys(ROUTED_FUNCTIONS), 'Migrate'];

module.exports = { FUNCTIONS, ROUTED_FUNCTIONS };
