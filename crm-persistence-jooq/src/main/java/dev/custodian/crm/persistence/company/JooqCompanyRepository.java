package dev.custodian.crm.persistence.company;

import static dev.custodian.crm.persistence.generated.Tables.COMPANIES;

import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.company.Company;
import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.company.CompanyListing;
import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.customfield.CustomField;
import dev.custodian.crm.core.customfield.ObjectType;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.common.Columns;
import dev.custodian.crm.persistence.common.CustomValueColumns;
import dev.custodian.crm.persistence.common.DatabaseErrors;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.common.KeysetPaging;
import dev.custodian.crm.persistence.common.ListColumns;
import dev.custodian.crm.persistence.generated.tables.records.CompaniesRecord;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectConditionStep;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;

/**
 * Persistence adapter: {@link CompanyRepository} on the {@code companies} table. Every statement
 * filters by the workspace itself; row-level security is the second, independent wall.
 */
final class JooqCompanyRepository implements CompanyRepository {

  private static final Field<String[]> CUSTOM = CustomValueColumns.of(ObjectType.COMPANY, COMPANIES.TENANT_ID,
      COMPANIES.ID);

  /** The company list's columns: {@code name} sorts by its key column (indexed with the workspace). */
  private static final ListColumns LIST_COLUMNS = ListColumns.of(COMPANIES.ID)
      .field(CompanyListing.CREATED_AT, COMPANIES.CREATED_AT)
      .field(CompanyListing.NAME, COMPANIES.NAME)
      .field(CompanyListing.DOMAIN, COMPANIES.DOMAIN)
      .sortKey(CompanyListing.NAME, COMPANIES.NAME_SORT)
      .customValues(ObjectType.COMPANY, COMPANIES.TENANT_ID)
      .search(q -> ListColumns.containing(COMPANIES.NAME, q).or(ListColumns.containing(COMPANIES.DOMAIN, q)));

  private final JooqTransactions transactions;

  JooqCompanyRepository(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void insert(Company company) {
    translatingViolations(() -> transactions.dsl(company.workspace())
        .insertInto(COMPANIES)
        .set(CompanyMapper.toRecord(company))
        .execute());
  }

  @Override
  public Optional<Company> findById(WorkspaceId workspace, CompanyId id) {
    return selectOne(workspace, id).fetchOptional().map(JooqCompanyRepository::toCompany);
  }

  /** {@code FOR UPDATE}: it also waits for, and then holds off, the key-share locks of contacts naming it. */
  @Override
  public Optional<Company> findByIdForUpdate(WorkspaceId workspace, CompanyId id) {
    return selectOne(workspace, id).forUpdate().fetchOptional().map(JooqCompanyRepository::toCompany);
  }

  /** A company with its custom values (a nested set of its row): one statement. */
  private SelectConditionStep<Record> selectOne(WorkspaceId workspace, CompanyId id) {
    return withCustom(transactions.dsl(workspace)).where(key(workspace, id));
  }

  private static SelectJoinStep<Record> withCustom(DSLContext dsl) {
    return dsl.select(COMPANIES.fields()).select(CUSTOM).from(COMPANIES);
  }

  private static Company toCompany(Record row) {
    return CompanyMapper.toCompany(Columns.of(row)).withCustom(CustomValueColumns.values(row.get(CUSTOM)));
  }

  @Override
  public Page<Company> list(WorkspaceId workspace, ListQuery query) {
    // its columns named (not selectFrom): a sort by a custom field adds its value's column
    return KeysetPaging.page(
        withCustom(transactions.dsl(workspace)).where(COMPANIES.TENANT_ID.eq(workspace.value())),
        query.requireOffer(CompanyListing.OFFER), LIST_COLUMNS).map(JooqCompanyRepository::toCompany);
  }

  @Override
  public void export(WorkspaceId workspace, ListQuery query, List<CustomField> fields,
      java.util.function.Consumer<? super Company> sink) {
    Field<String[]> custom = CustomValueColumns.of(ObjectType.COMPANY, COMPANIES.TENANT_ID, COMPANIES.ID, fields);
    KeysetPaging.stream(transactions.dsl(workspace).select(COMPANIES.fields()).select(custom).from(COMPANIES)
            .where(COMPANIES.TENANT_ID.eq(workspace.value())),
        query.requireOffer(CompanyListing.OFFER), LIST_COLUMNS,
        row -> CompanyMapper.toCompany(row).withCustom(CustomValueColumns.values(row.get(custom))), sink);
  }

  @Override
  public boolean update(Company changed, long expectedVersion) {
    CompaniesRecord values = CompanyMapper.toRecord(changed);
    return translatingViolations(() -> transactions.dsl(changed.workspace())
        .update(COMPANIES)
        .set(COMPANIES.NAME, values.getName())
        .set(COMPANIES.NAME_SORT, values.getNameSort())
        .set(COMPANIES.DOMAIN, values.getDomain())
        .set(COMPANIES.UPDATED_AT, values.getUpdatedAt())
        .set(COMPANIES.VERSION, values.getVersion())
        .where(key(changed.workspace(), changed.id()))
        .and(COMPANIES.VERSION.eq(expectedVersion))
        .execute()) == 1;
  }

  @Override
  public boolean delete(WorkspaceId workspace, CompanyId id, OptionalLong expectedVersion) {
    Condition version = expectedVersion.isPresent()
        ? COMPANIES.VERSION.eq(expectedVersion.getAsLong())
        : DSL.noCondition();
    return transactions.dsl(workspace).deleteFrom(COMPANIES).where(key(workspace, id)).and(version).execute() == 1;
  }

  private static Condition key(WorkspaceId workspace, CompanyId id) {
    return COMPANIES.TENANT_ID.eq(workspace.value()).and(COMPANIES.ID.eq(id.value()));
  }

  private static int translatingViolations(Supplier<Integer> write) {
    try {
      return write.get();
    } catch (org.jooq.exception.DataAccessException e) {
      if (DatabaseErrors.isViolation(e, DatabaseErrors.UNIQUE_VIOLATION, "companies_domain_uk")) {
        throw new ConflictException(ConflictException.Kind.DUPLICATE, "domain is already taken in this workspace");
      }
      if (DatabaseErrors.isViolation(e, DatabaseErrors.UNIQUE_VIOLATION, "companies_pk")) {
        throw new ConflictException(ConflictException.Kind.DUPLICATE, "company already exists");
      }
      if (DatabaseErrors.isViolation(e, DatabaseErrors.FOREIGN_KEY_VIOLATION, "companies_workspace_fk")) {
        throw new NotFoundException("workspace");
      }
      throw e;
    }
  }
}
