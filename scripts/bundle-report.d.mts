/** Types for the helpers of bundle-report.mjs that the browser tests use. */
export type Manifest = Record<
  string,
  { file: string; src?: string; isEntry?: boolean; isDynamicEntry?: boolean; imports?: string[]; css?: string[] }
>;
export const CLIENT_DIR: string;
export const LAZY: { media: string[]; moderator: string[]; board: string[]; locales: string[] };
export function readManifest(dir?: string): Manifest;
export function entryKey(manifest: Manifest): string;
export function filesOf(manifest: Manifest, keys: string[]): Set<string>;
export function exclusiveFiles(manifest: Manifest, group: keyof typeof LAZY): string[];
