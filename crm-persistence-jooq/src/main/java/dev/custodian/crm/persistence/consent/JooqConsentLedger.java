package dev.custodian.crm.persistence.consent;

import static dev.custodian.crm.persistence.generated.Tables.CONSENT_EVENTS;
import static dev.custodian.crm.persistence.generated.Tables.CONSENT_SUBJECTS;

import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.consent.AddressHash;
import dev.custodian.crm.core.consent.ConsentEvent;
import dev.custodian.crm.core.consent.ConsentEventKind;
import dev.custodian.crm.core.consent.ConsentProof;
import dev.custodian.crm.core.consent.ConsentSource;
import dev.custodian.crm.core.consent.LegalBasis;
import dev.custodian.crm.core.consent.PurposeKey;
import dev.custodian.crm.core.consent.SubjectRef;
import dev.custodian.crm.core.consent.port.out.ConsentLedger;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.common.DatabaseErrors;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.common.SqlTime;
import dev.custodian.crm.persistence.generated.tables.records.ConsentEventsRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;

/**
 * Persistence adapter: {@link ConsentLedger} on {@code consent_events} (insert and select only; the
 * database refuses any change) and {@code consent_subjects}. Entries are read in their
 * {@code seq} order, the order they were appended in.
 */
final class JooqConsentLedger implements ConsentLedger {

  private final JooqTransactions transactions;

