package dev.custodian.crm.core.customfield;

import static dev.custodian.crm.core.customfield.CustomFieldFixtures.aSelectField;
import static dev.custodian.crm.core.customfield.CustomFieldFixtures.aTextField;
import static dev.custodian.crm.core.customfield.CustomFieldFixtures.option;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.customfield.port.out.CustomFieldRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.AbstractPortContractTest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link CustomFieldRepository}: a definition stored and replaced as one whole with its
 * options (in their order, ids kept), workspace scoping by the workspace argument, keys unique per
 * object type, optimistic locking and the list order. The in-memory fake and the jOOQ adapter both
 * extend it; the jOOQ adapter also runs it through a role that bypasses row-level security, so
 * every case here must hold by the queries alone.
 */
public abstract class AbstractCustomFieldRepositoryContractTest extends AbstractPortContractTest {

  private static final Instant LATER = Instant.parse("2026-06-07T08:09:10.123456Z");

  protected CustomFieldRepository fields;

  /** The repository under test, sharing the fixture's transactions. */
  protected abstract CustomFieldRepository fields();

  @Override
  protected void portsReady() {
    fields = fields();
  }

  private CustomField stored(CustomField field) {
    run(field.workspace(), () -> fields.insert(field));
    return field;
  }

  private Optional<CustomField> read(WorkspaceId workspace, CustomFieldId id) {
    return in(workspace, () -> fields.findById(workspace, id));
  }

  @Test
  void givenStoredDefinition_whenRead_thenItAndItsOptionsRoundTripInOrder() {
    CustomField select = stored(aSelectField(a, "tier"));
    CustomField text = stored(aTextField(a, "nickname"));

    assertThat(read(a, select.id())).contains(select);
    assertThat(read(a, text.id())).contains(text);
    assertThat(read(a, select.id()).orElseThrow().options()).extracting(o -> o.key().value())
        .containsExactly("gold", "silver");
    assertThat(read(a, select.id()).orElseThrow().createdAt().getNano() % 1000).isZero();
    assertThat(read(a, CustomFieldId.of(UUID.randomUUID()))).isEmpty();
    assertThat(in(a, () -> fields.count(a, ObjectType.CONTACT))).isEqualTo(2);
    assertThat(in(a, () -> fields.count(a, ObjectType.DEAL))).isZero();
  }

  @Test
  void listsOneObjectTypesDefinitionsOldestFirst() {
    CustomField first = stored(aTextField(a, "first"));
    CustomField second = stored(CustomField.create(a, CustomFieldId.of(UUID.randomUUID()), ObjectType.CONTACT,
        new FieldKey("second"), CustomFieldType.NUMBER, new FieldLabel("Second"), false, List.of(), LATER));
    CustomField ofCompanies = stored(CustomField.create(a, CustomFieldId.of(UUID.randomUUID()), ObjectType.COMPANY,
        new FieldKey("first"), CustomFieldType.DATE, new FieldLabel("First"), false, List.of(), LATER));

    assertThat(in(a, () -> fields.list(a, ObjectType.CONTACT))).containsExactly(first, second);
    assertThat(in(a, () -> fields.list(a, ObjectType.COMPANY))).containsExactly(ofCompanies);
    assertThat(in(a, () -> fields.list(a, ObjectType.DEAL))).isEmpty();
  }

  @Test
  void aKeyIsUniquePerObjectTypeOfAWorkspace() {
    stored(aTextField(a, "tier"));
    assertThatThrownBy(() -> stored(aSelectField(a, "tier"))).isInstanceOfSatisfying(ConflictException.class,
        e -> assertThat(e.kind()).isEqualTo(ConflictException.Kind.DUPLICATE));
    stored(aTextField(b, "tier"));
    assertThat(in(a, () -> fields.count(a, ObjectType.CONTACT))).isEqualTo(1);
  }

