import type { Metafile } from 'esbuild';

export const FIRST_SCREEN_BUDGET_BYTES: number;
export interface FirstScreen {
  files: { file: string; gzipBytes: number; inputs: string[] }[];
  gzipBytes: number;
}
export function buildRenderer(outdir: string, options?: { sourcemap?: boolean }): Promise<{ metafile: Metafile; firstScreen: FirstScreen }>;
export function firstScreenScripts(metafile: Metafile, outdir: string): FirstScreen;
