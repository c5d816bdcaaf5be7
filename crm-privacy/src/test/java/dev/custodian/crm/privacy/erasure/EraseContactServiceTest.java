package dev.custodian.crm.privacy.erasure;

import static dev.custodian.crm.core.workspace.WorkspaceFixtures.aWorkspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.InMemoryMembershipRepository;
import dev.custodian.crm.core.access.Role;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.company.InMemoryCompanyRepository;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.InMemoryContactRepository;
import dev.custodian.crm.core.contact.port.in.CreateContactCommand;
import dev.custodian.crm.core.contact.service.CreateContactService;
import dev.custodian.crm.core.customfield.service.CustomValueIntake;
import dev.custodian.crm.core.erasure.ErasureParticipant;
import dev.custodian.crm.core.erasure.ErasureReceipt;
import dev.custodian.crm.core.erasure.InMemoryErasureReceiptRepository;
import dev.custodian.crm.core.erasure.InMemorySuppressionEntryRepository;
import dev.custodian.crm.core.erasure.SuppressionKind;
import dev.custodian.crm.core.erasure.port.out.ErasureReceiptRepository;
import dev.custodian.crm.core.keys.port.out.KeyProvider;
import dev.custodian.crm.core.suppression.port.out.SuppressionList;
import dev.custodian.crm.core.tenancy.PageQuery;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.TestGates;
import dev.custodian.crm.core.workspace.InMemoryWorkspaceRepository;
import dev.custodian.crm.core.workspace.Workspace;
import dev.custodian.crm.privacy.erasure.service.EraseContactService;
import dev.custodian.crm.privacy.erasure.service.ErasureServices;
import dev.custodian.crm.privacy.suppression.HashedSuppressionList;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EraseContactServiceTest {

  private final InMemoryTransactions tx = new InMemoryTransactions();
  private final InMemoryMembershipRepository memberships = new InMemoryMembershipRepository(tx);
  private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository(tx, memberships);
  private final InMemoryCompanyRepository companies = new InMemoryCompanyRepository(tx);
  private final InMemoryContactRepository contacts = new InMemoryContactRepository(tx, companies);
  private final InMemorySuppressionEntryRepository entries = new InMemorySuppressionEntryRepository(tx);
  private final InMemoryErasureReceiptRepository receipts = new InMemoryErasureReceiptRepository(tx);
  private final byte[] master = HexFormat.of().parseHex("aa".repeat(32));
  private final KeyProvider keys = master::clone;
  private final HashedSuppressionList suppression = new HashedSuppressionList(entries, keys);
  private final WorkspaceTransactions inWorkspace = TestGates.workspaceTransactions(tx, memberships);
  private final CreateContactService create =
      new CreateContactService(inWorkspace, contacts, suppression, CustomValueIntake.none(), IdGenerator.random(),
          Clock.systemUTC());
  /** Every use case below runs for this member of both workspaces. */
  private final Actor member = Actor.account(AccountId.of(UUID.randomUUID()));
  private WorkspaceId a;
  private WorkspaceId b;

  @BeforeEach
  void workspaces() {
    Workspace wa = aWorkspace();
    Workspace wb = aWorkspace();
    tx.inPlatform(() -> {
      workspaces.insert(wa);
      workspaces.insert(wb);
      memberships.insert(wa.id(), member.account(), Role.ADMIN, wa.createdAt());
      memberships.insert(wb.id(), member.account(), Role.ADMIN, wb.createdAt());
      return null;
    });
    a = wa.id();
    b = wb.id();
  }

  private EraseContactService eraser(List<ErasureParticipant> participants, ErasureReceiptRepository receiptStore) {
    return new EraseContactService(inWorkspace, contacts, participants, suppression, receiptStore,
        IdGenerator.random(), Clock.systemUTC());
  }

  private EraseContactService eraser() {
    return eraser(List.of(), receipts);
  }

  private Contact ada(WorkspaceId workspace) {
    return create.create(member, CreateContactCommand.of(workspace, "Ada", "Lovelace", "Ada@Example.org", "+44 20 7946 0958", null, null));
  }

  @Test
  @DisplayName("DSR-04: erasure deletes the contact, suppresses its email and phone, and keeps a receipt without personal data")
  void erasureDeletesSuppressesAndReceipts() {
    Contact ada = ada(a);
    ErasureReceipt receipt = eraser().erase(member, a, ada.id());

    assertThat(receipt.contactId()).isEqualTo(ada.id());
    assertThat(receipt.workspace()).isEqualTo(a);
    assertThat(receipt.removedByParticipant()).containsExactly(java.util.Map.entry("contacts", 1));
    assertThat(receipt.toString()).doesNotContain("Ada", "Lovelace", "example", "7946");
    assertThat(tx.inWorkspace(a, () -> contacts.findById(a, ada.id()))).isEmpty();
    assertThat(tx.inWorkspace(a, () -> suppression.suppressed(a, Optional.of(ada.email()), ada.phone())))
        .containsExactlyInAnyOrder(SuppressionList.Identifier.EMAIL, SuppressionList.Identifier.PHONE);
    Page<ErasureReceipt> listed = ErasureServices.create(inWorkspace, contacts, suppression, receipts, List.of(),
        IdGenerator.random(), Clock.systemUTC()).list()
        .list(member, PageQuery.of(a, null, null));
    assertThat(listed.items()).containsExactly(receipt);
  }

  @Test
  @DisplayName("DSR-04: an erased person cannot be re-added in the same workspace, but may be in another")
  void erasedPersonIsSuppressedInItsWorkspaceOnly() {
    Contact ada = ada(a);
    eraser().erase(member, a, ada.id());

    assertThatThrownBy(() -> create.create(member, CreateContactCommand.of(a, "A", "L", "  ADA@example.ORG ", null, null, null)))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.kind()).isEqualTo(ConflictException.Kind.SUPPRESSED));
    assertThatThrownBy(() -> create.create(member, CreateContactCommand.of(a, "A", "L", "other@example.org", "+44 (20) 7946-0958", null, null)))
        .isInstanceOf(ConflictException.class);
    assertThat(ada(b).workspace()).isEqualTo(b);
  }

  @Test
  void secondErasureAndUnknownContactAreNotFound() {
    Contact ada = ada(a);
    eraser().erase(member, a, ada.id());
    assertThatThrownBy(() -> eraser().erase(member, a, ada.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> eraser().erase(member, b, ada.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> eraser().erase(member, WorkspaceId.of(UUID.randomUUID()), ContactId.of(UUID.randomUUID())))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void givenReceiptWriteFails_thenNothingOfTheErasureHappened() {
    Contact ada = ada(a);
    ErasureReceiptRepository failing = new ErasureReceiptRepository() {
      @Override
      public void insert(ErasureReceipt receipt) {
        throw new IllegalStateException("receipt store down");
      }

      @Override
      public Page<ErasureReceipt> list(WorkspaceId workspace, PageRequest page) {
        throw new UnsupportedOperationException();
      }
    };
    assertThatThrownBy(() -> eraser(List.of(), failing).erase(member, a, ada.id()))
        .hasMessage("receipt store down");

    assertThat(tx.inWorkspace(a, () -> contacts.findById(a, ada.id()))).contains(ada);
    assertThat(tx.inWorkspace(a, () -> suppression.suppressed(a, Optional.of(ada.email()), Optional.empty()))).isEmpty();
  }

  @Test
  void everyParticipantTakesPart_theContactRecordAlways_andEachIsCountedOnTheReceipt() {
    Contact ada = ada(a);
    ErasureParticipant activities = new ErasureParticipant() {
      @Override
      public String name() {
        return "activities";
      }

      @Override
      public int eraseContact(WorkspaceId workspace, ContactId contact) {
        return 3;
      }
    };
    ErasureReceipt receipt = eraser(List.of(activities), receipts).erase(member, a, ada.id());
    // The contact record always takes part, last: other records may refer to it.
    assertThat(receipt.removedByParticipant()).containsExactly(
        java.util.Map.entry("activities", 3), java.util.Map.entry("contacts", 1));
    assertThat(tx.inWorkspace(a, () -> contacts.findById(a, ada.id()))).isEmpty();
  }

  @Test
  @DisplayName("DSR-04: suppression hashes are keyed per workspace, never the plain SHA-256 of the value")
  void suppressionHashIsKeyedPerWorkspace() throws Exception {
    Contact inA = ada(a);
    Contact inB = ada(b);
    eraser().erase(member, a, inA.id());
    eraser().erase(member, b, inB.id());

    String plainSha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest("ada@example.org".getBytes(StandardCharsets.UTF_8)));
    String kindedSha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest("email:ada@example.org".getBytes(StandardCharsets.UTF_8)));
    String hashA = dev.custodian.crm.privacy.crypto.KeyedHash.of(
        dev.custodian.crm.privacy.crypto.KeyDerivation.workspaceKey(master, "suppression", a), "email", "ada@example.org");
    String hashB = dev.custodian.crm.privacy.crypto.KeyedHash.of(
        dev.custodian.crm.privacy.crypto.KeyDerivation.workspaceKey(master, "suppression", b), "email", "ada@example.org");

    assertThat(tx.inWorkspace(a, () -> entries.existing(a, Map.of(SuppressionKind.EMAIL, hashA))))
        .containsExactly(SuppressionKind.EMAIL);
    assertThat(hashA).isNotEqualTo(hashB).isNotEqualTo(plainSha256).isNotEqualTo(kindedSha256);
    assertThat(tx.inWorkspace(a, () -> entries.existing(a, Map.of(SuppressionKind.EMAIL, plainSha256))))
        .isEmpty();
  }
}
