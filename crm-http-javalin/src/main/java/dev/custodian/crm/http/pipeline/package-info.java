/** The pipeline and stage routes, behind PipelineApi. */
package dev.custodian.crm.http.pipeline;
