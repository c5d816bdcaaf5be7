package dev.custodian.crm.core.export.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.company.Company;
import dev.custodian.crm.core.company.CompanyListing;
import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.contact.ContactListing;
import dev.custodian.crm.core.contact.ExportedContact;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.customfield.CustomField;
import dev.custodian.crm.core.customfield.ObjectType;
import dev.custodian.crm.core.customfield.port.out.CustomFieldRepository;
import dev.custodian.crm.core.deal.Deal;
import dev.custodian.crm.core.deal.DealListing;
import dev.custodian.crm.core.deal.port.out.DealRepository;
import dev.custodian.crm.core.export.port.in.ExportListUseCase;
import dev.custodian.crm.core.export.port.in.ExportSink;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.List;
import java.util.Objects;

/**
 * The list exports: each one snapshot transaction ({@link WorkspaceTransactions#inWorkspaceSnapshot})
 * that lets the actor in, reads the custom field definitions (the columns) and streams the rows
 * to the sink, so definitions, rows and their joined values are of one instant.
 */
public final class ExportServices implements ExportListUseCase {

  private final WorkspaceTransactions transactions;
  private final ContactRepository contacts;
  private final CompanyRepository companies;
  private final DealRepository deals;
  private final CustomFieldRepository customFields;

  public ExportServices(WorkspaceTransactions transactions, ContactRepository contacts, CompanyRepository companies,
      DealRepository deals, CustomFieldRepository customFields) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.contacts = Objects.requireNonNull(contacts, "contacts");
    this.companies = Objects.requireNonNull(companies, "companies");
    this.deals = Objects.requireNonNull(deals, "deals");
    this.customFields = Objects.requireNonNull(customFields, "customFields");
  }

  @Override
  public void contacts(Actor actor, WorkspaceId workspace, ListQuery query, boolean includeSensitive,
      ExportSink<ExportedContact> sink) {
    ListQuery checked = query.requireOffer(ContactListing.OFFER);
    transactions.inWorkspaceSnapshot(workspace, actor, Permission.DATA_EXPORT, () -> {
      List<CustomField> definitions = customFields.list(workspace, ObjectType.CONTACT);
      sink.start(includeSensitive ? definitions : definitions.stream().filter(f -> !f.sensitive()).toList());
      contacts.export(workspace, checked, row -> sink.row(includeSensitive ? row
          : new ExportedContact(row.contact().withCustom(row.contact().custom().withoutSensitive(definitions)),
              row.companyDomain())));
      return null;
    });
  }

  /** Companies carry no custom values yet: no custom columns, no definitions read. */
  @Override
  public void companies(Actor actor, WorkspaceId workspace, ListQuery query, ExportSink<Company> sink) {
    ListQuery checked = query.requireOffer(CompanyListing.OFFER);
    transactions.inWorkspaceSnapshot(workspace, actor, Permission.DATA_EXPORT, () -> {
      sink.start(List.of());
      companies.export(workspace, checked, sink::row);
      return null;
    });
  }

  /** Deals carry no custom values yet: no custom columns, no definitions read. */
  @Override
  public void deals(Actor actor, WorkspaceId workspace, ListQuery query, ExportSink<Deal> sink) {
    ListQuery checked = query.requireOffer(DealListing.OFFER);
    transactions.inWorkspaceSnapshot(workspace, actor, Permission.DATA_EXPORT, () -> {
      sink.start(List.of());
      deals.export(workspace, checked, sink::row);
      return null;
    });
  }
}
