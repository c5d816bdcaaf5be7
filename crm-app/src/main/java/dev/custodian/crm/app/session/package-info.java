/** Wiring of the session feature. */
package dev.custodian.crm.app.session;
