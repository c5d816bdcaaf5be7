package dev.custodian.crm.core.deal.service;

import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.pipeline.Pipeline;
import dev.custodian.crm.core.pipeline.PipelineId;
import dev.custodian.crm.core.pipeline.Stage;
import dev.custodian.crm.core.pipeline.StageId;
import dev.custodian.crm.core.pipeline.port.out.PipelineRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;

/** How a deal's use cases find the pipeline and stage a deal names: a 400 on the field otherwise. */
final class Stages {

  private Stages() {}

  static Pipeline pipeline(PipelineRepository pipelines, WorkspaceId workspace, PipelineId id) {
    return pipelines.findById(workspace, id).orElseThrow(() ->
        ValidationException.of(FieldError.field("pipelineId", "is not a pipeline of this workspace")));
  }

  static Pipeline defaultPipeline(PipelineRepository pipelines, WorkspaceId workspace) {
    return pipelines.list(workspace).stream().filter(Pipeline::isDefault).findFirst().orElseThrow(() ->
        ValidationException.of(FieldError.field("pipelineId", "is required: the workspace has no default pipeline")));
  }

  static Stage stageOf(Pipeline pipeline, StageId id) {
    return pipeline.stage(id).orElseThrow(() ->
        ValidationException.of(FieldError.field("stageId", "is not a stage of the deal's pipeline")));
  }
}
