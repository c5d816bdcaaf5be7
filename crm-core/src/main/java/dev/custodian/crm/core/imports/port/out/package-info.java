/** Out-ports of the import feature: the jobs with their staged and error rows, the queue, the duplicate lookups. */
package dev.custodian.crm.core.imports.port.out;
