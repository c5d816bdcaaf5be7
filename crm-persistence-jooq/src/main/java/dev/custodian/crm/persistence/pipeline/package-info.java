/** The pipelines and pipeline_stages tables behind the pipeline repository. */
package dev.custodian.crm.persistence.pipeline;
