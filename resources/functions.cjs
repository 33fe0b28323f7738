// The stack's functions by their CloudFormation name prefix (serverless.yml's `home` is HomeLambdaFunction).
const FUNCTIONS = ['Home', 'Spell', 'Space', 'Translate', 'Migrate'];

module.exports = { FUNCTIONS };
