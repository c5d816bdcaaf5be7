/** The tables of erasure receipts and suppression entries. */
package dev.custodian.crm.persistence.erasure;
