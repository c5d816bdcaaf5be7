package dev.custodian.crm.core.consent.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.consent.ConsentEvent;
import dev.custodian.crm.core.consent.ConsentProof;
import dev.custodian.crm.core.consent.ConsentState;
import dev.custodian.crm.core.consent.ContactConsent;
import dev.custodian.crm.core.consent.ProcessingDecision;
import dev.custodian.crm.core.consent.Purpose;
import dev.custodian.crm.core.consent.PurposeKey;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The consent feature's in-ports, handed out together (to an adapter, or to an embedder). */
public record ConsentUseCases(Purposes purposes, Ledger ledger, Restrictions restrictions, OptIns optIns) {

  public ConsentUseCases {
    Objects.requireNonNull(purposes, "purposes");
    Objects.requireNonNull(ledger, "ledger");
    Objects.requireNonNull(restrictions, "restrictions");
    Objects.requireNonNull(optIns, "optIns");
  }

  /** A recording's answer: the state after it, and whether an entry was appended. */
  public record Recorded(ConsentState state, boolean appended) {

    public Recorded {
      Objects.requireNonNull(state, "state");
    }
  }

  /** Use cases: a workspace's purposes (reading: VIEWER; the rest: ADMIN). */
  public interface Purposes {

    /** Every purpose, retired ones too, oldest first. */
    List<Purpose> list(Actor actor, WorkspaceId workspace);

    /** @throws dev.custodian.crm.core.common.error.NotFoundException for no such purpose */
    Purpose get(Actor actor, WorkspaceId workspace, PurposeKey key);

    /** @throws dev.custodian.crm.core.common.error.ConflictException {@code DUPLICATE} for a key taken */
    Purpose create(Actor actor, CreatePurposeCommand command);

    /**
     * @throws dev.custodian.crm.core.common.error.PreconditionFailedException when stale
     * @throws dev.custodian.crm.core.common.error.ValidationException for a justification cleared on
     *     a basis other than CONSENT, or double opt-in on one
     */
    Purpose update(Actor actor, UpdatePurposeCommand command);

    /** Retires the purpose (again: unchanged): the guard refuses it from now on. */
    Purpose retire(Actor actor, WorkspaceId workspace, PurposeKey key);
  }

  /** Use cases: the consent ledger (reading: VIEWER; recording: MEMBER; proof: ADMIN). */
  public interface Ledger {

    /**
     * Records what the contact said, if it changes anything (a withdrawal of what is not granted,
     * an objection already made, append nothing), and answers the state after it.
     *
     * @throws dev.custodian.crm.core.common.error.ValidationException for an unknown purpose
     * @throws dev.custodian.crm.core.common.error.ConflictException {@code CONSENT_REQUIRED} when only
     *     the person's confirmed opt-in may grant or restore; {@code INVALID_STATE} otherwise
     */
    Recorded record(Actor actor, RecordConsentCommand command);

    /**
     * The contact's consent at once: purposes, entries (oldest first) and restriction; its
     * {@link ContactConsent#states()} are its state for every current purpose.
     *
     * @throws dev.custodian.crm.core.common.error.NotFoundException for no such contact
     */
    ContactConsent consentOf(Actor actor, WorkspaceId workspace, ContactId contact);

    /** Every entry under the address, whatever contact, present or erased (proof, ADMIN). */
    List<ConsentEvent> proof(Actor actor, WorkspaceId workspace, EmailAddress address);

    /**
     * A page of the contacts the guard allows for {@code purpose}, in the contact list's order and
     * paging (VIEWER, as the contact list); a page may be short, even empty, with a next cursor.
     *
     * @throws dev.custodian.crm.core.common.error.ValidationException ({@code eligibleFor}) for an
     *     undeclared purpose; a retired one has none
     */
    Page<Contact> eligible(Actor actor, WorkspaceId workspace, PurposeKey purpose, ListQuery query);

    /** What the guard says for the contact and purpose (VIEWER). */
    ProcessingDecision decide(Actor actor, WorkspaceId workspace, ContactId contact, PurposeKey purpose);
  }

  /** Use cases: restricting a contact's processing (Art. 18; ADMIN to change, VIEWER to read). */
  public interface Restrictions {

    /** Restricts it; again: unchanged. @return since when it is restricted */
    Instant restrict(Actor actor, WorkspaceId workspace, ContactId contact);

    /** Lifts it; when not restricted, nothing changes. */
    void lift(Actor actor, WorkspaceId workspace, ContactId contact);

    Optional<Instant> restrictedSince(Actor actor, WorkspaceId workspace, ContactId contact);
  }

  /** Use cases: double opt-in (CON-01): asking a contact to confirm by mail (MEMBER), and the person's confirmation (public). */
  public interface OptIns {

    /**
     * Queues a {@code CONSENT_CONFIRMATION} mail to the contact for the purpose, its proof pending
     * until confirmed; at most {@link #REQUESTS_PER_DAY} per contact and purpose in 24 hours.
     *
     * @return when it was requested
     * @throws dev.custodian.crm.core.common.error.NotFoundException for no such contact
     * @throws dev.custodian.crm.core.common.error.ValidationException for an unknown purpose
     * @throws dev.custodian.crm.core.common.error.ConflictException {@code INVALID_STATE} for a
     *     retired purpose, or one whose basis neither consent nor an objection's restore fits
     * @throws dev.custodian.crm.core.common.error.RateLimitedException past the limit
     */
    Instant request(Actor actor, RequestConsentCommand command);

    /**
     * The person's confirmation through the mailed link (no account: {@code ANONYMOUS}): grants
     * the purpose, or restores it after an objection, once; the token then stops working.
     *
     * @param edge what the edge knows of the request (client network, user agent)
     * @param clientIp the client's address, for the throttle of failed attempts
     * @throws dev.custodian.crm.core.common.error.NotFoundException for a token that is unknown,
     *     used, expired or malformed (one answer for all)
     */
    Recorded confirm(String token, ConsentProof edge, String clientIp);

    /** How many confirmations may be requested for one contact and purpose in 24 hours. */
    int REQUESTS_PER_DAY = 3;
  }
}
