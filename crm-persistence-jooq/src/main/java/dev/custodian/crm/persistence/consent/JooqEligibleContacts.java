package dev.custodian.crm.persistence.consent;

import static dev.custodian.crm.persistence.generated.Tables.CONSENT_EVENTS;
import static dev.custodian.crm.persistence.generated.Tables.CONSENT_PURPOSES;
import static dev.custodian.crm.persistence.generated.Tables.CONSENT_SUBJECTS;
import static dev.custodian.crm.persistence.generated.Tables.CONTACTS;
import static dev.custodian.crm.persistence.generated.Tables.PROCESSING_RESTRICTIONS;

import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.consent.AddressHashing;
import dev.custodian.crm.core.consent.LegalBasis;
import dev.custodian.crm.core.consent.PurposeKey;
import dev.custodian.crm.core.consent.port.out.EligibleContacts;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.contact.JooqContactStores;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Persistence adapter: {@link EligibleContacts} as the contact list's statement with one more
 * condition, the guard's decision per row in correlated subqueries: the purpose current, no
 * restriction, the subject's latest entry for the purpose, and the latest entry under the row's
 * address hash, computed in the statement as HMAC-SHA256 from the workspace's padded keys (bound
 * values, never in the statement's text) over {@code email:} and the normalised address.
 */
final class JooqEligibleContacts implements EligibleContacts {

  private final JooqTransactions transactions;

  JooqEligibleContacts(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public Page<Contact> page(WorkspaceId workspace, PurposeKey purpose, AddressHashing hashing, ListQuery query) {
    return JooqContactStores.listWhere(transactions, workspace, query, allowed(workspace, purpose, hashing));
  }

  static Condition allowed(WorkspaceId workspace, PurposeKey purpose, AddressHashing hashing) {
    Field<String> subjectLatest = DSL.field(DSL.select(CONSENT_EVENTS.KIND).from(CONSENT_SUBJECTS)
        .join(CONSENT_EVENTS).on(CONSENT_EVENTS.TENANT_ID.eq(CONSENT_SUBJECTS.TENANT_ID)
            .and(CONSENT_EVENTS.SUBJECT_REF.eq(CONSENT_SUBJECTS.SUBJECT_REF)))
        .where(CONSENT_SUBJECTS.TENANT_ID.eq(CONTACTS.TENANT_ID))
        .and(CONSENT_SUBJECTS.CONTACT_ID.eq(CONTACTS.ID))
        .and(CONSENT_EVENTS.PURPOSE_KEY.eq(purpose.value()))
        .orderBy(CONSENT_EVENTS.SEQ.desc()).limit(1));
    Field<byte[]> message = DSL.field("convert_to({0} || {1}, 'UTF8')", SQLDataType.BLOB,
        DSL.val("email:"), CONTACTS.EMAIL_NORMALISED);
    Field<String> addressHash = DSL.field("encode(sha256({0} || sha256({1} || {2})), 'hex')", SQLDataType.VARCHAR,
        DSL.val(hashing.outerPad(), SQLDataType.BLOB), DSL.val(hashing.innerPad(), SQLDataType.BLOB), message);
    Field<String> addressLatest = DSL.field(DSL.select(CONSENT_EVENTS.KIND).from(CONSENT_EVENTS)
        .where(CONSENT_EVENTS.TENANT_ID.eq(CONTACTS.TENANT_ID))
        .and(CONSENT_EVENTS.ADDRESS_HASH.eq(addressHash))
        .and(CONSENT_EVENTS.PURPOSE_KEY.eq(purpose.value()))
        .orderBy(CONSENT_EVENTS.SEQ.desc()).limit(1));
    // granted or restored; or never a word on a basis other than consent (a grant there cannot be recorded)
    Condition stateAllows = subjectLatest.in("GRANTED", "RESTORED")
        .or(subjectLatest.isNull().and(CONSENT_PURPOSES.LEGAL_BASIS.ne(LegalBasis.CONSENT.name())));
    return DSL.exists(DSL.selectOne().from(CONSENT_PURPOSES)
            .where(CONSENT_PURPOSES.TENANT_ID.eq(CONTACTS.TENANT_ID))
            .and(CONSENT_PURPOSES.PURPOSE_KEY.eq(purpose.value()))
            .and(CONSENT_PURPOSES.RETIRED_AT.isNull())
            .and(stateAllows))
        .andNotExists(DSL.selectOne().from(PROCESSING_RESTRICTIONS)
            .where(PROCESSING_RESTRICTIONS.TENANT_ID.eq(CONTACTS.TENANT_ID))
            .and(PROCESSING_RESTRICTIONS.CONTACT_ID.eq(CONTACTS.ID)))
        .and(addressLatest.isNull().or(addressLatest.notIn("WITHDRAWN", "OBJECTED")));
  }
}
