/** Wiring: imports, their routes, this instance's workers. */
package dev.custodian.crm.app.imports;
