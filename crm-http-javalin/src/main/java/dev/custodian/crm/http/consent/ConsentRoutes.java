package dev.custodian.crm.http.consent;

import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.common.validation.Uuids;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.consent.ConsentProof;
import dev.custodian.crm.core.consent.ConsentState;
import dev.custodian.crm.core.consent.ContactConsent;
import dev.custodian.crm.core.consent.Purpose;
import dev.custodian.crm.core.consent.PurposeKey;
import dev.custodian.crm.core.consent.port.in.ConsentUseCases;
import dev.custodian.crm.core.consent.port.in.CreatePurposeCommand;
import dev.custodian.crm.core.consent.port.in.RecordConsentCommand;
import dev.custodian.crm.core.consent.port.in.RequestConsentCommand;
import dev.custodian.crm.core.consent.port.in.UpdatePurposeCommand;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.http.Access;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.RouteTable;
import dev.custodian.crm.http.common.CurrentActor;
import dev.custodian.crm.http.common.ETags;
import dev.custodian.crm.http.common.MergePatch;
import dev.custodian.crm.http.common.Requests;
import dev.custodian.crm.http.consent.ConsentBodies.ConfirmRequest;
import dev.custodian.crm.http.consent.ConsentBodies.ConsentEventListResponse;
import dev.custodian.crm.http.consent.ConsentBodies.ConsentEventResponse;
import dev.custodian.crm.http.consent.ConsentBodies.ConsentStateResponse;
import dev.custodian.crm.http.consent.ConsentBodies.ConsentStatesResponse;
import dev.custodian.crm.http.consent.ConsentBodies.CreatePurposeRequest;
import dev.custodian.crm.http.consent.ConsentBodies.OptInRequest;
import dev.custodian.crm.http.consent.ConsentBodies.OptInResponse;
import dev.custodian.crm.http.consent.ConsentBodies.ProofRequest;
import dev.custodian.crm.http.consent.ConsentBodies.PurposeChanges;
import dev.custodian.crm.http.consent.ConsentBodies.PurposeListResponse;
import dev.custodian.crm.http.consent.ConsentBodies.PurposeResponse;
import dev.custodian.crm.http.consent.ConsentBodies.RecordConsentRequest;
import dev.custodian.crm.http.consent.ConsentBodies.RestrictionResponse;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * HTTP adapter: the consent routes, one small handler per use case, read and answered as the
 * contact routes are. The workspace in the path is the only source of the workspace; a contact or
 * purpose of another workspace is a 404.
 */
final class ConsentRoutes implements RouteGroup {

  static final String WORKSPACE = "/api/v1/workspaces/{workspaceId}";
  static final String PURPOSES = WORKSPACE + "/purposes";
  static final String PURPOSE = PURPOSES + "/{purposeKey}";
  static final String RETIRE = PURPOSE + "/retire";
  static final String EVENTS = WORKSPACE + "/consent/events";
  static final String CONTACT_EVENTS = WORKSPACE + "/contacts/{contactId}/consent/events";
  static final String PROOF = WORKSPACE + "/consent/proof";
  static final String CONTACT_CONSENT = WORKSPACE + "/contacts/{contactId}/consent";
  static final String RESTRICTION = WORKSPACE + "/contacts/{contactId}/restriction";
  static final String REQUESTS = WORKSPACE + "/consent/requests";
  static final String CONFIRM = "/api/v1/public/consent/confirm";

  private static final Set<String> PATCH_FIELDS =
      Set.of("name", "description", "basisJustification", "directMarketing", "doubleOptIn", "key", "legalBasis");

  private final ConsentUseCases useCases;
  private final Clock clock;

