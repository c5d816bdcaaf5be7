package dev.custodian.crm.persistence.imports;

import static dev.custodian.crm.persistence.generated.Tables.COMPANIES;
import static dev.custodian.crm.persistence.generated.Tables.CONTACTS;

import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.imports.port.out.ImportTargets;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.common.JooqTransactions;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Persistence adapter: {@link ImportTargets}, one statement per lookup of a whole batch's keys. */
final class JooqImportTargets implements ImportTargets {

  private final JooqTransactions transactions;

  JooqImportTargets(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public Map<String, ContactId> contactsByEmail(WorkspaceId workspace, Collection<String> emails) {
    Map<String, ContactId> found = new HashMap<>();
    if (emails.isEmpty()) {
      return found;
    }
    probe(workspace, emails, email -> DSL.select(CONTACTS.ID).from(CONTACTS)
        .where(CONTACTS.TENANT_ID.eq(workspace.value())).and(CONTACTS.EMAIL_NORMALISED.eq(email)))
        .forEach((email, id) -> found.put(email, ContactId.of(id)));
    return found;
  }

  @Override
  public Map<String, CompanyId> companiesByDomain(WorkspaceId workspace, Collection<String> domains) {
    Map<String, CompanyId> found = new HashMap<>();
    if (domains.isEmpty()) {
      return found;
    }
    probe(workspace, domains, domain -> DSL.select(COMPANIES.ID).from(COMPANIES)
        .where(COMPANIES.TENANT_ID.eq(workspace.value())).and(COMPANIES.DOMAIN.eq(domain)))
        .forEach((domain, id) -> found.put(domain, CompanyId.of(id)));
    return found;
  }

  /**
   * The id {@code lookup} finds for each key, in one statement: the keys as one array parameter,
   * each probed by a correlated subquery through the table's unique index on (workspace, key).
   * An {@code IN} list of a batch's keys let the planner, on statistics older than a large import
   * (the table grew since its last {@code ANALYZE}), scan every row of the workspace and compare
   * it with the whole list (unhashed, once the driver's prepared statement took a generic plan),
   * so each batch cost more than the one before: a 100,000-row import in {@code bench} ran into
   * the statement timeout. A probe per key costs the same at any table size.
   */
  private Map<String, UUID> probe(WorkspaceId workspace, Collection<String> keys,
      Function<Field<String>, Select<Record1<UUID>>> lookup) {
    Table<?> array = DSL.unnest(DSL.val(keys.toArray(String[]::new), SQLDataType.VARCHAR.array())).as("k", "key");
    Field<String> key = array.field("key", String.class);
    Map<String, UUID> ids = new HashMap<>();
    transactions.dsl(workspace).select(key, DSL.field(lookup.apply(key))).from(array).fetch()
        .forEach(r -> {
          if (r.value2() != null) {
            ids.put(r.value1(), r.value2());
          }
        });
    return ids;
  }
}
