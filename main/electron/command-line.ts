// `deckhand [--data-dir DIR]`. Read from argv by hand rather than with util.parseArgs: Electron
// and Chromium put their own switches in argv (and Playwright adds --inspect and
// --remote-debugging-port), which a strict parser would reject.

/** The `--data-dir` value in `argv`, resolved by the caller; null when absent. */
export function dataDirFromArgv(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--data-dir=')) return nonEmpty(arg.slice('--data-dir='.length));
    if (arg === '--data-dir') return nonEmpty(argv[i + 1]);
  }
  return null;
}

function nonEmpty(value: string | undefined): string {
  if (value === undefined || value === '' || value.startsWith('--')) throw new Error('--data-dir needs a folder, as in --data-dir ~/Deckhand-test');
  return value;
}
