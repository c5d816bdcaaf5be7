package dev.custodian.crm.core.contact;

import dev.custodian.crm.core.company.CompanyDomain;
import java.util.Objects;
import java.util.Optional;

/**
 * A contact as an export writes it: with the domain of its company (the column an import matches
 * a company by), read in the same statement.
 */
public record ExportedContact(Contact contact, Optional<CompanyDomain> companyDomain) {

  public ExportedContact {
    Objects.requireNonNull(contact, "contact");
    Objects.requireNonNull(companyDomain, "companyDomain");
  }
}
