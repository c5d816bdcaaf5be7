/** HTTP adapter of access: a workspace's members, invitations and API keys. */
package dev.custodian.crm.http.access;
