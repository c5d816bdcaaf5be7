package dev.custodian.crm.persistence.consent;

import static dev.custodian.crm.persistence.generated.Tables.CONSENT_EVENTS;
import static dev.custodian.crm.persistence.generated.Tables.CONSENT_PURPOSES;
import static dev.custodian.crm.persistence.generated.Tables.CONSENT_SUBJECTS;
import static dev.custodian.crm.persistence.generated.Tables.CONTACTS;
import static dev.custodian.crm.persistence.generated.Tables.PROCESSING_RESTRICTIONS;

import dev.custodian.crm.core.consent.ConsentEvent;
import dev.custodian.crm.core.consent.ContactConsent;
import dev.custodian.crm.core.consent.Purpose;
import dev.custodian.crm.core.consent.port.out.ContactConsentReader;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.generated.tables.records.ConsentEventsRecord;
import dev.custodian.crm.persistence.generated.tables.records.ConsentPurposesRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Record;
import org.jooq.Result;

/**
 * Persistence adapter: {@link ContactConsentReader} in one statement: the contact, its restriction,
 * every purpose of the workspace, and the contact's entries for each, by left joins.
 */
final class JooqContactConsentReader implements ContactConsentReader {

  private final JooqTransactions transactions;

  JooqContactConsentReader(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public Optional<ContactConsent> read(WorkspaceId workspace, ContactId contact) {
    Result<Record> rows = transactions.dsl(workspace)
        .select(CONTACTS.ID, PROCESSING_RESTRICTIONS.RESTRICTED_AT, CONSENT_EVENTS.SEQ)
        .select(CONSENT_PURPOSES.fields())
        .select(CONSENT_EVENTS.fields())
        .from(CONTACTS)
        .leftJoin(PROCESSING_RESTRICTIONS).on(PROCESSING_RESTRICTIONS.TENANT_ID.eq(CONTACTS.TENANT_ID)
            .and(PROCESSING_RESTRICTIONS.CONTACT_ID.eq(CONTACTS.ID)))
        .leftJoin(CONSENT_PURPOSES).on(CONSENT_PURPOSES.TENANT_ID.eq(CONTACTS.TENANT_ID))
        .leftJoin(CONSENT_SUBJECTS).on(CONSENT_SUBJECTS.TENANT_ID.eq(CONTACTS.TENANT_ID)
            .and(CONSENT_SUBJECTS.CONTACT_ID.eq(CONTACTS.ID)))
        .leftJoin(CONSENT_EVENTS).on(CONSENT_EVENTS.TENANT_ID.eq(CONTACTS.TENANT_ID)
            .and(CONSENT_EVENTS.SUBJECT_REF.eq(CONSENT_SUBJECTS.SUBJECT_REF))
            .and(CONSENT_EVENTS.PURPOSE_KEY.eq(CONSENT_PURPOSES.PURPOSE_KEY)))
        .where(CONTACTS.TENANT_ID.eq(workspace.value()))
        .and(CONTACTS.ID.eq(contact.value()))
        .orderBy(CONSENT_PURPOSES.CREATED_AT, CONSENT_PURPOSES.PURPOSE_KEY, CONSENT_EVENTS.SEQ)
        .fetch();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Optional<Instant> restricted = Optional.ofNullable(rows.get(0).get(PROCESSING_RESTRICTIONS.RESTRICTED_AT))
        .map(OffsetDateTime::toInstant);
    Map<String, Purpose> purposes = new LinkedHashMap<>();
    List<Map.Entry<Long, ConsentEvent>> events = new ArrayList<>();
    for (Record row : rows) {
      ConsentPurposesRecord purpose = row.into(CONSENT_PURPOSES);
      if (purpose.getPurposeKey() != null) {
        purposes.putIfAbsent(purpose.getPurposeKey(), JooqPurposeRepository.toPurpose(purpose));
      }
      ConsentEventsRecord event = row.into(CONSENT_EVENTS);
      if (event.getId() != null) {
        events.add(Map.entry(row.get(CONSENT_EVENTS.SEQ), JooqConsentLedger.toEvent(event)));
      }
    }
    events.sort(Map.Entry.comparingByKey(Comparator.naturalOrder()));
    return Optional.of(new ContactConsent(List.copyOf(purposes.values()),
        events.stream().map(Map.Entry::getValue).toList(), restricted));
  }
}
