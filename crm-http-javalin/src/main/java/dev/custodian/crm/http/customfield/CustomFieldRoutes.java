package dev.custodian.crm.http.customfield;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.InvalidValueException;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.customfield.CustomField;
import dev.custodian.crm.core.customfield.CustomFieldId;
import dev.custodian.crm.core.customfield.ObjectType;
import dev.custodian.crm.core.customfield.port.in.CreateCustomFieldCommand;
import dev.custodian.crm.core.customfield.port.in.CustomFieldUseCases;
import dev.custodian.crm.core.customfield.port.in.DeleteCustomFieldCommand;
import dev.custodian.crm.core.customfield.port.in.NewOption;
import dev.custodian.crm.core.customfield.port.in.UpdateCustomFieldCommand;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * HTTP adapter: the custom field definition routes, one small handler per use case, under the
 * object type ({@code contact}, {@code company}, {@code deal}) the fields belong to. The workspace
 * in the path is the only source of the workspace; a definition of another object type is a 404.
 * Each handler reads every part of its request into one {@link Validator} and throws once.
 */
final class CustomFieldRoutes implements RouteGroup {

  static final String COLLECTION = "/api/v1/workspaces/{workspaceId}/custom-fields/{objectType}";
  static final String ONE = COLLECTION + "/{customFieldId}";

  private static final Set<String> FIELDS = Set.of("label", "sensitive", "options");

  private final CustomFieldUseCases useCases;

  CustomFieldRoutes(CustomFieldUseCases useCases) {
    this.useCases = Objects.requireNonNull(useCases, "useCases");
  }

  @Override
  public void addTo(RouteTable table) {
    Access read = Access.permission(Permission.CUSTOM_FIELD_READ);
    Access manage = Access.permission(Permission.CUSTOM_FIELD_MANAGE);
    table.post(COLLECTION).access(manage)
        .describe("createCustomField", "Add a custom field to contacts, companies or deals (at most 100 each)")
        .request(CreateCustomFieldRequest.class).responds(201, CustomFieldResponse.class).handle(this::create);
    table.get(COLLECTION).access(read)
        .describe("listCustomFields", "Every custom field of the object type, oldest first (not paged)")
        .responds(200, CustomFieldListResponse.class).handle(this::list);
    table.get(ONE).access(read)
        .describe("getCustomField", "Read one custom field definition").responds(200, CustomFieldResponse.class)
        .handle(this::get);
    table.patch(ONE).access(manage)
        .describe("updateCustomField", "Change a custom field's label, sensitivity or options (a merge patch, with If-Match)")
        .mergePatch(CustomFieldChanges.class).header(ETags.IF_MATCH).responds(200, CustomFieldResponse.class)
        .handle(this::update);
    table.delete(ONE).access(manage)
        .describe("deleteCustomField", "Delete a custom field with its options and values (with If-Match)")
        .header(ETags.IF_MATCH).responds(204, null).handle(this::delete);
  }

  /** {@code POST}: 201 with the definition, its {@code Location} and {@code ETag}. */
  void create(Context ctx) throws Exception {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    ObjectType objectType = objectType(ctx, v);
    CreateCustomFieldRequest body = Requests.jsonBody(ctx, CreateCustomFieldRequest.class);
    CreateCustomFieldCommand command = CreateCustomFieldCommand.of(v, workspace, objectType, body.key(), body.type(),
        body.label(), body.sensitive(), raw(body.options()));
    v.throwIfInvalid();
    CustomField field = useCases.create().create(CurrentActor.of(ctx), command);
    ctx.status(HttpStatus.CREATED).header("Location", location(workspace, field));
    respond(ctx, field);
  }

  /** {@code GET} the collection: every definition of the object type, oldest first. */
  void list(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    ObjectType objectType = objectType(ctx, v);
    v.throwIfInvalid();
    ctx.json(new CustomFieldListResponse(useCases.list().list(CurrentActor.of(ctx), workspace, objectType).stream()
        .map(CustomFieldResponse::from).toList()));
  }

  /** {@code GET} one: 200 with a strong {@code ETag} of its version. */
  void get(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    ObjectType objectType = objectType(ctx, v);
    CustomFieldId id = customFieldId(ctx, v);
    v.throwIfInvalid();
    respond(ctx, useCases.get().get(CurrentActor.of(ctx), workspace, objectType, id));
  }

  /** {@code PATCH}: a merge patch, only with {@code If-Match} of the current version. */
  void update(Context ctx) throws Exception {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    ObjectType objectType = objectType(ctx, v);
    CustomFieldId id = customFieldId(ctx, v);
    OptionalLong expected = ETags.ifMatch(ctx, v);
    MergePatch patch = MergePatch.of(Requests.mergePatchBody(ctx), FIELDS, "a custom field", v);
    UpdateCustomFieldCommand command = UpdateCustomFieldCommand.of(v, workspace, objectType, id, expected,
        patch.field("label"), patch.bool("sensitive"), patch.read("options", CustomFieldRoutes::options));
    v.throwIfInvalid();
    respond(ctx, useCases.update().update(CurrentActor.of(ctx), command));
  }

  /** {@code DELETE}: 204, only with {@code If-Match} of the current version. */
  void delete(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    ObjectType objectType = objectType(ctx, v);
    CustomFieldId id = customFieldId(ctx, v);
    OptionalLong expected = ETags.ifMatch(ctx, v);
    v.throwIfInvalid();
    useCases.delete().delete(CurrentActor.of(ctx), DeleteCustomFieldCommand.of(workspace, objectType, id, expected));
    ctx.status(HttpStatus.NO_CONTENT);
  }

  private static List<NewOption.Raw> raw(List<OptionRequest> options) {
    return options == null ? null
        : options.stream().map(o -> o == null ? null : new NewOption.Raw(o.key(), o.label())).toList();
  }

  /** A patch's {@code options}: an array of objects with a string {@code key} and {@code label}. */
  private static List<NewOption.Raw> options(JsonNode value) {
    if (!value.isArray()) {
      throw new InvalidValueException("must be a list of options or null");
    }
    List<NewOption.Raw> options = new ArrayList<>();
    for (JsonNode option : value) {
      if (!option.isObject() || !option.path("key").isTextual() || !option.path("label").isTextual()
          || option.size() != 2) {
        throw new InvalidValueException("each option is {\"key\": \"...\", \"label\": \"...\"}");
      }
      options.add(new NewOption.Raw(option.get("key").textValue(), option.get("label").textValue()));
    }
    return options;
  }

  private static String location(WorkspaceId workspace, CustomField field) {
    return "/api/v1/workspaces/" + workspace + "/custom-fields/" + field.objectType().apiName() + "/" + field.id();
  }

  private static void respond(Context ctx, CustomField field) {
    ctx.header("ETag", ETags.of(field.version())).json(CustomFieldResponse.from(field));
  }

  private static ObjectType objectType(Context ctx, Validator v) {
    return v.required(FieldError.Location.PARAMETER, "objectType", ctx.pathParam("objectType"), ObjectType::fromApi);
  }

  private static CustomFieldId customFieldId(Context ctx, Validator v) {
    return Requests.idPathParam(ctx, v, "customFieldId", CustomFieldId::of);
  }
}
