/** Out-ports of the pipeline feature: its repository. */
package dev.custodian.crm.core.pipeline.port.out;
