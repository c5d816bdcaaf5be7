package dev.custodian.crm.http.pipeline;

/**
 * Body of {@code POST .../pipelines/{pipelineId}/stages}: a new OPEN stage.
 *
 * @param kind optional; {@code open} if given (a pipeline has its one WON and one LOST stage)
 * @param position optional, its place among the OPEN stages from 1; after the last one by default
 */
record AddStageRequest(String name, String kind, Integer probability, Integer position) {}
