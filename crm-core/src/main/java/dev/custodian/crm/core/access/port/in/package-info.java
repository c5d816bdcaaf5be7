/** In-ports of access: members, invitations and API keys of a workspace. */
package dev.custodian.crm.core.access.port.in;
