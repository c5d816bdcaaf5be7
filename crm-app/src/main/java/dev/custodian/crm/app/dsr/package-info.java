/** Wiring of data-subject requests and their packages. */
package dev.custodian.crm.app.dsr;
