package dev.custodian.crm.privacy.dsr;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.CrmException;
import dev.custodian.crm.core.consent.ConsentEventKind;
import dev.custodian.crm.core.consent.ConsentProof;
import dev.custodian.crm.core.consent.ConsentSource;
import dev.custodian.crm.core.consent.PurposeKey;
import dev.custodian.crm.core.consent.port.in.ConsentUseCases;
import dev.custodian.crm.core.consent.port.in.RecordConsentCommand;
import dev.custodian.crm.core.consent.port.out.ConsentAddressHasher;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.port.in.UpdateContactCommand;
import dev.custodian.crm.core.contact.port.in.UpdateContactUseCase;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.dsr.DataSubjectRequest;
import dev.custodian.crm.core.dsr.RequestState;
import dev.custodian.crm.core.dsr.RequestText;
import dev.custodian.crm.core.dsr.RequestType;
import dev.custodian.crm.core.dsr.port.in.CreateRequestCommand;
import dev.custodian.crm.core.dsr.port.out.DataSubjectRequestRepository;
import dev.custodian.crm.core.dsr.port.out.RequestExecutor;
import dev.custodian.crm.core.dsr.port.out.SubjectPackager;
import dev.custodian.crm.core.erasure.ErasureParticipant;
import dev.custodian.crm.core.erasure.ErasureReceipt;
import dev.custodian.crm.core.erasure.SubjectDataParticipant.SubjectRecord;
import dev.custodian.crm.core.erasure.SubjectDataParticipant;
import dev.custodian.crm.core.mail.MailTemplate;
import dev.custodian.crm.core.mail.port.out.MailOutbox;
import dev.custodian.crm.core.suppression.port.out.SuppressionList;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.privacy.erasure.port.in.EraseContactUseCase;
import dev.custodian.crm.privacy.erasure.service.ErasureServices;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Factory: the executors of data-subject requests, one per right, each acting on the workspace's
 * contact whose email is the request's (verified) address, through the use case a person at the
 * API would call (its validation, permission and audit entry included), joining the execution's
 * transaction.
 */
public final class RequestExecutors {

  /** The erasure receipt's and audit entry's name for the requests an erasure scrubbed. */
  public static final String REQUESTS = ErasureServices.REQUESTS;

  private RequestExecutors() {}

  /**
   * ERASURE: the contact is erased (its records, suppression and receipt, the requests participant
   * scrubbing the subject's requests); with no contact, the address is still suppressed and its
   * requests scrubbed. The confirmation (DSR-15) is queued, its address held on the request only
   * until it is sent.
   */
  public static RequestExecutor erasure(DataSubjectRequestRepository requests, EraseContactUseCase erasure,
      SuppressionList suppression, MailOutbox outbox, Clock clock) {
    return executor(Set.of(RequestType.ERASURE), (actor, request) -> {
      Map<String, Integer> counts = new LinkedHashMap<>();
      Optional<EmailAddress> email = request.email();
      if (email.isEmpty()) {
        return counts; // scrubbed already: its subject was erased
      }
      WorkspaceId workspace = request.workspace();
      Instant now = Timestamps.now(clock);
      Optional<ContactId> contact = requests.contactOf(workspace, email.get());
      if (contact.isPresent()) {
        ErasureReceipt receipt = erasure.erase(actor, workspace, contact.get());
        counts.putAll(receipt.removedByParticipant());
      } else {
        suppression.suppress(workspace, email.get(), now);
        counts.put("suppression", 1);
        counts.put(REQUESTS, requests.scrub(workspace, request.address(), now));
      }
      requests.holdForConfirmation(workspace, request.id(), email.get());
      outbox.enqueueToSubject(MailTemplate.PRIVACY_REQUEST_ERASED, workspace.value(), request.id().value(),
          Optional.empty(), now);
      return counts;
    });
  }

  /** RECTIFICATION: the contact's update at its current version, with its validation (DSR-03). */
  public static RequestExecutor rectification(DataSubjectRequestRepository requests, ContactRepository contacts,
      UpdateContactUseCase update) {
    return executor(Set.of(RequestType.RECTIFICATION), (actor, request) -> {
      Contact contact = contactOf(requests, contacts, request);
      Map<String, Optional<String>> fix = request.corrections().values();
      UpdateContactCommand command = UpdateContactCommand.of(request.workspace(), contact.id(),
          OptionalLong.of(contact.version()), CreateRequestCommand.patchOf(fix, "firstName"),
          CreateRequestCommand.patchOf(fix, "lastName"), CreateRequestCommand.patchOf(fix, "email"),
          CreateRequestCommand.patchOf(fix, "phone"), CreateRequestCommand.patchOf(fix, "jobTitle"),
          CreateRequestCommand.patchOf(fix, "companyId"));
      update.update(actor, command);
      return Map.of("contacts", 1);
    });
  }

  /** RESTRICTION: the consent feature's restriction of the contact's processing (DSR-07). */
  public static RequestExecutor restriction(DataSubjectRequestRepository requests, ContactRepository contacts,
      ConsentUseCases.Restrictions restrictions) {
    return executor(Set.of(RequestType.RESTRICTION), (actor, request) -> {
      Contact contact = contactOf(requests, contacts, request);
      restrictions.restrict(actor, request.workspace(), contact.id());
      return Map.of("processingRestrictions", 1);
    });
  }

