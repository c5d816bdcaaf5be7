/** Out-ports of the workspace feature: the workspace repository, which is also the directory of workspaces. */
package dev.custodian.crm.core.workspace.port.out;
