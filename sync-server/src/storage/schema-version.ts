/**
 * A database whose schema is newer than the code, refused the same way by both dialects: a server of
 * an older release would write rows without the columns a newer one relies on, or misread them.
 */
export class NewerSchemaError extends Error {
  override readonly name = 'NewerSchemaError';

  constructor(
    /** Which database, as a person finds it: "the SQLite file data/kassa.db", "the PostgreSQL database kassa". */
    readonly database: string,
    /** The schema version the database is at. */
    readonly found: number,
    /** The newest schema version this code knows. */
    readonly known: number,
  ) {
    super(
      `${database} is at schema version ${found}, newer than this server's ${known}: a newer release of Kassa has used it. ` +
        `Run that release (or a later one) on it; this one leaves it untouched.`,
    );
  }
}
