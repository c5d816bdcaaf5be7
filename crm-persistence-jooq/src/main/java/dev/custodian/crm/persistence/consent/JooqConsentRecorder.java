package dev.custodian.crm.persistence.consent;

import static dev.custodian.crm.persistence.generated.Tables.CONSENT_EVENTS;
import static dev.custodian.crm.persistence.generated.Tables.CONSENT_PURPOSES;
import static dev.custodian.crm.persistence.generated.Tables.CONSENT_SUBJECTS;
import static dev.custodian.crm.persistence.generated.Tables.CONTACTS;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.consent.ConsentEvent;
import dev.custodian.crm.core.consent.PurposeKey;
import dev.custodian.crm.core.consent.SubjectRef;
import dev.custodian.crm.core.consent.port.out.ConsentRecorder;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.generated.tables.records.ConsentEventsRecord;
import dev.custodian.crm.persistence.generated.tables.records.ConsentPurposesRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.impl.DSL;

/**
 * Persistence adapter: {@link ConsentRecorder} in two statements. The read locks the contact's row
 * ({@code FOR NO KEY UPDATE}) and left-joins the purpose, the subject's link and its entries for
 * the purpose; the append inserts the entry (and the link, for a first entry) from a one-row gate
 * that holds only while the link, the subject's latest entry and, when asked, the address's latest
 * refusal are as the caller read them.
 */
final class JooqConsentRecorder implements ConsentRecorder {

  private final JooqTransactions transactions;

  JooqConsentRecorder(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public Optional<Basis> lockAndRead(WorkspaceId workspace, ContactId contact, PurposeKey purpose) {
    Result<Record> rows = transactions.dsl(workspace)
        .select(CONTACTS.EMAIL, CONSENT_SUBJECTS.SUBJECT_REF)
        .select(CONSENT_PURPOSES.fields())
        .select(CONSENT_EVENTS.fields())
        .from(CONTACTS)
        .leftJoin(CONSENT_PURPOSES).on(CONSENT_PURPOSES.TENANT_ID.eq(CONTACTS.TENANT_ID)
            .and(CONSENT_PURPOSES.PURPOSE_KEY.eq(purpose.value())))
        .leftJoin(CONSENT_SUBJECTS).on(CONSENT_SUBJECTS.TENANT_ID.eq(CONTACTS.TENANT_ID)
            .and(CONSENT_SUBJECTS.CONTACT_ID.eq(CONTACTS.ID)))
        .leftJoin(CONSENT_EVENTS).on(CONSENT_EVENTS.TENANT_ID.eq(CONTACTS.TENANT_ID)
            .and(CONSENT_EVENTS.SUBJECT_REF.eq(CONSENT_SUBJECTS.SUBJECT_REF))
            .and(CONSENT_EVENTS.PURPOSE_KEY.eq(purpose.value())))
        .where(CONTACTS.TENANT_ID.eq(workspace.value()))
        .and(CONTACTS.ID.eq(contact.value()))
        .orderBy(CONSENT_EVENTS.SEQ)
        .forNoKeyUpdate().of(CONTACTS)
        .fetch();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Record first = rows.get(0);
    ConsentPurposesRecord found = first.into(CONSENT_PURPOSES);
    List<ConsentEvent> events = new ArrayList<>();
    for (Record row : rows) {
      ConsentEventsRecord event = row.into(CONSENT_EVENTS);
      if (event.getId() != null) {
        events.add(JooqConsentLedger.toEvent(event));
      }
    }
    return Optional.of(new Basis(new EmailAddress(first.get(CONTACTS.EMAIL)),
        Optional.ofNullable(found.getPurposeKey()).map(key -> JooqPurposeRepository.toPurpose(found)),
        Optional.ofNullable(first.get(CONSENT_SUBJECTS.SUBJECT_REF)).map(SubjectRef::new), events));
  }

  @Override
  public boolean appendIf(ConsentEvent event, ContactId contact, Optional<SubjectRef> linked, Optional<UUID> latest,
      boolean unlessAddressRefused) {
    WorkspaceId workspace = event.workspace();
    DSLContext dsl = transactions.dsl(workspace);
    UUID tenant = workspace.value();
    Condition link = CONSENT_SUBJECTS.TENANT_ID.eq(tenant).and(CONSENT_SUBJECTS.CONTACT_ID.eq(contact.value()));
    Field<UUID> currentRef = DSL.field(DSL.select(CONSENT_SUBJECTS.SUBJECT_REF).from(CONSENT_SUBJECTS).where(link));
    Condition holds = linked.isPresent()
        ? currentRef.eq(linked.get().value())
        : DSL.notExists(DSL.selectOne().from(CONSENT_SUBJECTS).where(link));
    Field<UUID> latestNow = DSL.field(DSL.select(CONSENT_EVENTS.ID).from(CONSENT_EVENTS)
        .where(CONSENT_EVENTS.TENANT_ID.eq(tenant))
        .and(CONSENT_EVENTS.SUBJECT_REF.eq(currentRef))
        .and(CONSENT_EVENTS.PURPOSE_KEY.eq(event.purpose().value()))
        .orderBy(CONSENT_EVENTS.SEQ.desc()).limit(1));
    holds = holds.and(latest.isPresent() ? latestNow.eq(latest.get()) : latestNow.isNull());
    if (unlessAddressRefused) {
      Field<String> addressKind = DSL.field(DSL.select(CONSENT_EVENTS.KIND).from(CONSENT_EVENTS)
          .where(CONSENT_EVENTS.TENANT_ID.eq(tenant))
          .and(CONSENT_EVENTS.ADDRESS_HASH.eq(event.address().hex()))
          .and(CONSENT_EVENTS.PURPOSE_KEY.eq(event.purpose().value()))
          .orderBy(CONSENT_EVENTS.SEQ.desc()).limit(1));
      holds = holds.and(addressKind.isNull().or(addressKind.notIn("WITHDRAWN", "OBJECTED")));
    }
    CommonTableExpression<Record1<Boolean>> gate = DSL.name("gate").fields("open")
        .as(DSL.select(DSL.inline(true)).where(holds));
    ConsentEventsRecord row = JooqConsentLedger.toRecord(dsl, event);
    List<Field<?>> columns = Stream.of(CONSENT_EVENTS.fields()).filter(row::changed).toList();
    List<Field<?>> values = columns.stream().<Field<?>>map(column -> DSL.val(row.get(column), column)).toList();
    if (linked.isPresent()) {
      return dsl.with(gate).insertInto(CONSENT_EVENTS).columns(columns)
          .select(DSL.select(values).from(gate)).execute() == 1;
    }
    // A first entry links its subject in the same statement, through the same gate.
    CommonTableExpression<Record1<UUID>> linking = DSL.name("linking").fields("subject_ref").as(dsl
        .insertInto(CONSENT_SUBJECTS, CONSENT_SUBJECTS.TENANT_ID, CONSENT_SUBJECTS.CONTACT_ID,
            CONSENT_SUBJECTS.SUBJECT_REF)
        .select(DSL.select(DSL.val(tenant), DSL.val(contact.value()), DSL.val(event.subject().value())).from(gate))
        .returningResult(CONSENT_SUBJECTS.SUBJECT_REF));
    return dsl.with(gate).with(linking).insertInto(CONSENT_EVENTS).columns(columns)
        .select(DSL.select(values).from(gate)).execute() == 1;
  }
}
