/** The one way into a workspace's data, for its members: {@link dev.custodian.crm.core.access.service.WorkspaceTransactions}. */
package dev.custodian.crm.core.access.service;
