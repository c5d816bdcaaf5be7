package dev.custodian.crm.privacy.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditActor;
import dev.custodian.crm.core.audit.AuditChain;
import dev.custodian.crm.core.audit.AuditDetails;
import dev.custodian.crm.core.audit.AuditEntry;
import dev.custodian.crm.core.audit.AuditEvent;
import dev.custodian.crm.core.audit.AuditFilter;
import dev.custodian.crm.core.audit.AuditOutcome;
import dev.custodian.crm.core.audit.AuditTargetType;
import dev.custodian.crm.core.audit.ClientInfo;
import dev.custodian.crm.core.audit.PersonalFields;
import dev.custodian.crm.core.common.error.UnauthenticatedException;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.InMemoryPersistence;
import dev.custodian.crm.core.testing.MutableClock;
import dev.custodian.crm.core.testing.TestGates;
import dev.custodian.crm.privacy.crypto.MasterKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The chain's seal and the subject keys over the in-memory store. */
class ChainedAuditLogTest {

  private final InMemoryPersistence ports = new InMemoryPersistence();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00.123456Z"));
  private final byte[] key = new byte[32];
  private final ChainedAuditLog log;
  private final WorkspaceId workspace = WorkspaceId.of(UUID.randomUUID());

  ChainedAuditLogTest() {
    new SecureRandom().nextBytes(key);
    log = new ChainedAuditLog(ports.auditStore(), MasterKey.of(key), clock);
  }

  private long append(AuditEvent event) {
    return ports.transactions().inWorkspace(workspace, () -> log.append(AuditChain.of(workspace), event));
  }

  @Test
  @DisplayName("SEC-09: entries chain from 1 without a gap and verify; another master key does not")
  void entriesChainAndVerify() {
    for (int i = 1; i <= 5; i++) {
      assertThat(append(AuditEvent.of(AuditActor.system(), AuditAction.CONTACT_DELETED, AuditTargetType.CONTACT,
          UUID.randomUUID(), AuditDetails.none()))).isEqualTo(i);
    }
    assertThat(ports.transactions().inWorkspace(workspace, () -> log.verify(AuditChain.of(workspace))).valid()).isTrue();
    byte[] other = new byte[32];
    new SecureRandom().nextBytes(other);
    ChainedAuditLog forged = new ChainedAuditLog(ports.auditStore(), MasterKey.of(other), clock);
    assertThat(ports.transactions().inWorkspace(workspace, () -> forged.verify(AuditChain.of(workspace))).firstBreak())
        .hasValueSatisfying(b -> assertThat(b.sequence()).isEqualTo(1));
  }

  @Test
  @DisplayName("RET-08: personal fields decrypt until the subject is forgotten, then read as erased; the chain still verifies")
  void forgettingASubjectErasesItsFields() {
    UUID ada = UUID.randomUUID();
    append(new AuditEvent(AuditActor.account(ada), AuditAction.CONTACT_DELETED, AuditTargetType.CONTACT,
        Optional.empty(), AuditOutcome.SUCCEEDED, AuditDetails.none(),
        PersonalFields.of("ada@example.org", ClientInfo.of("192.0.2.1", "Browser"))));
    AuditEntry before = read();
    assertThat(before.personal().email()).contains("ada@example.org");
    assertThat(before.personal().userAgent()).contains("Browser");
    assertThat(ports.transactions().inPlatform(() -> log.forget(ada))).isTrue();
    AuditEntry after = read();
    assertThat(after.personal().erased()).isTrue();
    assertThat(after.personal().ip()).isEmpty();
    assertThat(ports.transactions().inWorkspace(workspace, () -> log.verify(AuditChain.of(workspace))).valid()).isTrue();
  }

  @Test
  @DisplayName("RET-08: a subject key remembered by one instance and forgotten through another, or never committed, is not used again")
  void aRememberedSubjectKeyIsCheckedByTheAppend() {
    UUID ada = UUID.randomUUID();
    ChainedAuditLog other = new ChainedAuditLog(ports.auditStore(), MasterKey.of(key), clock);
    append(adaEvent(ada, "first@example.org"));
    assertThat(ports.transactions().inPlatform(() -> other.forget(ada))).isTrue();
    append(adaEvent(ada, "second@example.org")); // this instance remembered the forgotten key
    assertThat(read().personal().email()).as("encrypted under a key that is stored").contains("second@example.org");
    assertThat(ports.transactions().inWorkspace(workspace,
        () -> log.newestFirst(AuditChain.of(workspace), AuditFilter.all(), OptionalLong.empty(), 10)).get(1).personal())
        .as("the entry under the forgotten key reads as erased, not as tampered").isEqualTo(PersonalFields.erasedFields());

    // a key made by an append whose transaction rolled back
    UUID grace = UUID.randomUUID();
    assertThatThrownBy(() -> ports.transactions().inWorkspace(workspace, () -> {
      log.append(AuditChain.of(workspace), adaEvent(grace, "rolled@example.org"));
      throw new IllegalStateException("the action fails after its append");
    })).isInstanceOf(IllegalStateException.class);
    append(adaEvent(grace, "kept@example.org"));
    assertThat(read().personal().email()).contains("kept@example.org");
    assertThat(ports.transactions().inWorkspace(workspace, () -> log.verify(AuditChain.of(workspace))).valid()).isTrue();
  }

  private static AuditEvent adaEvent(UUID account, String email) {
    return new AuditEvent(AuditActor.account(account), AuditAction.CONTACT_DELETED, AuditTargetType.CONTACT,
        Optional.empty(), AuditOutcome.SUCCEEDED, AuditDetails.none(), PersonalFields.of(email, ClientInfo.unknown()));
  }

  @Test
  void anAnonymousOrSystemEventHoldsNoPersonalField_andAnActionStaysOnItsKindOfChain() {
    assertThatThrownBy(() -> new AuditEvent(AuditActor.anonymous(), AuditAction.SIGN_IN_FAILED,
        AuditTargetType.ACCOUNT, Optional.empty(), AuditOutcome.FAILED, AuditDetails.none(),
        PersonalFields.of("nobody@example.org", ClientInfo.of("192.0.2.1", null))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> append(AuditEvent.of(AuditActor.system(), AuditAction.SIGN_IN_FAILED,
        AuditTargetType.ACCOUNT, null, AuditDetails.none()))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("SEC-08: neither SYSTEM nor ANONYMOUS passes WorkspaceTransactions.inWorkspace")
  void systemAndAnonymousActInNoWorkspace() {
    WorkspaceTransactions inWorkspace = TestGates.workspaceTransactions(ports, clock);
    for (Actor nobody : new Actor[] {Actor.SYSTEM, Actor.ANONYMOUS}) {
      assertThatThrownBy(() -> inWorkspace.inWorkspace(workspace, nobody, Permission.WORKSPACE_READ, () -> "ran"))
          .isInstanceOf(UnauthenticatedException.class);
      assertThatThrownBy(nobody::account).isInstanceOf(IllegalStateException.class);
    }
    assertThat(Actor.SYSTEM.audited()).isEqualTo(AuditActor.system());
    assertThat(Actor.ANONYMOUS.audited()).isEqualTo(AuditActor.anonymous());
  }

  private AuditEntry read() {
    return ports.transactions().inWorkspace(workspace,
        () -> log.newestFirst(AuditChain.of(workspace), AuditFilter.all(), OptionalLong.empty(), 1)).get(0);
  }
}
