/** Persistence adapter of the retention engine: batched deletes of due rows, a purge's progress and the runs' history. */
package dev.custodian.crm.persistence.retention;
