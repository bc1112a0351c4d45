/**
 * The database path shared by every feature: native SQL only through {@link app.glide.db.Sql}
 * (plain JDBC on the transaction's connection, statements counted), values of native rows
 * ({@link app.glide.db.SqlValues}), jsonb columns ({@link app.glide.db.JsonColumns}) and
 * {@code timestamptz} precision ({@link app.glide.db.DbTime}). Infrastructure: depends on no
 * feature and not on {@code web/}.
 */
package app.glide.db;
