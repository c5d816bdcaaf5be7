package dev.custodian.crm.http.account;

import dev.custodian.crm.core.account.Account;
import dev.custodian.crm.core.account.OrganisationName;
import java.time.Instant;
import java.util.UUID;

/**
 * The signed-in account as {@code /api/v1/me} shows it to its holder: what sign-up asked for and
 * when the address was verified; never the password hash.
 *
 * @param organisation left out when there is none
 */
record ProfileResponse(UUID id, String name, String email, String organisation, Instant emailVerifiedAt,
    Instant createdAt) {

  static ProfileResponse from(Account account) {
    return new ProfileResponse(account.id().value(), account.name().value(), account.email().value(),
        account.organisation().map(OrganisationName::value).orElse(null),
        account.emailVerifiedAt().orElse(null), account.createdAt());
  }
}
