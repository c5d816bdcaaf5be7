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
    transactions.dsl(workspace).select(CONTACTS.EMAIL_NORMALISED, CONTACTS.ID).from(CONTACTS)
        .where(CONTACTS.TENANT_ID.eq(workspace.value())).and(CONTACTS.EMAIL_NORMALISED.in(emails))
        .fetch().forEach(r -> found.put(r.value1(), ContactId.of(r.value2())));
    return found;
  }

  @Override
  public Map<String, CompanyId> companiesByDomain(WorkspaceId workspace, Collection<String> domains) {
    Map<String, CompanyId> found = new HashMap<>();
    if (domains.isEmpty()) {
      return found;
    }
    transactions.dsl(workspace).select(COMPANIES.DOMAIN, COMPANIES.ID).from(COMPANIES)
        .where(COMPANIES.TENANT_ID.eq(workspace.value())).and(COMPANIES.DOMAIN.in(domains))
        .fetch().forEach(r -> found.put(r.value1(), CompanyId.of(r.value2())));
    return found;
  }
}
