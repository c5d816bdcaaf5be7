package dev.custodian.crm.http.contact;

import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.ContactListing;
import dev.custodian.crm.core.contact.port.in.ContactUseCases;
import dev.custodian.crm.core.contact.port.in.CreateContactCommand;
import dev.custodian.crm.core.contact.port.in.DeleteContactCommand;
import dev.custodian.crm.core.contact.port.in.UpdateContactCommand;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.http.Access;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.RouteTable;
import dev.custodian.crm.http.common.CurrentActor;
import dev.custodian.crm.http.common.CustomJson;
import dev.custodian.crm.http.common.ETags;
import dev.custodian.crm.http.common.Paging;
import dev.custodian.crm.http.common.Requests;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * HTTP adapter: the contact routes, one small handler per use case. The workspace in the path is
 * the only source of the workspace. Each handler reads every part of its request into one
 * {@link Validator} and throws once, so a client learns of every bad input together.
 */
final class ContactRoutes implements RouteGroup {

  static final String COLLECTION = "/api/v1/workspaces/{workspaceId}/contacts";
  static final String ONE = COLLECTION + "/{contactId}";

  private final ContactUseCases useCases;

  ContactRoutes(ContactUseCases useCases) {
    this.useCases = Objects.requireNonNull(useCases, "useCases");
  }

  @Override
  public void addTo(RouteTable table) {
    table.post(COLLECTION).access(Access.permission(Permission.CONTACT_WRITE))
        .describe("createContact", "Add a contact to the workspace")
        .request(CreateContactRequest.class).responds(201, ContactResponse.class).handle(this::create);
    table.get(COLLECTION).access(Access.permission(Permission.CONTACT_READ))
        .describe("listContacts", "Walk the workspace's contacts, filtered and sorted (oldest first by default)")
        .respondsPage(ContactResponse.class, ContactListing.OFFER).handle(this::list);
    table.get(ONE).access(Access.permission(Permission.CONTACT_READ))
        .describe("getContact", "Read one contact").responds(200, ContactResponse.class).handle(this::get);
    table.patch(ONE).access(Access.permission(Permission.CONTACT_WRITE))
        .describe("updateContact", "Change some fields of a contact (a merge patch, with If-Match)")
        .mergePatch(CreateContactRequest.class).header("If-Match").responds(200, ContactResponse.class)
        .handle(this::update);
    table.delete(ONE).access(Access.permission(Permission.CONTACT_DELETE))
        .describe("deleteContact", "Delete a contact (If-Match optional)").header("If-Match").responds(204, null)
        .handle(this::delete);
  }

  /** {@code POST}: 201 with the contact, its {@code Location} and {@code ETag}. */
  void create(Context ctx) throws Exception {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    CreateContactRequest body = Requests.jsonBody(ctx, CreateContactRequest.class);
    CreateContactCommand command = CreateContactCommand.of(v, workspace, body.firstName(), body.lastName(),
        body.email(), body.phone(), body.jobTitle(), body.companyId());
    Contact contact = useCases.create().create(CurrentActor.of(ctx), CustomJson.withCustom(v, workspace, command, body.custom()));
    ctx.status(HttpStatus.CREATED)
        .header("Location", "/api/v1/workspaces/" + workspace + "/contacts/" + contact.id());
    respond(ctx, contact);
  }

  /** {@code GET} the collection: a page of the list query, with {@code nextCursor} unless last. */
  void list(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    ListQuery query = Paging.query(ctx, v, ContactListing.OFFER);
    v.throwIfInvalid();
    ctx.json(Paging.PagedItems.from(useCases.list().list(CurrentActor.of(ctx), workspace, query), ContactResponse::from));
  }

  /** {@code GET} one: 200 with a strong {@code ETag} of its version. */
  void get(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    ContactId id = contactId(ctx, v);
    v.throwIfInvalid();
    respond(ctx, useCases.get().get(CurrentActor.of(ctx), workspace, id));
  }

  /** {@code PATCH}: a merge patch, only with {@code If-Match} of the current version. */
  void update(Context ctx) throws Exception {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    ContactId id = contactId(ctx, v);
    OptionalLong expected = ETags.ifMatch(ctx, v);
    ContactPatchRequest patch = ContactPatchRequest.from(Requests.mergePatchBody(ctx), v);
    UpdateContactCommand command = UpdateContactCommand.of(v, workspace, id, expected,
        patch.firstName(), patch.lastName(), patch.email(), patch.phone(), patch.jobTitle(), patch.companyId());
    respond(ctx, useCases.update().update(CurrentActor.of(ctx), CustomJson.withCustom(v, workspace, command, patch.custom())));
  }

  /** {@code DELETE}: 204; with {@code If-Match}, only if that is still the current version. */
  void delete(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    ContactId id = contactId(ctx, v);
    OptionalLong expected = ETags.ifMatch(ctx, v);
    v.throwIfInvalid();
    useCases.delete().delete(CurrentActor.of(ctx), new DeleteContactCommand(workspace, id, expected));
    ctx.status(HttpStatus.NO_CONTENT);
  }

  private static void respond(Context ctx, Contact contact) {
    ctx.header("ETag", ETags.of(contact.version())).json(ContactResponse.from(contact));
  }

  private static ContactId contactId(Context ctx, Validator v) {
    return Requests.idPathParam(ctx, v, "contactId", ContactId::of);
  }
}
