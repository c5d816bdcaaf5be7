package dev.custodian.crm.core.consent;

import static dev.custodian.crm.core.consent.ConsentFixtures.aPurpose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.consent.port.out.PurposeRepository;
import dev.custodian.crm.core.testing.AbstractPortContractTest;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Contract of {@link PurposeRepository}: round trip, a key unique per workspace, optimistic locking, scoping. */
public abstract class AbstractPurposeRepositoryContractTest extends AbstractPortContractTest {

  protected PurposeRepository purposes;

  protected abstract PurposeRepository purposes();

  @Override
  protected void portsReady() {
    purposes = purposes();
  }

  @Test
  void aPurposeRoundTripsAndItsKeyIsUniquePerWorkspace() {
    Purpose consent = aPurpose(a, "newsletter", LegalBasis.CONSENT);
    Purpose interest = aPurpose(a, "analytics", LegalBasis.LEGITIMATE_INTEREST);
    run(a, () -> {
      purposes.insert(consent);
      purposes.insert(interest);
    });

    assertThat(in(a, () -> purposes.find(a, consent.key()))).contains(consent);
    assertThat(in(a, () -> purposes.list(a))).containsExactlyInAnyOrder(consent, interest);
    assertThatThrownBy(() -> run(a, () -> purposes.insert(aPurpose(a, "newsletter", LegalBasis.CONSENT))))
        .isInstanceOf(ConflictException.class);
    run(b, () -> purposes.insert(aPurpose(b, "newsletter", LegalBasis.CONSENT)));
  }

  @Test
  void anUpdateNeedsTheVersionItWasBasedOn() {
    Purpose purpose = aPurpose(a, "newsletter", LegalBasis.CONSENT);
    run(a, () -> purposes.insert(purpose));
    Purpose retired = purpose.retired(Instant.parse("2026-06-01T00:00:00Z"));

    assertThat(in(a, () -> purposes.update(retired, 2))).isFalse();
    assertThat(in(a, () -> purposes.update(retired, 1))).isTrue();
    assertThat(in(a, () -> purposes.find(a, purpose.key()))).contains(retired);
    Purpose renamed = retired.changed(PurposeText.name("Renamed"), Optional.empty(), Optional.empty(), false, false,
        Instant.parse("2026-06-02T00:00:00Z"));
    assertThat(in(a, () -> purposes.update(renamed, 2))).isTrue();
    assertThat(in(a, () -> purposes.find(a, purpose.key()))).contains(renamed);
  }

  @Test
  @DisplayName("TEN-01: a call made for workspace B never returns or changes workspace A's purpose")
  void callsForAnotherWorkspaceNeverReachThePurpose() {
    Purpose purpose = aPurpose(a, "newsletter", LegalBasis.CONSENT);
    run(a, () -> purposes.insert(purpose));

    assertThat(in(b, () -> purposes.find(b, purpose.key()))).isEmpty();
    assertThat(in(b, () -> purposes.list(b))).isEmpty();
    assertRefusedOr(() -> in(b, () -> purposes.find(a, purpose.key())), found -> assertThat(found).isEmpty());
    assertRefusedOr(() -> in(b, () -> purposes.update(purpose.retired(Instant.now()), 1)),
        updated -> assertThat(updated).isFalse());
    assertThat(in(a, () -> purposes.find(a, purpose.key()))).contains(purpose);
  }
}
