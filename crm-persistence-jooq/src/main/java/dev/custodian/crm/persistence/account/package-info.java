/** The accounts table behind the account repository. */
package dev.custodian.crm.persistence.account;
