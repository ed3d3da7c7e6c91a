// The renderer as the build makes it: minified, the first screen's JavaScript within its budget,
// and the heavy screens (uPlot's Statistics, Import and export, the editor, the reader) left out of
// it, in chunks of their own that only `import()` reaches.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRenderer, FIRST_SCREEN_BUDGET_BYTES } from '../../scripts/renderer-build.mjs';
import { tempDir } from './temp-dir.ts';

describe('the renderer bundle', () => {
  it('loads no more than its budget of JavaScript for the first screen, and the heavy screens later', async () => {
    const out = tempDir();
    const { firstScreen, metafile } = await buildRenderer(out, { sourcemap: false });
    expect(firstScreen.gzipBytes).toBeGreaterThan(0);
    expect(firstScreen.gzipBytes).toBeLessThanOrEqual(FIRST_SCREEN_BUDGET_BYTES);
    const firstInputs = firstScreen.files.flatMap((f) => f.inputs);
    for (const heavy of ['node_modules/uplot/', 'renderer/screens/Statistics.tsx', 'renderer/screens/Transfer.tsx', 'renderer/screens/Editor.tsx', 'renderer/screens/Article.tsx', 'renderer/bar-chart.tsx']) {
      expect(firstInputs.filter((input) => input.startsWith(heavy)), heavy).toEqual([]);
      // …yet each is in the build, reached by a dynamic import.
      expect(Object.values(metafile.outputs).some((o) => Object.entries(o.inputs).some(([input, i]) => input.startsWith(heavy) && i.bytesInOutput > 0)), heavy).toBe(true);
    }
    // Minified: far fewer lines than the source it comes from.
    const app = readFileSync(path.join(out, 'app.js'), 'utf8');
    expect(app.split('\n').length).toBeLessThan(50);
  });
});
