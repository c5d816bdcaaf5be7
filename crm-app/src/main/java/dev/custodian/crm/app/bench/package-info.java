/**
 * {@code bench api}: the request cost of the server, measured in-process against a bare JDBC
 * ceiling on the same scratch database, printed as one table; {@code bench [--rows ...]}: the
 * import and the list exports against PostgreSQL's {@code COPY} on such a database.
 */
package dev.custodian.crm.app.bench;
