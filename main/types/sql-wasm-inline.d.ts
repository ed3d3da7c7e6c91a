// sql.js ships types for its main entry only; the inlined-WebAssembly build has the same API.
declare module 'sql.js/dist/sql-wasm-inline.js' {
  import type initSqlJs from 'sql.js';
  const init: typeof initSqlJs;
  export default init;
}
