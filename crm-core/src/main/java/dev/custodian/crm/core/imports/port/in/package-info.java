/** In-ports of the import feature: start, read, list, cancel a job, and its error rows. */
package dev.custodian.crm.core.imports.port.in;
