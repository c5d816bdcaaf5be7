/** The server's retention job: the lifecycle's scheduled sweeps. */
package dev.custodian.crm.app.retention;
