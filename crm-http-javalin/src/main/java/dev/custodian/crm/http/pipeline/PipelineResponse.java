package dev.custodian.crm.http.pipeline;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.custodian.crm.core.pipeline.Pipeline;
import dev.custodian.crm.core.pipeline.Stage;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A pipeline as the API shows it, with its stages by position.
 *
 * @param version the version that {@code ETag} and {@code If-Match} carry, for the pipeline and its stages alike
 */
record PipelineResponse(UUID id, UUID workspaceId, String name, @JsonProperty("isDefault") boolean isDefault,
    List<StageResponse> stages, Instant createdAt, Instant updatedAt, long version) {

  static PipelineResponse from(Pipeline pipeline) {
    return new PipelineResponse(
        pipeline.id().value(),
        pipeline.workspace().value(),
        pipeline.name().value(),
        pipeline.isDefault(),
        pipeline.stages().stream().map(StageResponse::from).toList(),
        pipeline.createdAt(),
        pipeline.updatedAt(),
        pipeline.version());
  }

  /**
   * One stage.
   *
   * @param kind {@code open}, {@code won} or {@code lost}
   * @param position from 1: the OPEN stages, then WON, then LOST
   */
  record StageResponse(UUID id, String name, String kind, int probability, int position) {

    static StageResponse from(Stage stage) {
      return new StageResponse(stage.id().value(), stage.name().value(), stage.kind().apiName(),
          stage.probability().value(), stage.position());
    }
  }
}
