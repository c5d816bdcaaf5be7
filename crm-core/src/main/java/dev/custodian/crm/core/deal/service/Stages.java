package dev.custodian.crm.core.deal.service;

import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.deal.port.out.DealRepository;
import dev.custodian.crm.core.pipeline.Pipeline;
import dev.custodian.crm.core.pipeline.PipelineId;
import dev.custodian.crm.core.pipeline.Stage;
import dev.custodian.crm.core.pipeline.StageId;
import dev.custodian.crm.core.pipeline.port.out.PipelineRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How a deal's use cases find the pipeline and stage a deal names, and check what else it refers
 * to: every reference that is not the workspace's is named at once, in one 400.
 */
final class Stages {

  private Stages() {}

  /**
   * The deal's references that are not the workspace's (one query), after {@code earlier} (the
   * pipeline's and stage's): every error, for the use case to report with the custom values' at once.
   */
  static List<FieldError> referenceErrors(DealRepository deals, WorkspaceId workspace, Optional<CompanyId> company,
      Set<ContactId> contacts, List<FieldError> earlier) {
    List<FieldError> errors = new ArrayList<>(earlier);
    if (company.isPresent() || !contacts.isEmpty()) {
      errors.addAll(deals.unknownReferences(workspace, company, contacts).errors());
    }
    return errors;
  }

  /** The named pipeline, or an error on {@code pipelineId} added to {@code errors}. */
  static Optional<Pipeline> pipeline(PipelineRepository pipelines, WorkspaceId workspace, PipelineId id,
      List<FieldError> errors) {
    Optional<Pipeline> found = pipelines.findById(workspace, id);
    if (found.isEmpty()) {
      errors.add(FieldError.field("pipelineId", "is not a pipeline of this workspace"));
    }
    return found;
  }

  /** The named stage of the pipeline, or an error on {@code stageId} added to {@code errors}. */
  static Optional<Stage> stageOf(Pipeline pipeline, StageId id, List<FieldError> errors) {
    Optional<Stage> found = pipeline.stage(id);
    if (found.isEmpty()) {
      errors.add(FieldError.field("stageId", "is not a stage of the deal's pipeline"));
    }
    return found;
  }

  static Pipeline defaultPipeline(PipelineRepository pipelines, WorkspaceId workspace) {
    return pipelines.list(workspace).stream().filter(Pipeline::isDefault).findFirst().orElseThrow(() ->
        ValidationException.of(FieldError.field("pipelineId", "is required: the workspace has no default pipeline")));
  }
}
