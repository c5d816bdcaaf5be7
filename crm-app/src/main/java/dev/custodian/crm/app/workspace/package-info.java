/** Wiring of the workspace feature. */
package dev.custodian.crm.app.workspace;
