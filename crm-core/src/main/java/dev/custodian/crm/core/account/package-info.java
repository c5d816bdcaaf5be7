/** Accounts: the platform-level people who sign up and later act in workspaces; their data is personal data. */
package dev.custodian.crm.core.account;
