/** The workspace routes, behind WorkspaceApi. */
package dev.custodian.crm.http.workspace;
