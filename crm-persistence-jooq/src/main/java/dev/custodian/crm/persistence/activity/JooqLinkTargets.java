package dev.custodian.crm.persistence.activity;

import static dev.custodian.crm.persistence.generated.Tables.COMPANIES;
import static dev.custodian.crm.persistence.generated.Tables.CONTACTS;
import static dev.custodian.crm.persistence.generated.Tables.DEALS;

import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.deal.DealId;
import dev.custodian.crm.core.link.Links;
import dev.custodian.crm.core.link.port.out.LinkTargets;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.common.JooqTransactions;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;

/** Persistence adapter: {@link LinkTargets} in one statement, counting the workspace's records of each kind named. */
final class JooqLinkTargets implements LinkTargets {

  private final JooqTransactions transactions;

  JooqLinkTargets(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public Set<String> unknown(WorkspaceId workspace, Links links) {
    UUID[] contacts = links.contacts().stream().map(ContactId::value).toArray(UUID[]::new);
    UUID[] companies = links.companies().stream().map(CompanyId::value).toArray(UUID[]::new);
    UUID[] deals = links.deals().stream().map(DealId::value).toArray(UUID[]::new);
    Record3<Integer, Integer, Integer> found = transactions.dsl(workspace).select(
            count(CONTACTS, CONTACTS.TENANT_ID, CONTACTS.ID, workspace, contacts),
            count(COMPANIES, COMPANIES.TENANT_ID, COMPANIES.ID, workspace, companies),
            count(DEALS, DEALS.TENANT_ID, DEALS.ID, workspace, deals))
        .fetchOne();
    Set<String> unknown = new LinkedHashSet<>();
    if (found.value1() != contacts.length) {
      unknown.add(Links.CONTACT_IDS);
    }
    if (found.value2() != companies.length) {
      unknown.add(Links.COMPANY_IDS);
    }
    if (found.value3() != deals.length) {
      unknown.add(Links.DEAL_IDS);
    }
    return unknown;
  }

  private static Field<Integer> count(Table<?> table, TableField<?, UUID> tenant, TableField<?, UUID> id,
      WorkspaceId workspace, UUID[] ids) {
    if (ids.length == 0) {
      return DSL.inline(0);
    }
    return DSL.field(DSL.selectCount().from(table).where(tenant.eq(workspace.value())).and(id.eq(DSL.any(ids))));
  }
}
