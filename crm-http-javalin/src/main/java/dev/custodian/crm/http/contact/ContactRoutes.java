package dev.custodian.crm.http.contact;

import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.consent.PurposeKey;
import dev.custodian.crm.core.consent.port.in.ConsentUseCases;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /** The list's one parameter outside the list grammar: a purpose's key, for the contacts it allows. */
  static final String ELIGIBLE_FOR = "eligibleFor";

  private final ContactUseCases useCases;
  private final ConsentUseCases.Ledger consent;

  ContactRoutes(ContactUseCases useCases, ConsentUseCases.Ledger consent) {
    this.useCases = Objects.requireNonNull(useCases, "useCases");
    this.consent = Objects.requireNonNull(consent, "consent");
  }

  @Override
  public void addTo(RouteTable table) {
    table.post(COLLECTION).access(Access.permission(Permission.CONTACT_WRITE))
        .describe("createContact", "Add a contact to the workspace")
        .request(CreateContactRequest.class).responds(201, ContactResponse.class).handle(this::create);
    table.get(COLLECTION).access(Access.permission(Permission.CONTACT_READ))
        .describe("listContacts", "Walk the workspace's contacts, filtered and sorted (oldest first by default)")
        .respondsPage(ContactResponse.class, ContactListing.OFFER)
        .queryText(ELIGIBLE_FOR, "A purpose's key: only the contacts the processing guard allows for it (a page "
            + "may be short, even empty, with a nextCursor); an undeclared purpose is a 400")
        .handle(this::list);
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
    Map<String, List<String>> parameters = new LinkedHashMap<>(ctx.queryParamMap());
    List<String> eligibleFor = parameters.remove(ELIGIBLE_FOR);
    PurposeKey purpose = null;
    if (eligibleFor != null && eligibleFor.size() != 1) {
      v.reject(new FieldError(FieldError.Location.PARAMETER, ELIGIBLE_FOR, "is given once"));
    } else if (eligibleFor != null) {
      purpose = v.required(FieldError.Location.PARAMETER, ELIGIBLE_FOR, eligibleFor.get(0), PurposeKey::new);
    }
    ListQuery query = ListQuery.of(v, ContactListing.OFFER, parameters);
    v.throwIfInvalid();
    Page<Contact> page = eligibleFor == null
        ? useCases.list().list(CurrentActor.of(ctx), workspace, query)
        : consent.eligible(CurrentActor.of(ctx), workspace, purpose, query);
    ctx.json(Paging.PagedItems.from(page, ContactResponse::from));
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
