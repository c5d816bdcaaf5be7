package dev.custodian.crm.core.account;

import static dev.custodian.crm.core.account.AccountFixtures.anAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.common.error.InvalidValueException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The account aggregate and its values: invariants and what they never show. */
class AccountTest {

  @Test
  void aNewAccountIsUnverified_andItsTimesAreMicroseconds() {
    Account account = anAccount();
    assertThat(account.emailVerifiedAt()).isEmpty();
    assertThat(account.isEmailVerified()).isFalse();
    assertThat(account.createdAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05.123456Z"));
    assertThat(account.ageAttestation().attestedAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05.123456Z"));
  }

  @Test
  void toStringShowsTheIdOnly() {
    Account account = anAccount();
    assertThat(account.toString()).isEqualTo("Account[" + account.id() + "]");
    assertThat(account.name().toString()).doesNotContain("Ada");
    assertThat(account.organisation().orElseThrow().toString()).doesNotContain("Holder");
    assertThat(account.passwordHash().toString()).isEqualTo("PasswordHash[redacted]");
  }

  @Test
  void namesAreOneLineOfBoundedLength() {
    assertThat(new AccountName("  Ada  ").value()).isEqualTo("Ada");
    assertThat(new AccountName("a".repeat(100)).value()).hasSize(100);
    assertThatThrownBy(() -> new AccountName("a".repeat(101))).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new AccountName("Ada\nLovelace")).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new AccountName(" ")).isInstanceOf(InvalidValueException.class);
    assertThat(new OrganisationName("o".repeat(200)).value()).hasSize(200);
    assertThatThrownBy(() -> new OrganisationName("o".repeat(201))).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void theAttestedMinimumAgeIsNeverBelowSixteen() {
    assertThat(new AgeAttestation(Instant.EPOCH, 16).minimumAge()).isEqualTo(16);
    assertThatThrownBy(() -> new AgeAttestation(Instant.EPOCH, 15)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPasswordHashIsAnEncodedHash() {
    assertThatThrownBy(() -> new PasswordHash("plain")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("plain");
  }
}