  /**
   * OBJECTION, CONSENT_WITHDRAWAL: an OBJECTED or WITHDRAWN entry per purpose, citing the request
   * (DSR-08); an entry that would change nothing appends none.
   */
  public static RequestExecutor consent(DataSubjectRequestRepository requests, ContactRepository contacts,
      ConsentUseCases.Ledger ledger) {
    return executor(Set.of(RequestType.OBJECTION, RequestType.CONSENT_WITHDRAWAL), (actor, request) -> {
      Contact contact = contactOf(requests, contacts, request);
      ConsentEventKind kind = request.type() == RequestType.OBJECTION ? ConsentEventKind.OBJECTED
          : ConsentEventKind.WITHDRAWN;
      ConsentProof proof = new ConsentProof(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.empty(), Optional.of("privacy-request:" + request.id()));
      int appended = 0;
      for (PurposeKey purpose : request.purposes()) {
        RecordConsentCommand command = new RecordConsentCommand(request.workspace(), contact.id(), purpose, kind,
            ConsentSource.MANUAL, Optional.empty(), proof);
        appended += ledger.record(actor, command).appended() ? 1 : 0;
      }
      return Map.of("consent", appended);
    });
  }

  /**
   * ACCESS, PORTABILITY: the subject's package, built by {@code packager}; the completion mail with
   * its download link is queued with it (the link's token is minted when the mail is sent).
   */
  public static RequestExecutor packages(SubjectPackager packager, MailOutbox outbox, Clock clock) {
    Objects.requireNonNull(packager, "packager");
    Objects.requireNonNull(outbox, "outbox");
    Objects.requireNonNull(clock, "clock");
    return executor(Set.of(RequestType.ACCESS, RequestType.PORTABILITY), (actor, request) -> {
      EmailAddress subject = request.email().orElseThrow(() -> new ConflictException(CrmException.Kind.INVALID_STATE,
          "the request's subject was erased"));
      SubjectPackager.PackageReceipt receipt = packager.build(request.workspace(), request.id().value(), subject,
          request.type() == RequestType.PORTABILITY);
      outbox.enqueueToSubject(MailTemplate.PRIVACY_REQUEST_COMPLETED, request.workspace().value(),
          request.id().value(), Optional.of(receipt.packageId()), Timestamps.now(clock));
      return receipt.recordsBySection();
    });
  }

  /**
   * The erasure participant that scrubs the erased person's requests (run before the contact record
   * goes): their address, corrections, notes and reasons; the address's keyed hash, types, steps and
   * times stay.
   */
  public static ErasureParticipant requestsParticipant(DataSubjectRequestRepository requests,
      ContactRepository contacts, ConsentAddressHasher hasher, Clock clock) {
    Objects.requireNonNull(requests, "requests");
    Objects.requireNonNull(contacts, "contacts");
    Objects.requireNonNull(hasher, "hasher");
    Objects.requireNonNull(clock, "clock");
    return new ErasureParticipant() {
      @Override
      public String name() {
        return REQUESTS;
      }

      @Override
      public int eraseContact(WorkspaceId workspace, ContactId contact) {
        return contacts.findById(workspace, contact)
            .map(found -> requests.scrub(workspace, hasher.hash(workspace, found.email()), Timestamps.now(clock)))
            .orElse(0);
      }
    };
  }

  /**
   * The package section of the subject's own requests (DSR-01), named as their erasure participant:
   * every request of the contact's address (its keyed hash), with its type, state, times and the
   * texts it holds.
   */
  public static SubjectDataParticipant requestsSection(DataSubjectRequestRepository requests,
      ConsentAddressHasher hasher) {
    Objects.requireNonNull(requests, "requests");
    Objects.requireNonNull(hasher, "hasher");
    return new SubjectDataParticipant() {
      @Override
      public String name() {
        return REQUESTS;
      }

      @Override
      public String dataClass() {
        return "privacy_request";
      }

      @Override
      public void stream(WorkspaceId workspace, Contact contact, Consumer<SubjectRecord> sink) {
        requests.streamOf(workspace, hasher.hash(workspace, contact.email()), request -> {
          List<String> corrections = new ArrayList<>();
          request.corrections().values().forEach((field, value) -> corrections.add(field + "=" + value.orElse("")));
          sink.accept(SubjectRecord.of("id", request.id().value(), "type", request.type().name(),
              "state", request.state().name(), "email", request.email().map(EmailAddress::value).orElse(null),
              "californiaRequest", request.californiaRequest(), "corrections", corrections,
              "purposes", request.purposes().stream().map(PurposeKey::value).toList(),
              "note", request.note().map(RequestText::value).orElse(null),
              "extensionReason", request.extensionReason().map(RequestText::value).orElse(null),
              "rejectionReason", request.state() instanceof RequestState.Rejected rejected
                  ? rejected.reason().value() : null,
              "receivedAt", request.receivedAt(), "dueAt", request.dueAt(), "updatedAt", request.updatedAt()));
        });
      }
    };
  }

  private static Contact contactOf(DataSubjectRequestRepository requests, ContactRepository contacts,
      DataSubjectRequest request) {
    return request.email().flatMap(email -> requests.contactOf(request.workspace(), email))
        .flatMap(id -> contacts.findById(request.workspace(), id))
        .orElseThrow(() -> new ConflictException(CrmException.Kind.INVALID_STATE,
            "the workspace has no contact with the request's address"));
  }

  /** How one right is given effect. */
  private interface Effect {
    Map<String, Integer> apply(Actor actor, DataSubjectRequest request);
  }

  private static RequestExecutor executor(Set<RequestType> types, Effect effect) {
    return new RequestExecutor() {
      @Override
      public Set<RequestType> types() {
        return types;
      }

      @Override
      public Map<String, Integer> execute(Actor actor, DataSubjectRequest request) {
        return effect.apply(actor, request);
      }
    };
  }
}
