package dev.custodian.crm.privacy.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditEntry;
import dev.custodian.crm.core.audit.AuditFilter;
import dev.custodian.crm.core.audit.AuditTargetType;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.consent.ConsentProof;
import dev.custodian.crm.core.consent.PurposeKey;
import dev.custodian.crm.core.consent.port.in.CreatePurposeCommand;
import dev.custodian.crm.core.consent.port.in.RecordConsentCommand;
import dev.custodian.crm.core.consent.port.in.UpdatePurposeCommand;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.port.in.CreateContactCommand;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.InMemoryPersistence;
import dev.custodian.crm.core.workspace.port.in.CreateWorkspaceCommand;
import dev.custodian.crm.privacy.Custodian;
import dev.custodian.crm.privacy.crypto.MasterKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SEC-09 for consent: each consent change appends its entry in its own transaction; a rollback leaves none. */
class ConsentAuditTest {

  private final InMemoryPersistence persistence = new InMemoryPersistence();
  private Custodian custodian;
  private final Actor owner = Actor.account(AccountId.of(UUID.randomUUID()));
  private WorkspaceId ws;
  private Contact ada;

  @BeforeEach
  void workspaceAndContact() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    custodian = Custodian.builder().persistence(persistence).keys(MasterKey.of(key)).build();
    ws = custodian.workspaces().create().create(owner, CreateWorkspaceCommand.named("Audited")).id();
    ada = custodian.contacts().create().create(owner, CreateContactCommand.builder(ws).firstName("Ada")
        .lastName("Lovelace").email("ada.audit@example.org").build());
  }

  private List<AuditEntry> oldestFirst() {
    List<AuditEntry> entries = new ArrayList<>(
        custodian.audit().list().list(owner, ws, AuditFilter.all(), OptionalLong.empty(), 100).items());
    Collections.reverse(entries);
    return entries;
  }

  private List<AuditAction> actions() {
    return oldestFirst().stream().map(AuditEntry::action).toList();
  }

  private void record(String purpose, String kind) {
    custodian.consent().ledger().record(owner, RecordConsentCommand.of(ws, ada.id(),
        new RecordConsentCommand.Raw(purpose, kind, "API", null, "notice-v1", null), Instant.now(), ConsentProof.none()));
  }

  @Test
  @DisplayName("SEC-09: purpose created, changed, retired; consent recorded; restriction set, lifted; proof queried: one entry each, no address")
  void eachConsentChangeAudits() {
    PurposeKey newsletter = new PurposeKey("newsletter");
    custodian.consent().purposes().create(owner, CreatePurposeCommand.of(ws, "newsletter", "Newsletter", null,
        "CONSENT", null, true, false));
    long version = custodian.consent().purposes().get(owner, ws, newsletter).version();
    custodian.consent().purposes().update(owner, UpdatePurposeCommand.of(new Validator(), ws, newsletter,
        OptionalLong.of(version), PatchValue.set("Weekly news"), PatchValue.absent(), PatchValue.absent(),
        PatchValue.absent(), PatchValue.absent()));
    record("newsletter", "GRANTED");
    record("newsletter", "WITHDRAWN");
    record("newsletter", "WITHDRAWN"); // nothing to withdraw: appends nothing, audits nothing
    custodian.consent().purposes().retire(owner, ws, newsletter);
    custodian.consent().purposes().retire(owner, ws, newsletter); // retired already: unchanged
    custodian.consent().restrictions().restrict(owner, ws, ada.id());
    custodian.consent().restrictions().restrict(owner, ws, ada.id()); // restricted already
    custodian.consent().restrictions().lift(owner, ws, ada.id());
    custodian.consent().restrictions().lift(owner, ws, ada.id()); // not restricted
    custodian.consent().ledger().proof(owner, ws, new EmailAddress("ada.audit@example.org"));

    assertThat(actions()).containsExactly(AuditAction.PURPOSE_CREATED, AuditAction.PURPOSE_CHANGED,
        AuditAction.CONSENT_RECORDED, AuditAction.CONSENT_RECORDED, AuditAction.PURPOSE_RETIRED,
        AuditAction.RESTRICTION_SET, AuditAction.RESTRICTION_LIFTED, AuditAction.PROOF_QUERIED);
    List<AuditEntry> entries = oldestFirst();
    assertThat(entries.get(0).targetType()).isEqualTo(AuditTargetType.PURPOSE);
    assertThat(entries.get(0).targetId()).contains(newsletter.auditId());
    assertThat(entries.get(1).details().values()).containsEntry("fields", "name");
    assertThat(entries.get(2).targetId()).contains(ada.id().value());
    assertThat(entries.get(2).details().values()).containsEntry("purpose_id", newsletter.auditId().toString())
        .containsEntry("kind", "GRANTED").containsEntry("source", "API");
    assertThat(entries.get(7).details().values()).containsEntry("entries", "2");
    assertThat(entries).allSatisfy(entry -> assertThat(entry.details().canonical())
        .doesNotContain("@").doesNotContain("ada").doesNotContain("newsletter"));
  }

  @Test
  @DisplayName("SEC-09: a purpose create that fails after its entry (a key taken) rolls the entry back; a refused recording leaves none")
  void aRollbackLeavesNoEntry() {
    custodian.consent().purposes().create(owner, CreatePurposeCommand.of(ws, "newsletter", "Newsletter", null,
        "CONSENT", null, true, false));
    int before = actions().size();

    assertThatThrownBy(() -> custodian.consent().purposes().create(owner, CreatePurposeCommand.of(ws, "newsletter",
        "Again", null, "CONSENT", null, false, false))).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> record("analytics", "GRANTED")).isInstanceOf(ConflictException.class);

    assertThat(actions()).hasSize(before);
  }
}
