/** Wiring: the list exports. */
package dev.custodian.crm.app.export;
