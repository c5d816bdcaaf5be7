/** Wiring of erasure. */
package dev.custodian.crm.app.erasure;
