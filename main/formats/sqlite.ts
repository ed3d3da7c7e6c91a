// SQLite for reading and writing Anki collections, through sql.js (SQLite compiled to WebAssembly).
// The build with the WebAssembly inlined is used so the bundled main process, the preview and the
// CLI need no file beside them to find. One instance is made on first use and shared.
import initSqlJs from 'sql.js/dist/sql-wasm-inline.js';
import type { Database, SqlJsStatic } from 'sql.js';

export type { Database } from 'sql.js';

let loading: Promise<SqlJsStatic> | null = null;

export function sqlite(): Promise<SqlJsStatic> {
  if (!loading) loading = initSqlJs();
  return loading;
}

/**
 * Opens a database held in memory (a new, empty one without bytes).
 *
 * Schema-18 Anki collections declare names with Anki's own `unicase` collation, and SQLite refuses
 * any query that sorts or indexes by a collation it does not know. sql.js cannot register one, so
 * the schema text is rewritten to `nocase` (also case-insensitive) in this in-memory copy; the
 * file on disk is never touched.
 */
export async function openDatabase(bytes?: Uint8Array): Promise<Database> {
  const SQL = await sqlite();
  const db = new SQL.Database(bytes);
  if (!bytes) return db;
  const usesUnicase = db.exec("SELECT 1 FROM sqlite_master WHERE sql LIKE '%unicase%' LIMIT 1").length > 0;
  if (!usesUnicase) return db;
  db.exec("PRAGMA writable_schema=ON; UPDATE sqlite_master SET sql = replace(sql, 'unicase', 'nocase') WHERE sql LIKE '%unicase%'; PRAGMA writable_schema=RESET;");
  const rewritten = db.export();
  db.close();
  return new SQL.Database(rewritten);
}
