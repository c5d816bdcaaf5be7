/** Out-port of the retention engine: the due rows it counts and deletes in batches, and its runs. */
package dev.custodian.crm.core.retention.port.out;
