/** In-ports of the pipeline feature: use cases, their commands, and the PipelineUseCases record. */
package dev.custodian.crm.core.pipeline.port.in;
