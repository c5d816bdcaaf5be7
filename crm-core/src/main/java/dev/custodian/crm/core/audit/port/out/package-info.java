/** Out-ports of the audit trail: the log that use cases append to, and the raw store under it. */
package dev.custodian.crm.core.audit.port.out;
