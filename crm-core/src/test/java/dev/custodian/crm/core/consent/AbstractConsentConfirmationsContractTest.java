package dev.custodian.crm.core.consent;

import static dev.custodian.crm.core.contact.ContactFixtures.aContact;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.core.common.port.out.TokenHash;
import dev.custodian.crm.core.consent.port.out.ConsentConfirmations;
import dev.custodian.crm.core.consent.port.out.PurposeRepository;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.testing.AbstractPortContractTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link ConsentConfirmations}: a request's token hash set when mailed (a newer one voids
 * the older), used once before it expires, counted per contact and purpose, removed with its
 * contact, scoped to its workspace. Run by the in-memory fake and by the jOOQ adapter.
 */
public abstract class AbstractConsentConfirmationsContractTest extends AbstractPortContractTest {

  private static final Instant NOW = Instant.parse("2026-05-06T07:08:09.123456Z");
  private static final PurposeKey MARKETING = new PurposeKey("marketing-email");

  protected ConsentConfirmations confirmations;
  protected ContactRepository contacts;
  protected PurposeRepository purposes;

  protected abstract ConsentConfirmations confirmations();

  protected abstract ContactRepository contacts();

  protected abstract PurposeRepository purposes();

  @Override
  protected void portsReady() {
    confirmations = confirmations();
    contacts = contacts();
    purposes = purposes();
  }

  private Contact contactWithPurposes(dev.custodian.crm.core.tenancy.WorkspaceId workspace) {
    Contact ada = aContact(workspace);
    run(workspace, () -> {
      contacts.insert(ada);
      if (purposes.find(workspace, MARKETING).isEmpty()) {
        dev.custodian.crm.core.consent.service.ConsentServices.defaultPurposes(purposes, java.time.Clock.systemUTC())
            .initialize(workspace);
      }
    });
    return ada;
  }

  private ConsentConfirmation requested(Contact contact, Instant at) {
    ConsentConfirmation c = new ConsentConfirmation(contact.workspace(), UUID.randomUUID(), contact.id(), MARKETING,
        "v1", at);
    run(contact.workspace(), () -> confirmations.add(c));
    return c;
  }

  @Test
  @DisplayName("CON-01: a mailed token works once, only the newest, and not once expired")
  void aTokenWorksOnceUntilItExpires() {
    Contact ada = contactWithPurposes(a);
    ConsentConfirmation c = requested(ada, NOW);
    String older = TokenHash.of("cnf_older");
    String newer = TokenHash.of("cnf_newer");
    assertThat(in(a, () -> confirmations.mint(a, c.id(), older, NOW.plus(Duration.ofDays(7))))).isTrue();
    assertThat(in(a, () -> confirmations.mint(a, c.id(), newer, NOW.plus(Duration.ofDays(7))))).isTrue();

    assertThat(in(a, () -> confirmations.use(a, older, NOW))).isEmpty();
    assertThat(in(a, () -> confirmations.use(a, newer, NOW.plus(Duration.ofDays(7))))).as("expired").isEmpty();
    assertThat(in(a, () -> confirmations.use(a, newer, NOW.plusSeconds(60)))).contains(c);
    assertThat(in(a, () -> confirmations.use(a, newer, NOW.plusSeconds(61)))).as("used").isEmpty();
    assertThat(in(a, () -> confirmations.findUnused(a, c.id()))).isEmpty();
    assertThat(in(a, () -> confirmations.mint(a, c.id(), older, NOW.plus(Duration.ofDays(7))))).isFalse();
  }

  @Test
  void aVoidedTokenNoLongerWorks_andRequestsAreCountedAndRemovedWithTheirContact() {
    Contact ada = contactWithPurposes(a);
    ConsentConfirmation c = requested(ada, NOW);
    requested(ada, NOW.plus(Duration.ofHours(2)));
    String hash = TokenHash.of("cnf_voided");
    run(a, () -> confirmations.mint(a, c.id(), hash, NOW.plus(Duration.ofDays(7))));
    run(a, () -> confirmations.voidToken(a, c.id()));
    assertThat(in(a, () -> confirmations.use(a, hash, NOW))).isEmpty();
    assertThat(in(a, () -> confirmations.findUnused(a, c.id()))).contains(c);

    assertThat(in(a, () -> confirmations.countSince(a, ada.id(), MARKETING, NOW))).isEqualTo(2);
    assertThat(in(a, () -> confirmations.countSince(a, ada.id(), MARKETING, NOW.plusSeconds(1)))).isEqualTo(1);
    assertThat(in(a, () -> confirmations.removeFor(a, ada.id()))).isEqualTo(2);
    assertThat(in(a, () -> confirmations.countSince(a, ada.id(), MARKETING, NOW))).isZero();
  }

  @Test
  @DisplayName("TEN-01: a call made for workspace B never sees, mints or uses workspace A's confirmation")
  void callsForAnotherWorkspaceNeverReachTheConfirmation() {
    Contact ada = contactWithPurposes(a);
    contactWithPurposes(b);
    ConsentConfirmation c = requested(ada, NOW);
    String hash = TokenHash.of("cnf_isolated");
    run(a, () -> confirmations.mint(a, c.id(), hash, NOW.plus(Duration.ofDays(7))));

    assertThat(in(b, () -> confirmations.findUnused(b, c.id()))).isEmpty();
    assertThat(in(b, () -> confirmations.use(b, hash, NOW))).isEmpty();
    assertThat(in(b, () -> confirmations.mint(b, c.id(), TokenHash.of("x"), NOW))).isFalse();
    assertThat(in(b, () -> confirmations.removeFor(b, ada.id()))).isZero();
    assertThat(in(a, () -> confirmations.use(a, hash, NOW))).contains(c);
  }
}