  @Test
  @DisplayName("TEN-01: a call made for workspace B never returns, changes or deletes workspace A's definition")
  void callsForAnotherWorkspaceNeverReachTheDefinition() {
    CustomField field = stored(aSelectField(a, "tier"));
    assertThat(read(b, field.id())).isEmpty();
    assertThat(in(b, () -> fields.list(b, ObjectType.CONTACT))).isEmpty();
    assertThat(in(b, () -> fields.count(b, ObjectType.CONTACT))).isZero();
    CustomField forged = CustomField.reconstitute(b, field.id(), field.objectType(), field.key(), field.type(),
        new FieldLabel("Forged"), false, field.options(), field.createdAt(), field.updatedAt(), field.version());
    assertThat(in(b, () -> fields.update(forged.changed(forged.label(), false, forged.options(), LATER), 1))).isFalse();
    assertThat(in(b, () -> fields.delete(b, field.id(), 1))).isFalse();
    assertThat(read(a, field.id())).contains(field);
  }

  @Test
  void givenCurrentVersion_whenUpdated_thenOptionsAreReplacedKeepingIds_andAStaleUpdateChangesNothing() {
    CustomField original = stored(aSelectField(a, "tier"));
    FieldOption gold = original.options().get(0);
    FieldOption bronze = option("bronze", "Bronze");
    CustomField changed = original.changed(new FieldLabel("Level"), false,
        List.of(bronze, new FieldOption(gold.id(), gold.key(), new FieldLabel("Golden"))), LATER);

    assertThat(in(a, () -> fields.update(changed, 1))).isTrue();
    assertThat(read(a, original.id())).contains(changed);
    assertThat(in(a, () -> fields.update(original.changed(original.label(), true, original.options(), LATER), 1)))
        .as("stale").isFalse();
    assertThat(read(a, original.id())).contains(changed);
  }

  @Test
  void deleteNeedsTheCurrentVersion_andTakesTheOptionsWithIt() {
    CustomField field = stored(aSelectField(a, "tier"));
    assertThat(in(a, () -> fields.delete(a, field.id(), 2))).isFalse();
    assertThat(in(a, () -> fields.delete(a, field.id(), 1))).isTrue();
    assertThat(read(a, field.id())).isEmpty();
    stored(CustomField.reconstitute(a, CustomFieldId.of(UUID.randomUUID()), ObjectType.CONTACT, field.key(),
        field.type(), field.label(), false, field.options(), field.createdAt(), field.updatedAt(), 1));
  }

  @Test
  void givenNoOpenTransaction_whenCalled_thenFailsLoudly() {
    assertThatThrownBy(() -> fields.findById(a, CustomFieldId.of(UUID.randomUUID())))
        .isInstanceOf(IllegalStateException.class);
  }
  @Test
  void anInsertTakesItsObjectTypesCountLock_soASecondInserterCountsTheFirstsDefinition() throws Exception {
    CountDownLatch inserted = new CountDownLatch(1);
    CountDownLatch otherDone = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Boolean> otherWasDoneBeforeCommit = pool.submit(() -> tx.inWorkspace(a, () -> {
        fields.insert(aSelectField(a, "first"));
        inserted.countDown();
        return awaitAtMost(otherDone, 1); // an insert that takes no lock would let the other through at once
      }));
      assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
      Future<Integer> other = pool.submit(() -> {
        try {
          return tx.inWorkspace(a, () -> {
            fields.insert(aTextField(a, "second"));
            return fields.count(a, ObjectType.CONTACT);
          });
        } finally {
          otherDone.countDown();
        }
      });

      assertThat(otherWasDoneBeforeCommit.get(20, TimeUnit.SECONDS))
          .as("the other insert finished while the first inserter's transaction was open").isFalse();
      assertThat(other.get(20, TimeUnit.SECONDS)).as("both inserts counted").isEqualTo(2);
    } finally {
      pool.shutdownNow();
    }
    assertThat(in(b, () -> fields.count(b, ObjectType.CONTACT))).as("another workspace's count is its own").isZero();
  }
}
