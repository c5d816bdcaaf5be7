/** Wiring of the published data map. */
package dev.custodian.crm.app.datamap;
