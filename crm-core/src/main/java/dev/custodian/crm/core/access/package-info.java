/**
 * Who acts and with which role: the {@link dev.custodian.crm.core.access.Actor} a use case runs
 * for, the four {@link dev.custodian.crm.core.access.Role}s of a workspace member, and
 * {@link dev.custodian.crm.core.access.service.WorkspaceTransactions}, the one way into a workspace's data.
 */
package dev.custodian.crm.core.access;
