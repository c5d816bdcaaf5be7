package dev.custodian.crm.core.consent;

import static dev.custodian.crm.core.contact.ContactFixtures.aContact;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.core.consent.port.out.ProcessingRestrictions;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.testing.AbstractPortContractTest;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Contract of {@link ProcessingRestrictions}: restrict once (the first time stays), lift, scoping. */
public abstract class AbstractProcessingRestrictionsContractTest extends AbstractPortContractTest {

  protected ProcessingRestrictions restrictions;
  protected ContactRepository contacts;

  protected abstract ProcessingRestrictions restrictions();

  protected abstract ContactRepository contacts();

  @Override
  protected void portsReady() {
    restrictions = restrictions();
    contacts = contacts();
  }

  @Test
  void aRestrictionKeepsItsFirstTimeUntilLifted() {
    Contact ada = aContact(a);
    run(a, () -> contacts.insert(ada));
    Instant first = Instant.parse("2026-05-06T07:08:09.123456Z");

    assertThat(in(a, () -> restrictions.restrict(a, ada.id(), first))).isTrue();
    assertThat(in(a, () -> restrictions.restrict(a, ada.id(), first.plusSeconds(5)))).isFalse();
    assertThat(in(a, () -> restrictions.restrictedSince(a, ada.id()))).contains(first);
    assertThat(in(a, () -> restrictions.lift(a, ada.id()))).isTrue();
    assertThat(in(a, () -> restrictions.lift(a, ada.id()))).isFalse();
    assertThat(in(a, () -> restrictions.restrictedSince(a, ada.id()))).isEmpty();
  }

  @Test
  @DisplayName("TEN-01: a call made for workspace B never sees or lifts workspace A's restriction")
  void callsForAnotherWorkspaceNeverReachTheRestriction() {
    Contact ada = aContact(a);
    run(a, () -> contacts.insert(ada));
    run(a, () -> restrictions.restrict(a, ada.id(), Instant.now()));

    assertThat(in(b, () -> restrictions.restrictedSince(b, ada.id()))).isEmpty();
    assertRefusedOr(() -> in(b, () -> restrictions.lift(a, ada.id())), lifted -> assertThat(lifted).isFalse());
    assertRefusedOr(() -> in(b, () -> restrictions.restrictedSince(a, ada.id())), found -> assertThat(found).isEmpty());
    assertThat(in(a, () -> restrictions.restrictedSince(a, ada.id()))).isPresent();
  }
}
