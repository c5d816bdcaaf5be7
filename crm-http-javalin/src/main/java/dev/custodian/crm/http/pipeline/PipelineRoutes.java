package dev.custodian.crm.http.pipeline;

import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.validation.Uuids;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.pipeline.Pipeline;
import dev.custodian.crm.core.pipeline.PipelineId;
import dev.custodian.crm.core.pipeline.StageId;
import dev.custodian.crm.core.pipeline.port.in.AddStageCommand;
import dev.custodian.crm.core.pipeline.port.in.CreatePipelineCommand;
import dev.custodian.crm.core.pipeline.port.in.DeletePipelineCommand;
import dev.custodian.crm.core.pipeline.port.in.DeleteStageCommand;
import dev.custodian.crm.core.pipeline.port.in.PipelineUseCases;
import dev.custodian.crm.core.pipeline.port.in.StageAdded;
import dev.custodian.crm.core.pipeline.port.in.UpdatePipelineCommand;
import dev.custodian.crm.core.pipeline.port.in.UpdateStageCommand;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.http.Access;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.RouteTable;
import dev.custodian.crm.http.common.CurrentActor;
import dev.custodian.crm.http.common.ETags;
import dev.custodian.crm.http.common.MergePatch;
import dev.custodian.crm.http.common.Requests;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * HTTP adapter: the pipeline and stage routes, one small handler per use case. The workspace in
 * the path is the only source of the workspace. A stage is part of its pipeline: every change of
 * either carries the pipeline's {@code ETag} in {@code If-Match} and answers the whole pipeline at
 * its next version. Each handler reads every part of its request into one {@link Validator} and
 * throws once.
 */
final class PipelineRoutes implements RouteGroup {

  static final String COLLECTION = "/api/v1/workspaces/{workspaceId}/pipelines";
  static final String ONE = COLLECTION + "/{pipelineId}";
  static final String STAGES = ONE + "/stages";
  static final String STAGE = STAGES + "/{stageId}";

  private static final Set<String> PIPELINE_FIELDS = Set.of("name", "isDefault");
  private static final Set<String> STAGE_FIELDS = Set.of("name", "probability", "position");

  private final PipelineUseCases useCases;

  PipelineRoutes(PipelineUseCases useCases) {
    this.useCases = Objects.requireNonNull(useCases, "useCases");
  }

  @Override
  public void addTo(RouteTable table) {
    Access read = Access.permission(Permission.PIPELINE_READ);
    Access manage = Access.permission(Permission.PIPELINE_MANAGE);
    table.post(COLLECTION).access(manage)
        .describe("createPipeline", "Add a pipeline with its stages to the workspace")
        .request(CreatePipelineRequest.class).responds(201, PipelineResponse.class).handle(this::create);
    table.get(COLLECTION).access(read)
        .describe("listPipelines", "Every pipeline of the workspace with its stages, oldest first (not paged)")
        .responds(200, PipelineListResponse.class).handle(this::list);
    table.get(ONE).access(read)
        .describe("getPipeline", "Read one pipeline with its stages").responds(200, PipelineResponse.class)
        .handle(this::get);
    table.patch(ONE).access(manage)
        .describe("updatePipeline", "Rename a pipeline or make it the default (a merge patch, with If-Match)")
        .mergePatch(PipelineChanges.class).header(ETags.IF_MATCH).responds(200, PipelineResponse.class)
        .handle(this::update);
    table.delete(ONE).access(manage)
        .describe("deletePipeline", "Delete a pipeline and its stages (with If-Match)").header(ETags.IF_MATCH)
        .responds(204, null).handle(this::delete);
    table.post(STAGES).access(manage)
        .describe("addStage", "Add an OPEN stage to a pipeline (with the pipeline's If-Match)")
        .request(AddStageRequest.class).header(ETags.IF_MATCH).responds(201, PipelineResponse.class)
        .handle(this::addStage);
    table.patch(STAGE).access(manage)
        .describe("updateStage", "Rename, re-weight or move a stage (a merge patch, with the pipeline's If-Match)")
        .mergePatch(StageChanges.class).header(ETags.IF_MATCH).responds(200, PipelineResponse.class)
        .handle(this::updateStage);
    table.delete(STAGE).access(manage)
        .describe("deleteStage", "Delete a stage (with the pipeline's If-Match); answers the pipeline")
        .queryId("moveDealsTo", "A stage of the same pipeline that the deleted stage's deals move to, each move "
            + "recorded; without it, a stage holding deals is in use (409)")
        .header(ETags.IF_MATCH).responds(200, PipelineResponse.class).handle(this::deleteStage);
  }

  /** {@code POST}: 201 with the pipeline, its {@code Location} and {@code ETag}. */
  void create(Context ctx) throws Exception {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    CreatePipelineRequest body = Requests.jsonBody(ctx, CreatePipelineRequest.class);
    List<CreatePipelineCommand.RawStage> stages = body.stages() == null ? null : body.stages().stream()
        .map(s -> s == null ? null : new CreatePipelineCommand.RawStage(s.name(), s.kind(), s.probability()))
        .toList();
    CreatePipelineCommand command = CreatePipelineCommand.of(v, workspace, body.name(), body.isDefault(), stages);
    v.throwIfInvalid();
    Pipeline pipeline = useCases.create().create(CurrentActor.of(ctx), command);
    ctx.status(HttpStatus.CREATED).header("Location", location(workspace, pipeline));
    respond(ctx, pipeline);
  }

