// Types of the layering rule module (plain ESM, loaded by ESLint's config as well as the tests).
export declare const CORE_INFRASTRUCTURE: string[];
export declare const LAYERS: Array<[string, string[], string]>;
export declare function checkImport(from: string, spec: string): string | null;
declare const plugin: { rules: Record<string, unknown> };
export default plugin;
