/** The workspaces table behind the workspace repository. */
package dev.custodian.crm.persistence.workspace;
