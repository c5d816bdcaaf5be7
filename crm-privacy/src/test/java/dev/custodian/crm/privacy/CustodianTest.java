package dev.custodian.crm.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.port.in.CreateContactCommand;
import dev.custodian.crm.core.erasure.ErasureParticipant;
import dev.custodian.crm.core.erasure.ErasureReceipt;
import dev.custodian.crm.core.keys.port.out.KeyProvider;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.InMemoryPersistence;
import dev.custodian.crm.core.workspace.Workspace;
import dev.custodian.crm.core.workspace.port.in.CreateWorkspaceCommand;
import dev.custodian.crm.privacy.crypto.MasterKey;
import dev.custodian.crm.privacy.crypto.MasterKeyCheck;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The library's entry point: what it checks before any use case runs, and what it never drops. */
class CustodianTest {

  private final InMemoryPersistence persistence = new InMemoryPersistence();

  private static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  private Custodian build(KeyProvider keys) {
    return Custodian.builder().persistence(persistence).keys(keys).build();
  }

  @Test
  void givenAnotherKeyThanTheStoredCheck_whenBuilt_thenRefused() {
    byte[] first = randomKey();
    build(MasterKey.of(first)); // first start: stores the check value
    build(MasterKey.of(first)); // the same key again: fine

    assertThatThrownBy(() -> build(MasterKey.of(randomKey())))
        .isInstanceOf(MasterKeyCheck.MismatchException.class);
  }

  @Test
  void givenAShortOrAllZeroKey_whenBuilt_thenRefusedBeforeAnythingIsStoredOrRun() {
    AtomicInteger asked = new AtomicInteger();
    for (byte[] bad : new byte[][] {new byte[16], new byte[32], null}) {
      KeyProvider keys = () -> {
        asked.incrementAndGet();
        return bad == null ? null : bad.clone();
      };
      assertThatThrownBy(() -> build(keys)).isInstanceOf(MasterKeyCheck.InvalidKeyException.class);
    }
    assertThat(asked).hasValue(3);
    assertThat(persistence.transactions().inPlatform(() -> persistence.keyChecks().find())).isEmpty();
    assertThat(persistence.transactions().inPlatform(() -> persistence.workspaces().existsBySlug(
        new dev.custodian.crm.core.workspace.Slug("acme-ltd")))).isFalse();
  }

  @Test
  void givenNoPersistenceOrNoKeys_whenBuilt_thenRefused() {
    assertThatThrownBy(() -> Custodian.builder().keys(MasterKey.of(randomKey())).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("persistence");
    assertThatThrownBy(() -> Custodian.builder().persistence(persistence).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("keys");
  }

  @Test
  @DisplayName("DSR-04: an erasure through the entry point given only an extra participant still deletes the contact")
  void givenOnlyAnExtraParticipant_whenErased_thenTheContactRecordIsDeletedAndCounted() {
    AtomicInteger notes = new AtomicInteger();
    Custodian custodian = Custodian.builder()
        .persistence(persistence)
        .keys(MasterKey.of(randomKey()))
        .erasureParticipant(new ErasureParticipant() {
          @Override
          public String name() {
            return "notes";
          }

          @Override
          public int eraseContact(WorkspaceId workspace, ContactId contact) {
            return notes.incrementAndGet() + 1;
          }
        })
        .build();
    Actor me = Actor.account(AccountId.of(UUID.randomUUID()));
    Workspace acme = custodian.workspaces().create().create(me, CreateWorkspaceCommand.named("Acme Ltd"));
    Contact ada = custodian.contacts().create().create(me, CreateContactCommand.builder(acme.id())
        .firstName("Ada").lastName("Lovelace").email("ada@example.org").build());

    ErasureReceipt receipt = custodian.erasure().erase().erase(me, acme.id(), ada.id());

    assertThat(receipt.removedByParticipant())
        .containsExactly(Map.entry("dealContacts", 0), Map.entry("activities", 0), Map.entry("activityLinks", 0),
            Map.entry("tasks", 0), Map.entry("taskLinks", 0), Map.entry("customValues", 0), Map.entry("consent", 0),
            Map.entry("importRows", 0),
            Map.entry("notes", 2),
            Map.entry("contacts", 1));
    assertThat(receipt.forReview()).isEmpty();
    assertThat(persistence.transactions().inWorkspace(acme.id(),
        () -> persistence.contacts().findById(acme.id(), ada.id()))).isEmpty();
  }

  @Test
  void aNewWorkspaceStartsWithTheDefaultPipeline_thenWhatAnEmbeddersInitializersStore_inItsCreatingTransaction() {
    List<String> seen = new java.util.ArrayList<>();
    byte[] key = randomKey();
    Custodian custodian = Custodian.builder()
        .persistence(persistence)
        .keys(MasterKey.of(key))
        .workspaceInitializer(workspace -> seen.add("pipelines already there: "
            + persistence.pipelines().list(workspace).size())) // joins the creating transaction
        .build();
    Actor me = Actor.account(AccountId.of(UUID.randomUUID()));
    Workspace acme = custodian.workspaces().create().create(me, CreateWorkspaceCommand.named("Acme Ltd"));

    assertThat(seen).containsExactly("pipelines already there: 1");
    assertThat(custodian.pipelines().list().list(me, acme.id())).singleElement().satisfies(sales -> {
      assertThat(sales.name().value()).isEqualTo("Sales");
      assertThat(sales.isDefault()).isTrue();
      assertThat(sales.stages()).hasSize(6);
    });

    Custodian failing = Custodian.builder()
        .persistence(persistence)
        .keys(MasterKey.of(key))
        .workspaceInitializer(workspace -> {
          throw new IllegalStateException("boom");
        })
        .build();
    assertThatThrownBy(() -> failing.workspaces().create().create(me, CreateWorkspaceCommand.of("Broken", "broken")))
        .hasMessage("boom");
    assertThat(persistence.transactions().inPlatform(() -> persistence.workspaces().existsBySlug(
        new dev.custodian.crm.core.workspace.Slug("broken")))).isFalse();
  }

  @Test
  void aParticipantCannotTakeTheContactRecordsNameOrAnothersOnTheReceipt() {
    ErasureParticipant named = new ErasureParticipant() {
      @Override
      public String name() {
        return "contacts";
      }

      @Override
      public int eraseContact(WorkspaceId workspace, ContactId contact) {
        return 0;
      }
    };
    assertThatThrownBy(() -> Custodian.builder().erasureParticipant(named))
        .isInstanceOf(IllegalArgumentException.class);
    ErasureParticipant activities = new ErasureParticipant() {
      @Override
      public String name() {
        return "activityLinks";
      }

      @Override
      public int eraseContact(WorkspaceId workspace, ContactId contact) {
        return 0;
      }
    };
    assertThatThrownBy(() -> Custodian.builder().erasureParticipant(activities))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
