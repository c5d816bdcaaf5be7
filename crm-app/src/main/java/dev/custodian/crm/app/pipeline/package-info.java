/** Wiring of the pipeline feature. */
package dev.custodian.crm.app.pipeline;
