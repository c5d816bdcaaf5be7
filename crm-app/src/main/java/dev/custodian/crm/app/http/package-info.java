/** Wiring of the HTTP API. */
package dev.custodian.crm.app.http;
