/** Services of the pipeline feature, its workspace initializer, and their factory, PipelineServices. */
package dev.custodian.crm.core.pipeline.service;
