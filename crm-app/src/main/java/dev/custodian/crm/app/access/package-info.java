/** Wiring of access: members, invitations and API keys. */
package dev.custodian.crm.app.access;
