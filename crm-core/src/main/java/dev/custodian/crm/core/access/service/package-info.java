/**
 * Services of access: {@link dev.custodian.crm.core.access.service.WorkspaceTransactions}, the one
 * way into a workspace's data, and the member, invitation and API-key use cases behind
 * {@link dev.custodian.crm.core.access.service.AccessServices}.
 */
package dev.custodian.crm.core.access.service;
