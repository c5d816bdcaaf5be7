package dev.custodian.crm.core.link;

import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.deal.port.out.DealRepository;
import dev.custodian.crm.core.link.port.out.LinkTargets;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/** In-memory fake of {@link LinkTargets}: asks the fakes of contacts, companies and deals. */
public final class InMemoryLinkTargets implements LinkTargets {

  private final ContactRepository contacts;
  private final CompanyRepository companies;
  private final DealRepository deals;

  public InMemoryLinkTargets(ContactRepository contacts, CompanyRepository companies, DealRepository deals) {
    this.contacts = Objects.requireNonNull(contacts, "contacts");
    this.companies = Objects.requireNonNull(companies, "companies");
    this.deals = Objects.requireNonNull(deals, "deals");
  }

  @Override
  public Set<String> unknown(WorkspaceId workspace, Links links) {
    Set<String> unknown = new LinkedHashSet<>();
    if (links.contacts().stream().anyMatch(c -> contacts.findById(workspace, c).isEmpty())) {
      unknown.add(Links.CONTACT_IDS);
    }
    if (links.companies().stream().anyMatch(c -> companies.findById(workspace, c).isEmpty())) {
      unknown.add(Links.COMPANY_IDS);
    }
    if (links.deals().stream().anyMatch(d -> deals.findById(workspace, d).isEmpty())) {
      unknown.add(Links.DEAL_IDS);
    }
    return unknown;
  }
}
