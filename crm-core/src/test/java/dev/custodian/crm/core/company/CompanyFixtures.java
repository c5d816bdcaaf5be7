package dev.custodian.crm.core.company;

import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Test data for companies: unique domains by default. */
public final class CompanyFixtures {

  private CompanyFixtures() {}

  public static Company aCompany(WorkspaceId workspace) {
    return aCompany(workspace, Instant.parse("2026-05-06T07:08:09.123456789Z"), UUID.randomUUID());
  }

  public static Company aCompany(WorkspaceId workspace, Instant createdAt, UUID id) {
    return Company.create(workspace, CompanyId.of(id), new CompanyName("Analytical Engines"),
        Optional.of(new CompanyDomain(uniqueDomain())), createdAt);
  }

  /** A company without a domain. */
  public static Company aCompanyWithoutDomain(WorkspaceId workspace) {
    return Company.create(workspace, CompanyId.of(UUID.randomUUID()), new CompanyName("Nameless Ltd"),
        Optional.empty(), Instant.parse("2026-05-06T07:08:09.123456Z"));
  }

  public static String uniqueDomain() {
    return "engines-" + UUID.randomUUID().toString().substring(0, 13) + ".example.com";
  }
}
