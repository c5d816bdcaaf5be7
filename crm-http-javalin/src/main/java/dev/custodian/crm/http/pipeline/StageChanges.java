package dev.custodian.crm.http.pipeline;

/**
 * What a merge patch of {@code PATCH .../pipelines/{pipelineId}/stages/{stageId}} may hold
 * (documentation: the handler reads the patch field by field). A stage's kind never changes.
 *
 * @param position an OPEN stage's place among the OPEN stages, from 1
 */
record StageChanges(String name, Integer probability, Integer position) {}
