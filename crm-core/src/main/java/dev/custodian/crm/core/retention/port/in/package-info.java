/** In-ports of the retention engine: a run (real or dry) and its history. */
package dev.custodian.crm.core.retention.port.in;
