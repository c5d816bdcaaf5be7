package dev.custodian.crm.http.workspace;

/**
 * Body of {@code POST /api/v1/workspaces}: plain and lenient, validated by the core's command.
 *
 * @param slug optional; derived from the name when absent
 */
record CreateWorkspaceRequest(String name, String slug) {}
