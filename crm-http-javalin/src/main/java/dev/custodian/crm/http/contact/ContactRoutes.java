package dev.custodian.crm.http.contact;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.port.in.CreateContactCommand;
import dev.custodian.crm.core.contact.port.in.CreateContactUseCase;
import dev.custodian.crm.core.contact.port.in.DeleteContactCommand;
import dev.custodian.crm.core.contact.port.in.DeleteContactUseCase;
import dev.custodian.crm.core.contact.port.in.GetContactUseCase;
import dev.custodian.crm.core.contact.port.in.ListContactsQuery;
import dev.custodian.crm.core.contact.port.in.ListContactsUseCase;
import dev.custodian.crm.core.contact.port.in.UpdateContactCommand;
import dev.custodian.crm.core.contact.port.in.UpdateContactUseCase;
import dev.custodian.crm.core.tenant.TenantId;
import dev.custodian.crm.http.common.ETags;
import dev.custodian.crm.http.common.InputErrors;
import dev.custodian.crm.http.common.Paging;
import dev.custodian.crm.http.common.Requests;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * HTTP adapter: the contact routes, one small handler per use case. The workspace in the path is
 * the only source of the tenant.
 */
public final class ContactRoutes {

  public static final String COLLECTION = "/api/v1/workspaces/{workspaceId}/contacts";
  public static final String ONE = COLLECTION + "/{contactId}";

  /** The use cases behind the routes. */
  public record UseCases(CreateContactUseCase create, GetContactUseCase get, ListContactsUseCase list,
      UpdateContactUseCase update, DeleteContactUseCase delete) {

    public UseCases {
      Objects.requireNonNull(create, "create");
      Objects.requireNonNull(get, "get");
      Objects.requireNonNull(list, "list");
      Objects.requireNonNull(update, "update");
      Objects.requireNonNull(delete, "delete");
    }
  }

  private final UseCases useCases;

  public ContactRoutes(UseCases useCases) {
    this.useCases = Objects.requireNonNull(useCases, "useCases");
  }

  public void addTo(JavalinConfig config) {
    config.routes.post(COLLECTION, this::create);
    config.routes.get(COLLECTION, this::list);
    config.routes.get(ONE, this::get);
    config.routes.patch(ONE, this::update);
    config.routes.delete(ONE, this::delete);
  }

  /** {@code POST}: 201 with the contact, its {@code Location} and {@code ETag}. */
  void create(Context ctx) throws Exception {
    InputErrors inputs = new InputErrors();
    TenantId workspace = inputs.read(() -> workspace(ctx));
    CreateContactRequest body = Requests.jsonBody(ctx, CreateContactRequest.class);
    CreateContactCommand command = inputs.read(() -> CreateContactCommand.of(
        InputErrors.orPlaceholder(workspace), body.firstName(), body.lastName(), body.email(), body.phone()));
    inputs.throwIfAny();
    Contact contact = useCases.create().create(command);
    ctx.status(HttpStatus.CREATED)
        .header("Location", "/api/v1/workspaces/" + workspace + "/contacts/" + contact.id());
    respond(ctx, contact);
  }

  /** {@code GET} the collection: a page, oldest first, with {@code nextCursor} unless last. */
  void list(Context ctx) throws Exception {
    InputErrors inputs = new InputErrors();
    TenantId workspace = inputs.read(() -> workspace(ctx));
    ListContactsQuery query = inputs.read(() -> Paging.query(ctx,
        (limit, cursor) -> ListContactsQuery.of(InputErrors.orPlaceholder(workspace), limit, cursor)));
    inputs.throwIfAny();
    ctx.json(Paging.PagedItems.from(useCases.list().list(query), ContactResponse::from));
  }

  /** {@code GET} one: 200 with a strong {@code ETag} of its version. */
  void get(Context ctx) throws Exception {
    InputErrors inputs = new InputErrors();
    TenantId workspace = inputs.read(() -> workspace(ctx));
    ContactId id = inputs.read(() -> contact(ctx));
    inputs.throwIfAny();
    respond(ctx, useCases.get().get(workspace, id));
  }

  /** {@code PATCH}: a merge patch, only with {@code If-Match} of the current version. */
  void update(Context ctx) throws Exception {
    InputErrors inputs = new InputErrors();
    TenantId workspace = inputs.read(() -> workspace(ctx));
    ContactId id = inputs.read(() -> contact(ctx));
    OptionalLong expected = inputs.read(() -> ETags.ifMatch(ctx));
    ObjectNode body = Requests.jsonBody(ctx, ObjectNode.class);
    ContactPatchRequest patch = inputs.read(() -> ContactPatchRequest.from(body));
    if (inputs.any()) {
      // Report the patch's field errors along with those of the path and header.
      if (patch != null) {
        inputs.read(() -> UpdateContactCommand.of(InputErrors.orPlaceholder(workspace), ContactId.of(InputErrors.placeholder()),
            OptionalLong.of(1), patch.firstName(), patch.lastName(), patch.email(), patch.phone()));
      }
      inputs.throwIfAny();
    }
    Contact changed = useCases.update().update(UpdateContactCommand.of(workspace, id, expected,
        patch.firstName(), patch.lastName(), patch.email(), patch.phone()));
    respond(ctx, changed);
  }

  /** {@code DELETE}: 204; with {@code If-Match}, only if that is still the current version. */
  void delete(Context ctx) throws Exception {
    InputErrors inputs = new InputErrors();
    TenantId workspace = inputs.read(() -> workspace(ctx));
    ContactId id = inputs.read(() -> contact(ctx));
    OptionalLong expected = inputs.read(() -> ETags.ifMatch(ctx));
    inputs.throwIfAny();
    useCases.delete().delete(new DeleteContactCommand(workspace, id, expected));
    ctx.status(HttpStatus.NO_CONTENT);
  }

  private static void respond(Context ctx, Contact contact) {
    ctx.header("ETag", ETags.of(contact.version())).json(ContactResponse.from(contact));
  }

  static TenantId workspace(Context ctx) {
    return Requests.workspaceId(ctx);
  }

  static ContactId contact(Context ctx) {
    return ContactId.of(Requests.uuidPathParam(ctx, "contactId"));
  }
}
