/** Wiring of the account feature. */
package dev.custodian.crm.app.account;
