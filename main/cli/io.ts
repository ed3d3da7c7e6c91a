// Where a command writes: standard output for its answer, standard error for the rest.
export interface Io {
  out(line: string): void;
  err(line: string): void;
}
