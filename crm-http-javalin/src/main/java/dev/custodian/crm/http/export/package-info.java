/**
 * HTTP adapter: list exports as CSV or NDJSON, streamed as the snapshot's rows arrive.
 */
package dev.custodian.crm.http.export;
