package dev.custodian.crm.http.company;

import dev.custodian.crm.core.company.Company;
import dev.custodian.crm.core.company.CompanyDomain;
import java.time.Instant;
import java.util.UUID;

/**
 * A company as the API shows it.
 *
 * @param domain left out of the JSON when the company has none
 * @param version the version that {@code ETag} and {@code If-Match} carry
 */
record CompanyResponse(UUID id, UUID workspaceId, String name, String domain, Instant createdAt,
    Instant updatedAt, long version) {

  static CompanyResponse from(Company company) {
    return new CompanyResponse(
        company.id().value(),
        company.workspace().value(),
        company.name().value(),
        company.domain().map(CompanyDomain::value).orElse(null),
        company.createdAt(),
        company.updatedAt(),
        company.version());
  }
}
