export declare const ROUTED_FUNCTIONS: Readonly<Record<string, string>>;
export declare const FUNCTIONS: readonly string[];
