package dev.custodian.crm.http.company;

import dev.custodian.crm.core.company.Company;
import dev.custodian.crm.core.company.CompanyDomain;
import dev.custodian.crm.http.common.CustomJson;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A company as the API shows it.
 *
 * @param domain left out of the JSON when the company has none
 * @param custom its custom field values by key, sensitive ones too (see {@link CustomJson}); {@code {}} for none
 * @param version the version that {@code ETag} and {@code If-Match} carry
 */
record CompanyResponse(UUID id, UUID workspaceId, String name, String domain, Map<String, Object> custom,
    Instant createdAt,
    Instant updatedAt, long version) {

  static CompanyResponse from(Company company) {
    return new CompanyResponse(
        company.id().value(),
        company.workspace().value(),
        company.name().value(),
        company.domain().map(CompanyDomain::value).orElse(null),
        CustomJson.of(company.custom()),
        company.createdAt(),
        company.updatedAt(),
        company.version());
  }
}
