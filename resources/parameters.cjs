// The stage's parameters, checked when the template is built, so a value AWS would refuse fails
// `serverless package` with what to pass instead of failing the deploy halfway. The limits are
// AWS's: docs/deployment.md lists them with the parameters. As serverless.yml's first resources
// entry it adds no resources; it fails alone, with every problem in one message.
const { configurationError, settings } = require('./stage.cjs');

// The stages serverless.yml has values for; local is serverless offline's, never deployed.
const BASE_STAGES = ['dev', 'prod'];
// CloudWatch Logs accepts only these retention periods (days).
const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];
// AWS WAF rate-based rules: at least 10 requests per evaluation window, at most 2 billion.
const RATE_LIMIT = { min: 10, max: 2_000_000_000 };
const RATE_LIMITS = ['rateLimitPerIp', 'translateRateLimitPerIp', 'translateRateLimitTotal'];
// Aurora Serverless v2, in steps of 0.5 ACU: the minimum 0 (auto-pause) to 256, the maximum 1 to 256.
const CAPACITY = { minCapacity: { min: 0, max: 256 }, maxCapacity: { min: 1, max: 256 } };
const DB_LOG_TYPES = ['audit', 'error', 'general', 'slowquery'];
const BOOLEANS = ['deletionProtection', 'accessLogs', 'wafLogs'];

const shown = (value) => JSON.stringify(value ?? '');
const isBoolean = (value) => [true, false, 'true', 'false'].includes(value);
const isIntegerIn = (value, { min, max }) => value !== '' && Number.isSafeInteger(Number(value)) && Number(value) >= min && Number(value) <= max;

/** The Aurora log types to export: the dbLogExports parameter, a comma-separated list, empty for none. */
const dbLogTypes = (value) => String(value ?? '').split(',').map((type) => type.trim()).filter(Boolean);

/** What is wrong with a stage that is neither local nor a base stage, or with its base. */
const stageProblem = (stage, baseStage) => {
  if (BASE_STAGES.includes(stage)) {
    return baseStage === stage ? undefined : `baseStage is for stages other than ${BASE_STAGES.join(' and ')}; stage "${stage}" is one, got baseStage=${shown(baseStage)}`;
  }
  if (BASE_STAGES.includes(baseStage)) return undefined;
  const pass = BASE_STAGES.map((base) => `--param="baseStage=${base}"`).join(' or ');
  return `stage "${stage}" is not one of ${['local', ...BASE_STAGES].join(', ')}: name the stage whose settings it takes with ${pass}` +
    (baseStage === stage ? '' : `, got baseStage=${shown(baseStage)}`);
};

const certificateProblem = (stage, arn, region) => {
  if (!arn) {
    return `certificateArn is required for stage "${stage}": its HTTPS listener needs an ACM certificate in the stack's region. ` +
      'Pass --param="certificateArn=arn:aws:acm:<region>:<account>:certificate/<id>" or set CERTIFICATE_ARN.';
  }
  const match = /^arn:aws(?:-[a-z]+)*:acm:([a-z0-9-]+):\d{12}:certificate\/[A-Za-z0-9-]+$/.exec(arn);
  if (!match) return `certificateArn must be an ACM certificate ARN, arn:aws:acm:<region>:<12-digit account>:certificate/<id>; got ${shown(arn)}`;
  if (match[1] !== region) return `certificateArn must be a certificate in the stack's region ${region} (a load balancer uses only its own region's certificates); got one in ${match[1]}`;
  return undefined;
};

const capacityProblems = (values) => {
  const problems = Object.entries(CAPACITY).flatMap(([name, { min, max }]) => {
    const acu = Number(values[name]);
    const ok = values[name] !== '' && values[name] !== null && Number.isFinite(acu) && acu >= min && acu <= max && Number.isInteger(acu * 2);
    return ok ? [] : [`${name} must be ${min} to ${max} ACUs in steps of 0.5, got ${shown(values[name])}`];
  });
  if (problems.length === 0 && Number(values.minCapacity) > Number(values.maxCapacity)) {
    problems.push(`minCapacity (${values.minCapacity}) must not exceed maxCapacity (${values.maxCapacity})`);
  }
  return problems;
};

/** Every problem with the parameters of a deployed stage, each saying what is allowed and what was given. */
const parameterProblems = async ({ stage, param, region }) => {
  const names = ['baseStage', 'certificateArn', 'alarmEmail', 'translateConcurrency', 'logRetentionDays', 'accessLogRetentionDays', 'dbLogExports', ...RATE_LIMITS, ...Object.keys(CAPACITY), ...BOOLEANS];
  const values = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await param(name)])));
  const stageIssue = stageProblem(stage, values.baseStage);
  // An unknown stage has no values of its own: everything below would only repeat it.
  if (stageIssue && !BASE_STAGES.includes(stage)) return [stageIssue];
  const unknownLogTypes = dbLogTypes(values.dbLogExports).filter((type) => !DB_LOG_TYPES.includes(type));
  return [
    stageIssue,
    certificateProblem(stage, values.certificateArn, await region()),
    values.alarmEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.alarmEmail) ? `alarmEmail must be an e-mail address, got ${shown(values.alarmEmail)}` : undefined,
    ['', null, undefined].includes(values.translateConcurrency) || isIntegerIn(values.translateConcurrency, { min: 1, max: Number.MAX_SAFE_INTEGER })
      ? undefined
      : `translateConcurrency must be a positive whole number, or empty for none, got ${shown(values.translateConcurrency)}`,
    ...RATE_LIMITS.map((name) =>
      isIntegerIn(values[name], RATE_LIMIT) ? undefined : `${name} must be a whole number of requests from ${RATE_LIMIT.min} (AWS WAF's minimum) to ${RATE_LIMIT.max}, got ${shown(values[name])}`,
    ),
    ...capacityProblems(values),
    LOG_RETENTION_DAYS.includes(Number(values.logRetentionDays))
      ? undefined
      : `logRetentionDays must be one of CloudWatch Logs' retention periods (${LOG_RETENTION_DAYS.join(', ')}), got ${shown(values.logRetentionDays)}`,
    isIntegerIn(values.accessLogRetentionDays, { min: 1, max: Number.MAX_SAFE_INTEGER }) ? undefined : `accessLogRetentionDays must be a whole number of days, at least 1, got ${shown(values.accessLogRetentionDays)}`,
    ...BOOLEANS.map((name) => (isBoolean(values[name]) ? undefined : `${name} must be true or false, got ${shown(values[name])}`)),
    unknownLogTypes.length ? `dbLogExports must list Aurora MySQL log types (${DB_LOG_TYPES.join(', ')}) separated by commas, got ${shown(values.dbLogExports)}` : undefined,
  ].filter(Boolean);
};

const checkParameters = async ({ resolveVariable }) => {
  const stageSettings = await settings(resolveVariable);
  if (!stageSettings.deployed) return {};
  const problems = await parameterProblems(stageSettings);
  if (problems.length === 1) throw configurationError(problems[0]);
  if (problems.length > 1) throw configurationError(`The parameters of stage "${stageSettings.stage}" have ${problems.length} problems:\n- ${problems.join('\n- ')}`);
  return {};
};

module.exports = Object.assign(checkParameters, { dbLogTypes });
