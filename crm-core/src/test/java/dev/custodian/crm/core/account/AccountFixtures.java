package dev.custodian.crm.core.account;

import dev.custodian.crm.core.common.EmailAddress;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Test data for accounts: unique by default, so tests never collide in a shared database. */
public final class AccountFixtures {

  /** An encoded hash of the right shape; the repository stores it without judging it. */
  public static final PasswordHash A_HASH =
      new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g");

  private AccountFixtures() {}

  public static Account anAccount() {
    return anAccountWithEmail(new EmailAddress("holder-" + UUID.randomUUID() + "@example.com"));
  }

  public static Account anAccountWithEmail(EmailAddress email) {
    Instant now = Instant.parse("2026-01-02T03:04:05.123456789Z");
    return Account.create(
        AccountId.of(UUID.randomUUID()),
        new AccountName("Ada Holder"),
        email,
        Optional.of(new OrganisationName("Holder & Daughters Ltd")),
        A_HASH,
        new AgeAttestation(now, AgeAttestation.LOWEST_MINIMUM_AGE),
        now);
  }
}
