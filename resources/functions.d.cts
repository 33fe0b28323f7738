// The shape of the function manifest (functions.cjs) for TypeScript.
export type Privilege = 'SELECT' | 'INSERT' | 'UPDATE';

export interface TableGrant {
  table: string;
  privileges: readonly Privilege[];
}

export interface ListenerRule {
  priority: number;
  /** At most three: a listener rule's path condition takes no more. */
  paths: readonly string[];
}

export interface FunctionSpec {
  description?: string;
  /** None: nothing routes to the function. */
  rules?: readonly ListenerRule[];
  memorySize?: number;
  timeout?: number;
  database: { user: string; grants: readonly TableGrant[] } | { master: true };
  /** Stage parameters naming secrets its role may read beyond its database secret. */
  secrets?: readonly string[];
  /** The stage parameter that reserves its concurrency. */
  concurrency?: string;
  environment?: Readonly<Record<string, string>>;
}

export declare const FUNCTIONS: Readonly<Record<string, FunctionSpec>>;
export declare const resourceName: (name: string) => string;
export declare const serverless: () => Record<string, unknown>;