  ConsentRoutes(ConsentUseCases useCases, Clock clock) {
    this.useCases = Objects.requireNonNull(useCases, "useCases");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void addTo(RouteTable table) {
    Access read = Access.permission(Permission.CONSENT_READ);
    Access record = Access.permission(Permission.CONSENT_RECORD);
    Access manage = Access.permission(Permission.CONSENT_MANAGE);
    table.get(PURPOSES).access(read)
        .describe("listPurposes", "Every purpose the workspace declared, retired ones too, oldest first (not paged)")
        .responds(200, PurposeListResponse.class).handle(this::listPurposes);
    table.post(PURPOSES).access(manage)
        .describe("createPurpose", "Declare a purpose with its lawful basis")
        .request(CreatePurposeRequest.class).responds(201, PurposeResponse.class).handle(this::createPurpose);
    table.get(PURPOSE).access(read)
        .describe("getPurpose", "Read one purpose").responds(200, PurposeResponse.class).handle(this::getPurpose);
    table.patch(PURPOSE).access(manage)
        .describe("updatePurpose", "Change a purpose's texts or flags (a merge patch, with If-Match); key and basis stay")
        .mergePatch(PurposeChanges.class).header(ETags.IF_MATCH).responds(200, PurposeResponse.class)
        .handle(this::updatePurpose);
    table.post(RETIRE).access(manage)
        .describe("retirePurpose", "Retire a purpose: the guard refuses it from now on")
        .responds(200, PurposeResponse.class).handle(this::retirePurpose);
    table.get(CONTACT_CONSENT).access(read)
        .describe("getContactConsent", "A contact's consent state for every current purpose, and its restriction")
        .responds(200, ConsentStatesResponse.class).handle(this::states);
    table.get(CONTACT_EVENTS).access(read)
        .describe("listConsentEvents", "A contact's consent ledger entries, oldest first")
        .responds(200, ConsentEventListResponse.class).handle(this::events);
    table.post(EVENTS).access(record)
        .describe("recordConsent", "Record a grant, withdrawal, objection or restore; answers the state after it "
            + "(an entry that would change nothing appends none); withdrawals and objections also in a cancelled "
            + "workspace")
        .request(RecordConsentRequest.class).responds(200, ConsentStateResponse.class).handle(this::record);
    table.post(PROOF).access(manage)
        .describe("consentProof", "Every ledger entry of an address, its contact present or erased")
        .request(ProofRequest.class).responds(200, ConsentEventListResponse.class).handle(this::proof);
    table.post(REQUESTS).access(record)
        .describe("requestConsent", "Ask a contact to confirm a purpose by mail (double opt-in): queues the "
            + "confirmation mail, at most 3 per contact and purpose a day")
        .request(OptInRequest.class).responds(202, OptInResponse.class).handle(this::requestOptIn);
    table.post(CONFIRM).access(Access.PUBLIC)
        .describe("confirmConsent", "The person confirms with the mailed token: grants the purpose (or restores "
            + "it after an objection), once")
        .request(ConfirmRequest.class).responds(200, ConsentStateResponse.class).handle(this::confirm);
    table.route(HandlerType.PUT, RESTRICTION).access(Access.permission(Permission.RESTRICTION_SET))
        .describe("restrictProcessing", "Restrict a contact's processing: every purpose is refused until lifted")
        .responds(200, RestrictionResponse.class).handle(this::restrict);
    table.delete(RESTRICTION).access(manage)
        .describe("liftRestriction", "Lift a contact's restriction of processing")
        .responds(204, null).handle(this::lift);
  }

  void listPurposes(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    v.throwIfInvalid();
    ctx.json(new PurposeListResponse(useCases.purposes().list(CurrentActor.of(ctx), workspace).stream()
        .map(PurposeResponse::from).toList()));
  }

  /** {@code POST}: 201 with the purpose, its {@code Location} and {@code ETag}. */
  void createPurpose(Context ctx) throws Exception {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    CreatePurposeRequest body = Requests.jsonBody(ctx, CreatePurposeRequest.class);
    v.throwIfInvalid();
    CreatePurposeCommand command = CreatePurposeCommand.of(workspace, body.key(), body.name(), body.description(),
        body.legalBasis(), body.basisJustification(), body.directMarketing(), body.doubleOptIn());
    Purpose purpose = useCases.purposes().create(CurrentActor.of(ctx), command);
    ctx.status(HttpStatus.CREATED).header("Location", "/api/v1/workspaces/" + workspace + "/purposes/" + purpose.key());
    respond(ctx, purpose);
  }

  void getPurpose(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    PurposeKey key = purposeKey(ctx, v);
    v.throwIfInvalid();
    respond(ctx, useCases.purposes().get(CurrentActor.of(ctx), workspace, key));
  }

  /** {@code PATCH}: a merge patch, only with {@code If-Match}; {@code key} and {@code legalBasis} are refused. */
  void updatePurpose(Context ctx) throws Exception {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    PurposeKey key = purposeKey(ctx, v);
    OptionalLong expected = ETags.ifMatch(ctx, v);
    MergePatch patch = MergePatch.of(Requests.mergePatchBody(ctx), PATCH_FIELDS, "a purpose", v);
    for (String fixed : new String[] {"key", "legalBasis"}) {
      if (!(patch.field(fixed) instanceof PatchValue.Absent<String>)) {
        v.reject(fixed, "cannot be changed");
      }
    }
    UpdatePurposeCommand command = UpdatePurposeCommand.of(v, workspace, key, expected, patch.field("name"),
        patch.field("description"), patch.field("basisJustification"), patch.bool("directMarketing"),
        patch.bool("doubleOptIn"));
    v.throwIfInvalid();
    respond(ctx, useCases.purposes().update(CurrentActor.of(ctx), command));
  }

  void retirePurpose(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    PurposeKey key = purposeKey(ctx, v);
    v.throwIfInvalid();
    respond(ctx, useCases.purposes().retire(CurrentActor.of(ctx), workspace, key));
  }

  void states(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    ContactId contact = contactId(ctx, v);
    v.throwIfInvalid();
    ContactConsent consent = useCases.ledger().consentOf(CurrentActor.of(ctx), workspace, contact);
    ctx.json(new ConsentStatesResponse(contact.value(), consent.restrictedSince().orElse(null),
        consent.states().stream().map(ConsentStateResponse::from).toList()));
  }

  void events(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    ContactId contact = contactId(ctx, v);
    v.throwIfInvalid();
    ctx.json(new ConsentEventListResponse(useCases.ledger().consentOf(CurrentActor.of(ctx), workspace, contact)
        .events().stream().map(ConsentEventResponse::from).toList()));
  }

  /**
   * {@code POST}: 200 with the state after it. The answer is the contact's state, not a new
   * resource: an entry that would change nothing appends none and answers the same.
   */
  void record(Context ctx) throws Exception {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    RecordConsentRequest body = Requests.jsonBody(ctx, RecordConsentRequest.class);
    ContactId contact = v.required("contactId", body.contactId(), raw -> ContactId.of(Uuids.parse(raw)));
    RecordConsentCommand command;
    try {
      command = RecordConsentCommand.of(workspace, contact, new RecordConsentCommand.Raw(body.purpose(), body.kind(),
          body.source(), body.occurredAt(), body.noticeVersion(), body.optInConfirmedAt()), clock.instant(),
          edge(ctx));
    } catch (dev.custodian.crm.core.common.error.ValidationException e) {
      e.errors().forEach(v::reject);
      command = null;
    }
    v.throwIfInvalid();
    ConsentUseCases.Recorded recorded = useCases.ledger().record(CurrentActor.of(ctx), command);
    // 200 either way (CON-03: two concurrent withdrawals answer alike, one appending)
    ctx.json(ConsentStateResponse.from(recorded.state()));
  }

  /** {@code POST}: 202, the confirmation mail queued. */
  void requestOptIn(Context ctx) throws Exception {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    OptInRequest body = Requests.jsonBody(ctx, OptInRequest.class);
    ContactId contact = v.required("contactId", body.contactId(), raw -> ContactId.of(Uuids.parse(raw)));
    RequestConsentCommand command;
    try {
      command = RequestConsentCommand.of(workspace, contact, body.purpose(), body.noticeVersion());
    } catch (dev.custodian.crm.core.common.error.ValidationException e) {
      e.errors().forEach(v::reject);
      command = null;
    }
    v.throwIfInvalid();
    Instant requestedAt = useCases.optIns().request(CurrentActor.of(ctx), command);
    ctx.status(HttpStatus.ACCEPTED)
        .json(new OptInResponse(contact.value(), command.purpose().value(), requestedAt));
  }

  /** {@code POST}, public: 200 with the state after it; any token that does not work is one 404. */
  void confirm(Context ctx) throws Exception {
    ConfirmRequest body = Requests.jsonBody(ctx, ConfirmRequest.class);
    Validator v = new Validator();
    String token = v.required("token", body.token(), t -> t);
    v.throwIfInvalid();
    ConsentUseCases.Recorded recorded = useCases.optIns().confirm(token, edge(ctx), Requests.clientIp(ctx));
    ctx.json(ConsentStateResponse.from(recorded.state()));
  }

  void proof(Context ctx) throws Exception {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    ProofRequest body = Requests.jsonBody(ctx, ProofRequest.class);
    EmailAddress email = v.required("email", body.email(), EmailAddress::new);
    v.throwIfInvalid();
    ctx.json(new ConsentEventListResponse(useCases.ledger().proof(CurrentActor.of(ctx), workspace, email).stream()
        .map(ConsentEventResponse::from).toList()));
  }

  void restrict(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    ContactId contact = contactId(ctx, v);
    v.throwIfInvalid();
    Instant since = useCases.restrictions().restrict(CurrentActor.of(ctx), workspace, contact);
    ctx.json(new RestrictionResponse(contact.value(), since));
  }

  void lift(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    ContactId contact = contactId(ctx, v);
    v.throwIfInvalid();
    useCases.restrictions().lift(CurrentActor.of(ctx), workspace, contact);
    ctx.status(HttpStatus.NO_CONTENT);
  }

  /** What the edge knows of the request for proof: the client's network (cut), its user agent. */
  private static ConsentProof edge(Context ctx) {
    return new ConsentProof(Optional.empty(), Optional.empty(), Optional.empty(),
        ClientNetwork.of(Requests.clientIp(ctx)), Optional.ofNullable(ctx.userAgent()), Optional.empty());
  }

  private static void respond(Context ctx, Purpose purpose) {
    ctx.header("ETag", ETags.of(purpose.version())).json(PurposeResponse.from(purpose));
  }

  private static PurposeKey purposeKey(Context ctx, Validator v) {
    return v.required(FieldError.Location.PARAMETER, "purposeKey", ctx.pathParam("purposeKey"), PurposeKey::new);
  }

  private static ContactId contactId(Context ctx, Validator v) {
    return Requests.idPathParam(ctx, v, "contactId", ContactId::of);
  }
}
