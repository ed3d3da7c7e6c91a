// The bundled entry of `deckhand` (dist/cli.mjs): the real terminal as the CLI's output.
import { runCli } from './deckhand.ts';

export function main(argv: string[]): Promise<number> {
  return runCli(argv, { out: (line) => console.log(line), err: (line) => console.error(line) });
}
