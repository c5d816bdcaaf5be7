package dev.custodian.crm.persistence.consent;

import static dev.custodian.crm.persistence.generated.Tables.PROCESSING_RESTRICTIONS;

import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.consent.port.out.ProcessingRestrictions;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.common.DatabaseErrors;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.common.SqlTime;
import java.time.Instant;
import java.util.Optional;
import org.jooq.Condition;

/** Persistence adapter: {@link ProcessingRestrictions} on the {@code processing_restrictions} table. */
final class JooqProcessingRestrictions implements ProcessingRestrictions {

  private final JooqTransactions transactions;

  JooqProcessingRestrictions(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public boolean restrict(WorkspaceId workspace, ContactId contact, Instant at) {
    try {
      return transactions.dsl(workspace).insertInto(PROCESSING_RESTRICTIONS)
          .set(PROCESSING_RESTRICTIONS.TENANT_ID, workspace.value())
          .set(PROCESSING_RESTRICTIONS.CONTACT_ID, contact.value())
          .set(PROCESSING_RESTRICTIONS.RESTRICTED_AT, SqlTime.utc(at))
          .onConflictDoNothing()
          .execute() == 1;
    } catch (org.jooq.exception.DataAccessException e) {
      if (DatabaseErrors.isViolation(e, DatabaseErrors.FOREIGN_KEY_VIOLATION, "processing_restrictions_contact_fk")) {
        throw new NotFoundException("contact");
      }
      throw e;
    }
  }

  @Override
  public boolean lift(WorkspaceId workspace, ContactId contact) {
    return transactions.dsl(workspace).deleteFrom(PROCESSING_RESTRICTIONS).where(key(workspace, contact)).execute() == 1;
  }

  @Override
  public Optional<Instant> restrictedSince(WorkspaceId workspace, ContactId contact) {
    return transactions.dsl(workspace).select(PROCESSING_RESTRICTIONS.RESTRICTED_AT).from(PROCESSING_RESTRICTIONS)
        .where(key(workspace, contact)).fetchOptional(r -> r.value1().toInstant());
  }

  private static Condition key(WorkspaceId workspace, ContactId contact) {
    return PROCESSING_RESTRICTIONS.TENANT_ID.eq(workspace.value())
        .and(PROCESSING_RESTRICTIONS.CONTACT_ID.eq(contact.value()));
  }
}
