/** Apertium, the offline rule-based engine: through its command line or an APy server. */
export { APERTIUM_PROVIDER, type ApertiumEngine } from './engine.ts';
export { createApertiumCliEngine, findApertiumCommand, type ApertiumCliOptions } from './command-line.ts';
export { createApertiumApyEngine, type ApertiumApyOptions } from './apy.ts';
