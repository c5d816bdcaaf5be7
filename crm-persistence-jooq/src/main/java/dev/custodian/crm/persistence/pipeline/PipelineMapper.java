package dev.custodian.crm.persistence.pipeline;

import dev.custodian.crm.core.pipeline.Pipeline;
import dev.custodian.crm.core.pipeline.PipelineId;
import dev.custodian.crm.core.pipeline.PipelineName;
import dev.custodian.crm.core.pipeline.Probability;
import dev.custodian.crm.core.pipeline.Stage;
import dev.custodian.crm.core.pipeline.StageId;
import dev.custodian.crm.core.pipeline.StageKind;
import dev.custodian.crm.core.pipeline.StageName;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.common.SqlTime;
import dev.custodian.crm.persistence.generated.tables.records.PipelineStagesRecord;
import dev.custodian.crm.persistence.generated.tables.records.PipelinesRecord;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.Record8;
import org.jooq.Result;

/** Maps pipelines and their stages to and from their table rows. */
final class PipelineMapper {

  private PipelineMapper() {}

  static PipelinesRecord toRecord(Pipeline pipeline) {
    PipelinesRecord row = new PipelinesRecord();
    row.setTenantId(pipeline.workspace().value());
    row.setId(pipeline.id().value());
    row.setName(pipeline.name().value());
    row.setNameNormalised(pipeline.name().key());
    row.setIsDefault(pipeline.isDefault());
    row.setCreatedAt(SqlTime.utc(pipeline.createdAt()));
    row.setUpdatedAt(SqlTime.utc(pipeline.updatedAt()));
    row.setVersion(pipeline.version());
    return row;
  }

  static Pipeline toPipeline(
      Record8<UUID, UUID, String, Boolean, OffsetDateTime, OffsetDateTime, Long, Result<PipelineStagesRecord>> row) {
    return Pipeline.reconstitute(
        WorkspaceId.of(row.value1()),
        PipelineId.of(row.value2()),
        new PipelineName(row.value3()),
        row.value4(),
        row.value8().map(PipelineMapper::toStage),
        row.value5().toInstant(),
        row.value6().toInstant(),
        row.value7());
  }

  private static Stage toStage(PipelineStagesRecord row) {
    return new Stage(StageId.of(row.getId()), new StageName(row.getName()), StageKind.valueOf(row.getKind()),
        new Probability(row.getProbability()), row.getPosition());
  }
}
