package dev.custodian.crm.persistence.consent;

import static dev.custodian.crm.persistence.generated.Tables.CONSENT_PURPOSES;

import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.consent.LegalBasis;
import dev.custodian.crm.core.consent.Purpose;
import dev.custodian.crm.core.consent.PurposeKey;
import dev.custodian.crm.core.consent.PurposeText;
import dev.custodian.crm.core.consent.port.out.PurposeRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.common.DatabaseErrors;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.common.SqlTime;
import dev.custodian.crm.persistence.generated.tables.records.ConsentPurposesRecord;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;

/** Persistence adapter: {@link PurposeRepository} on the {@code consent_purposes} table. */
final class JooqPurposeRepository implements PurposeRepository {

  private final JooqTransactions transactions;

  JooqPurposeRepository(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void insert(Purpose purpose) {
    try {
      transactions.dsl(purpose.workspace()).insertInto(CONSENT_PURPOSES).set(toRecord(purpose)).execute();
    } catch (org.jooq.exception.DataAccessException e) {
      if (DatabaseErrors.isViolation(e, DatabaseErrors.UNIQUE_VIOLATION, "consent_purposes_pk")) {
        throw new ConflictException(ConflictException.Kind.DUPLICATE, "the purpose key is already taken in this workspace");
      }
      if (DatabaseErrors.isViolation(e, DatabaseErrors.FOREIGN_KEY_VIOLATION, "consent_purposes_workspace_fk")) {
        throw new NotFoundException("workspace");
      }
      throw e;
    }
  }

  @Override
  public Optional<Purpose> find(WorkspaceId workspace, PurposeKey key) {
    return transactions.dsl(workspace).selectFrom(CONSENT_PURPOSES).where(key(workspace, key))
        .fetchOptional().map(JooqPurposeRepository::toPurpose);
  }

  @Override
  public List<Purpose> list(WorkspaceId workspace) {
    return transactions.dsl(workspace).selectFrom(CONSENT_PURPOSES)
        .where(CONSENT_PURPOSES.TENANT_ID.eq(workspace.value()))
        .orderBy(CONSENT_PURPOSES.CREATED_AT, CONSENT_PURPOSES.PURPOSE_KEY)
        .fetch(JooqPurposeRepository::toPurpose);
  }

  @Override
  public boolean update(Purpose changed, long expectedVersion) {
    ConsentPurposesRecord values = toRecord(changed);
    return transactions.dsl(changed.workspace()).update(CONSENT_PURPOSES)
        .set(CONSENT_PURPOSES.NAME, values.getName())
        .set(CONSENT_PURPOSES.DESCRIPTION, values.getDescription())
        .set(CONSENT_PURPOSES.BASIS_JUSTIFICATION, values.getBasisJustification())
        .set(CONSENT_PURPOSES.DIRECT_MARKETING, values.getDirectMarketing())
        .set(CONSENT_PURPOSES.DOUBLE_OPT_IN, values.getDoubleOptIn())
        .set(CONSENT_PURPOSES.RETIRED_AT, values.getRetiredAt())
        .set(CONSENT_PURPOSES.UPDATED_AT, values.getUpdatedAt())
        .set(CONSENT_PURPOSES.VERSION, values.getVersion())
        .where(key(changed.workspace(), changed.key()))
        .and(CONSENT_PURPOSES.VERSION.eq(expectedVersion))
        .execute() == 1;
  }

  private static Condition key(WorkspaceId workspace, PurposeKey key) {
    return CONSENT_PURPOSES.TENANT_ID.eq(workspace.value()).and(CONSENT_PURPOSES.PURPOSE_KEY.eq(key.value()));
  }

  private static ConsentPurposesRecord toRecord(Purpose purpose) {
    ConsentPurposesRecord row = new ConsentPurposesRecord();
    row.setTenantId(purpose.workspace().value());
    row.setPurposeKey(purpose.key().value());
    row.setName(purpose.name().value());
    row.setDescription(purpose.description().map(PurposeText::value).orElse(null));
    row.setLegalBasis(purpose.basis().name());
    row.setBasisJustification(purpose.basisJustification().map(PurposeText::value).orElse(null));
    row.setDirectMarketing(purpose.directMarketing());
    row.setDoubleOptIn(purpose.doubleOptIn());
    row.setRetiredAt(purpose.retiredAt().map(SqlTime::utc).orElse(null));
    row.setCreatedAt(SqlTime.utc(purpose.createdAt()));
    row.setUpdatedAt(SqlTime.utc(purpose.updatedAt()));
    row.setVersion(purpose.version());
    return row;
  }

  static Purpose toPurpose(ConsentPurposesRecord row) {
    return Purpose.reconstitute(WorkspaceId.of(row.getTenantId()), new PurposeKey(row.getPurposeKey()),
        new PurposeText(row.getName()), Optional.ofNullable(row.getDescription()).map(PurposeText::new),
        LegalBasis.valueOf(row.getLegalBasis()),
        Optional.ofNullable(row.getBasisJustification()).map(PurposeText::new),
        row.getDirectMarketing(), row.getDoubleOptIn(),
        Optional.ofNullable(row.getRetiredAt()).map(OffsetDateTime::toInstant),
        row.getCreatedAt().toInstant(), row.getUpdatedAt().toInstant(), row.getVersion());
  }
}