  JooqConsentLedger(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public Optional<SubjectRef> subjectOf(WorkspaceId workspace, ContactId contact) {
    return transactions.dsl(workspace).select(CONSENT_SUBJECTS.SUBJECT_REF).from(CONSENT_SUBJECTS)
        .where(link(workspace, contact)).fetchOptional(r -> new SubjectRef(r.value1()));
  }

  /** Inserts the link unless there is one, then reads it {@code FOR UPDATE}: recordings for one contact take turns. */
  @Override
  public SubjectRef lockSubject(WorkspaceId workspace, ContactId contact, SubjectRef fresh) {
    try {
      transactions.dsl(workspace).insertInto(CONSENT_SUBJECTS)
          .set(CONSENT_SUBJECTS.TENANT_ID, workspace.value())
          .set(CONSENT_SUBJECTS.CONTACT_ID, contact.value())
          .set(CONSENT_SUBJECTS.SUBJECT_REF, fresh.value())
          .onConflict(CONSENT_SUBJECTS.TENANT_ID, CONSENT_SUBJECTS.CONTACT_ID).doNothing()
          .execute();
    } catch (org.jooq.exception.DataAccessException e) {
      if (DatabaseErrors.isViolation(e, DatabaseErrors.FOREIGN_KEY_VIOLATION, "consent_subjects_contact_fk")) {
        throw new NotFoundException("contact");
      }
      throw e;
    }
    return transactions.dsl(workspace).select(CONSENT_SUBJECTS.SUBJECT_REF).from(CONSENT_SUBJECTS)
        .where(link(workspace, contact)).forUpdate().fetchOptional(r -> new SubjectRef(r.value1()))
        .orElseThrow(() -> new NotFoundException("contact"));
  }

  @Override
  public void append(ConsentEvent event) {
    DSLContext dsl = transactions.dsl(event.workspace());
    dsl.insertInto(CONSENT_EVENTS).set(toRecord(dsl, event)).execute();
  }

  /** The entry as a row to insert (its {@code seq} left to the database). */
  static ConsentEventsRecord toRecord(DSLContext dsl, ConsentEvent event) {
    ConsentProof proof = event.proof();
    ConsentEventsRecord row = dsl.newRecord(CONSENT_EVENTS);
    row.setTenantId(event.workspace().value());
    row.setId(event.id());
    row.setSubjectRef(event.subject().value());
    row.setAddressHash(event.address().hex());
    row.setPurposeKey(event.purpose().value());
    row.setLegalBasis(event.basis().name());
    row.setKind(event.kind().name());
    row.setSource(event.source().name());
    row.setOccurredAt(SqlTime.utc(event.occurredAt()));
    row.setRecordedAt(SqlTime.utc(event.recordedAt()));
    row.setNoticeVersion(proof.noticeVersion().orElse(null));
    row.setOptInRequestedAt(proof.optInRequestedAt().map(SqlTime::utc).orElse(null));
    row.setOptInConfirmedAt(proof.optInConfirmedAt().map(SqlTime::utc).orElse(null));
    row.setIpPrefix(proof.ipPrefix().orElse(null));
    row.setUserAgent(proof.userAgent().orElse(null));
    row.setActor(event.actor());
    row.setRequestId(proof.requestId().orElse(null));
    return row;
  }

  @Override
  public List<ConsentEvent> eventsOf(WorkspaceId workspace, SubjectRef subject) {
    return transactions.dsl(workspace).selectFrom(CONSENT_EVENTS)
        .where(CONSENT_EVENTS.TENANT_ID.eq(workspace.value()))
        .and(CONSENT_EVENTS.SUBJECT_REF.eq(subject.value()))
        .orderBy(CONSENT_EVENTS.SEQ)
        .fetch(JooqConsentLedger::toEvent);
  }

  /** Through a cursor of 500 rows at a time: a subject's entries never all in memory. */
  @Override
  public void streamEventsOf(WorkspaceId workspace, SubjectRef subject, Consumer<? super ConsentEvent> sink) {
    try (Cursor<ConsentEventsRecord> cursor = transactions.dsl(workspace).selectFrom(CONSENT_EVENTS)
        .where(CONSENT_EVENTS.TENANT_ID.eq(workspace.value()))
        .and(CONSENT_EVENTS.SUBJECT_REF.eq(subject.value()))
        .orderBy(CONSENT_EVENTS.SEQ)
        .fetchSize(500)
        .fetchLazy()) {
      for (ConsentEventsRecord row : cursor) {
        sink.accept(toEvent(row));
      }
    }
  }

  @Override
  public List<ConsentEvent> eventsFor(WorkspaceId workspace, AddressHash address) {
    return transactions.dsl(workspace).selectFrom(CONSENT_EVENTS)
        .where(byAddress(workspace, address))
        .orderBy(CONSENT_EVENTS.SEQ)
        .fetch(JooqConsentLedger::toEvent);
  }

  @Override
  public Optional<ConsentEvent> latestFor(WorkspaceId workspace, AddressHash address, PurposeKey purpose) {
    return transactions.dsl(workspace).selectFrom(CONSENT_EVENTS)
        .where(byAddress(workspace, address))
        .and(CONSENT_EVENTS.PURPOSE_KEY.eq(purpose.value()))
        .orderBy(CONSENT_EVENTS.SEQ.desc())
        .limit(1)
        .fetchOptional(JooqConsentLedger::toEvent);
  }

  @Override
  public int unlink(WorkspaceId workspace, ContactId contact) {
    return transactions.dsl(workspace).deleteFrom(CONSENT_SUBJECTS).where(link(workspace, contact)).execute();
  }

  private static Condition link(WorkspaceId workspace, ContactId contact) {
    return CONSENT_SUBJECTS.TENANT_ID.eq(workspace.value()).and(CONSENT_SUBJECTS.CONTACT_ID.eq(contact.value()));
  }

  private static Condition byAddress(WorkspaceId workspace, AddressHash address) {
    return CONSENT_EVENTS.TENANT_ID.eq(workspace.value()).and(CONSENT_EVENTS.ADDRESS_HASH.eq(address.hex()));
  }

  static ConsentEvent toEvent(ConsentEventsRecord row) {
    ConsentProof proof = new ConsentProof(Optional.ofNullable(row.getNoticeVersion()),
        instant(row.getOptInRequestedAt()), instant(row.getOptInConfirmedAt()),
        Optional.ofNullable(row.getIpPrefix()), Optional.ofNullable(row.getUserAgent()),
        Optional.ofNullable(row.getRequestId()));
    return new ConsentEvent(WorkspaceId.of(row.getTenantId()), row.getId(), new SubjectRef(row.getSubjectRef()),
        new AddressHash(row.getAddressHash()), new PurposeKey(row.getPurposeKey()),
        LegalBasis.valueOf(row.getLegalBasis()), ConsentEventKind.valueOf(row.getKind()),
        ConsentSource.valueOf(row.getSource()), row.getOccurredAt().toInstant(), row.getRecordedAt().toInstant(),
        proof, row.getActor());
  }

  private static Optional<Instant> instant(OffsetDateTime time) {
    return Optional.ofNullable(time).map(OffsetDateTime::toInstant);
  }
}
