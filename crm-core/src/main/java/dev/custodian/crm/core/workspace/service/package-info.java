/** Services of the workspace feature and their factory, WorkspaceServices. */
package dev.custodian.crm.core.workspace.service;
