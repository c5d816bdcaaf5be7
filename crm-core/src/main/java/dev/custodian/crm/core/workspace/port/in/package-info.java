/** In-ports of the workspace feature: use cases, their commands, and the WorkspaceUseCases record. */
package dev.custodian.crm.core.workspace.port.in;
