/**
 * {@code bench api}: the request cost of the server, measured in-process against a bare JDBC
 * ceiling on the same scratch database, printed as one table.
 */
package dev.custodian.crm.app.bench;
