/** Workspaces: the tenants that own every CRM record. */
package dev.custodian.crm.core.workspace;