  /** {@code GET} the collection: every pipeline, oldest first. */
  void list(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    v.throwIfInvalid();
    ctx.json(new PipelineListResponse(useCases.list().list(CurrentActor.of(ctx), workspace).stream()
        .map(PipelineResponse::from).toList()));
  }

  /** {@code GET} one: 200 with a strong {@code ETag} of its version. */
  void get(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    PipelineId id = pipelineId(ctx, v);
    v.throwIfInvalid();
    respond(ctx, useCases.get().get(CurrentActor.of(ctx), workspace, id));
  }

  /** {@code PATCH}: a merge patch of the name or default flag, only with {@code If-Match} of the current version. */
  void update(Context ctx) throws Exception {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    PipelineId id = pipelineId(ctx, v);
    OptionalLong expected = ETags.ifMatch(ctx, v);
    MergePatch patch = MergePatch.of(Requests.mergePatchBody(ctx), PIPELINE_FIELDS, "a pipeline", v);
    UpdatePipelineCommand command = UpdatePipelineCommand.of(v, workspace, id, expected, patch.field("name"),
        patch.bool("isDefault"));
    v.throwIfInvalid();
    respond(ctx, useCases.update().update(CurrentActor.of(ctx), command));
  }

  /** {@code DELETE}: 204, only with {@code If-Match} of the current version. */
  void delete(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    PipelineId id = pipelineId(ctx, v);
    OptionalLong expected = ETags.ifMatch(ctx, v);
    v.throwIfInvalid();
    useCases.delete().delete(CurrentActor.of(ctx), DeletePipelineCommand.of(workspace, id, expected));
    ctx.status(HttpStatus.NO_CONTENT);
  }

  /** {@code POST} a stage: 201 with the pipeline at its next version; {@code Location} names the new stage. */
  void addStage(Context ctx) throws Exception {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    PipelineId id = pipelineId(ctx, v);
    OptionalLong expected = ETags.ifMatch(ctx, v);
    AddStageRequest body = Requests.jsonBody(ctx, AddStageRequest.class);
    AddStageCommand command = AddStageCommand.of(v, workspace, id, expected, body.name(), body.kind(),
        body.probability(), body.position());
    v.throwIfInvalid();
    StageAdded added = useCases.addStage().add(CurrentActor.of(ctx), command);
    ctx.status(HttpStatus.CREATED)
        .header("Location", location(workspace, added.pipeline()) + "/stages/" + added.stage().id());
    respond(ctx, added.pipeline());
  }

  /** {@code PATCH} a stage: a merge patch, with the pipeline's {@code If-Match}; 200 with the pipeline. */
  void updateStage(Context ctx) throws Exception {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    PipelineId id = pipelineId(ctx, v);
    StageId stage = stageId(ctx, v);
    OptionalLong expected = ETags.ifMatch(ctx, v);
    MergePatch patch = MergePatch.of(Requests.mergePatchBody(ctx), STAGE_FIELDS, "a stage", v);
    UpdateStageCommand command = UpdateStageCommand.of(v, workspace, id, stage, expected, patch.field("name"),
        patch.integer("probability"), patch.integer("position"));
    v.throwIfInvalid();
    respond(ctx, useCases.updateStage().update(CurrentActor.of(ctx), command));
  }

  /** {@code DELETE} a stage, with the pipeline's {@code If-Match}: 200 with the pipeline at its next version. */
  void deleteStage(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    PipelineId id = pipelineId(ctx, v);
    StageId stage = stageId(ctx, v);
    OptionalLong expected = ETags.ifMatch(ctx, v);
    Optional<StageId> moveDealsTo = v.optional(FieldError.Location.PARAMETER, "moveDealsTo",
        ctx.queryParam("moveDealsTo"), raw -> StageId.of(Uuids.parse(raw)));
    v.throwIfInvalid();
    respond(ctx, useCases.deleteStage().delete(CurrentActor.of(ctx),
        DeleteStageCommand.of(workspace, id, stage, expected, moveDealsTo)));
  }

  private static String location(WorkspaceId workspace, Pipeline pipeline) {
    return "/api/v1/workspaces/" + workspace + "/pipelines/" + pipeline.id();
  }

  private static void respond(Context ctx, Pipeline pipeline) {
    ctx.header("ETag", ETags.of(pipeline.version())).json(PipelineResponse.from(pipeline));
  }

  private static PipelineId pipelineId(Context ctx, Validator v) {
    return Requests.idPathParam(ctx, v, "pipelineId", PipelineId::of);
  }

  private static StageId stageId(Context ctx, Validator v) {
    return Requests.idPathParam(ctx, v, "stageId", StageId::of);
  }
}
