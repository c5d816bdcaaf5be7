package dev.custodian.crm.http.pipeline;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a merge patch of {@code PATCH .../pipelines/{pipelineId}} may hold (documentation: the
 * handler reads the patch field by field).
 *
 * @param isDefault only {@code true}: the old default then stops being one
 */
record PipelineChanges(String name, @JsonProperty("isDefault") Boolean isDefault) {}
