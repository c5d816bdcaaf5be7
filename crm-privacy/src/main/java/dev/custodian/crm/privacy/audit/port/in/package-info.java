/** In-ports of the audit trail: read, export and verify a workspace's chain; one's own sign-ins; forget a subject; verify every chain. */
package dev.custodian.crm.privacy.audit.port.in;
