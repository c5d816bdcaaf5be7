/**
 * Exports: a list's rows (contacts, companies, deals) with the list's own filters, search and
 * sort, read in one snapshot transaction and handed to a sink as they are read; the format (CSV,
 * NDJSON) is the adapter's.
 */
package dev.custodian.crm.core.export;
