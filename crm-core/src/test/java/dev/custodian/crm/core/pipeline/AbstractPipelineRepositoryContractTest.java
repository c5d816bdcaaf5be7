package dev.custodian.crm.core.pipeline;

import static dev.custodian.crm.core.pipeline.PipelineFixtures.aPipeline;
import static dev.custodian.crm.core.pipeline.PipelineFixtures.open;
import static dev.custodian.crm.core.pipeline.PipelineFixtures.stages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.paging.UuidOrder;
import dev.custodian.crm.core.pipeline.port.out.PipelineRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.AbstractPortContractTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
 * Contract of {@link PipelineRepository}: a pipeline stored and replaced as one whole with its
 * stages, workspace scoping by the workspace argument, names unique per workspace ignoring case,
 * one default per workspace, optimistic locking and the list order. The in-memory fake and the
 * jOOQ adapter both extend it; the jOOQ adapter also runs it through a role that bypasses
 * row-level security, so every case here must hold by the queries alone.
 */
public abstract class AbstractPipelineRepositoryContractTest extends AbstractPortContractTest {

  private static final Instant LATER = Instant.parse("2026-06-07T08:09:10.123456Z");

  protected PipelineRepository pipelines;

  /** The repository under test, sharing the fixture's transactions. */
  protected abstract PipelineRepository pipelines();

  @Override
  protected void portsReady() {
    pipelines = pipelines();
  }

  private Pipeline stored(Pipeline pipeline) {
    run(pipeline.workspace(), () -> pipelines.insert(pipeline));
    return pipeline;
  }

  private Optional<Pipeline> read(WorkspaceId workspace, PipelineId id) {
    return in(workspace, () -> pipelines.findById(workspace, id));
  }

  private boolean updated(Pipeline changed, long expectedVersion) {
    return in(changed.workspace(), () -> pipelines.update(changed, expectedVersion));
  }

  private static void assertDuplicate(Runnable call) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(ConflictException.class,
        e -> assertThat(e.kind()).isEqualTo(ConflictException.Kind.DUPLICATE));
  }

  @Test
  void givenStoredPipeline_whenRead_thenItAndItsStagesRoundTripInOrderAtMicrosecondPrecision() {
    Pipeline pipeline = stored(aPipeline(a, "Sales", true));

    Pipeline read = read(a, pipeline.id()).orElseThrow();
    assertThat(read).isEqualTo(pipeline);
    assertThat(read.createdAt().getNano() % 1000).isZero();
    assertThat(read.stages()).extracting(s -> s.name().value()).containsExactly("Lead", "Proposal", "Won", "Lost");
    assertThat(read.stages()).extracting(Stage::position).containsExactly(1, 2, 3, 4);
    assertThat(read.stages()).extracting(s -> s.probability().value()).containsExactly(10, 20, 100, 0);
    assertThat(read(a, PipelineId.of(UUID.randomUUID()))).isEmpty();
    assertThat(in(a, () -> pipelines.count(a))).isEqualTo(1);
  }

  @Test
  @DisplayName("TEN-01: a call made for workspace B never returns, changes or deletes workspace A's pipeline")
  void callsForAnotherWorkspaceNeverReachThePipeline() {
    Pipeline pipeline = stored(aPipeline(a, "Sales", true));
    Pipeline changedAsIfInB = Pipeline.reconstitute(b, pipeline.id(), new PipelineName("Mallory"), true,
        pipeline.stages(), pipeline.createdAt(), LATER, 2);

    run(b, () -> {
      assertThat(pipelines.findById(b, pipeline.id())).isEmpty();
      assertThat(pipelines.list(b)).isEmpty();
      assertThat(pipelines.count(b)).isZero();
      assertThat(pipelines.update(changedAsIfInB, pipeline.version())).isFalse();
      pipelines.clearDefault(b, LATER);
      assertThat(pipelines.delete(b, pipeline.id(), pipeline.version())).isFalse();
    });
    assertThat(read(a, pipeline.id())).contains(pipeline);
  }

  @Test
  @DisplayName("TEN-01: inside a transaction of workspace A, a call naming workspace B neither reads nor writes B's pipelines")
  void callsNamingAnotherWorkspaceThanTheTransactionsNeverReachIt() {
    Pipeline ofB = stored(aPipeline(b, "Sales", true));
    Pipeline changedOfB = ofB.changed(new PipelineName("Mallory"), true, LATER);
    Pipeline newOfB = aPipeline(b);

    run(a, () -> {
      assertRefusedOr(() -> pipelines.findById(b, ofB.id()), found -> assertThat(found).isEmpty());
      assertRefusedOr(() -> pipelines.list(b), list -> assertThat(list).isEmpty());
      assertRefusedOr(() -> pipelines.count(b), count -> assertThat(count).isZero());
      assertRefusedOr(() -> pipelines.update(changedOfB, ofB.version()), done -> assertThat(done).isFalse());
      assertRefusedOr(() -> {
        pipelines.clearDefault(b, LATER);
        return true;
      }, done -> { });
      assertRefusedOr(() -> pipelines.delete(b, ofB.id(), ofB.version()), done -> assertThat(done).isFalse());
      assertRefusedOr(() -> {
        pipelines.insert(newOfB);
        return true;
      }, inserted -> assertThat(inserted).as("an insert for B inside A's transaction").isFalse());
    });
    assertThat(read(b, ofB.id())).contains(ofB);
    assertThat(read(b, newOfB.id())).isEmpty();
  }

  @Test
  void givenNoOpenTransaction_whenCalled_thenFailsLoudly() {
    assertThatThrownBy(() -> pipelines.findById(a, PipelineId.of(UUID.randomUUID())))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> pipelines.list(a)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> pipelines.insert(aPipeline(a))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void givenNameTakenInWorkspace_whenInsertedInAnyCase_thenDuplicate_butAnotherWorkspaceMayUseIt() {
    stored(aPipeline(a, "Enterprise Sales", false));

    Pipeline sameNameOtherCase = aPipeline(a, "ENTERPRISE sales", false);
    assertDuplicate(() -> stored(sameNameOtherCase));
    assertThat(read(a, sameNameOtherCase.id())).isEmpty();
    assertThat(in(a, () -> pipelines.count(a))).isEqualTo(1);

    Pipeline inB = stored(aPipeline(b, "Enterprise Sales", false));
    assertThat(read(b, inB.id())).contains(inB);
  }

  @Test
  void givenNameTaken_whenRenamedToIt_thenDuplicateAndNothingChanges() {
    stored(aPipeline(a, "Renewals", false));
    Pipeline other = stored(aPipeline(a, "Upsell", false));

    assertDuplicate(() -> updated(other.changed(new PipelineName("renewals"), false, LATER), other.version()));
    assertThat(read(a, other.id())).contains(other);
    Pipeline caseOnly = other.changed(new PipelineName("UPSELL"), false, LATER);
    assertThat(updated(caseOnly, other.version())).as("its own name in another case").isTrue();
    assertThat(read(a, other.id())).contains(caseOnly);
  }

  @Test
  void aWorkspaceHasOneDefault_clearDefaultMakesWayForAnother_atTheOldDefaultsNextVersion() {
    Pipeline first = stored(aPipeline(a, "First", true));
    assertDuplicate(() -> stored(aPipeline(a, "Second", true)));
    Pipeline second = aPipeline(a, "Second", false);
    stored(second);
    assertDuplicate(() -> updated(second.changed(second.name(), true, LATER), second.version()));
    stored(aPipeline(b, "Default of B", true)); // another workspace's default is no obstacle

    Pipeline secondAsDefault = second.changed(second.name(), true, LATER);
    run(a, () -> {
      pipelines.clearDefault(a, LATER);
      assertThat(pipelines.update(secondAsDefault, second.version())).isTrue();
    });

    Pipeline firstNow = read(a, first.id()).orElseThrow();
    assertThat(firstNow.isDefault()).isFalse();
    assertThat(firstNow.version()).isEqualTo(first.version() + 1);
    assertThat(firstNow.updatedAt()).isEqualTo(LATER);
    assertThat(read(a, second.id())).contains(secondAsDefault);
    assertThat(in(a, () -> pipelines.list(a))).filteredOn(Pipeline::isDefault).containsExactly(secondAsDefault);
    run(a, () -> pipelines.clearDefault(a, LATER)); // then none; a second call changes nothing
    run(a, () -> pipelines.clearDefault(a, LATER));
    assertThat(in(a, () -> pipelines.list(a))).noneMatch(Pipeline::isDefault);
    assertThat(read(a, second.id()).orElseThrow().version()).isEqualTo(secondAsDefault.version() + 1);
    assertThat(in(b, () -> pipelines.list(b))).singleElement().matches(Pipeline::isDefault);
  }

  @Test
  void givenCurrentVersion_whenUpdated_thenItsStagesAreReplaced_andAStaleUpdateChangesNothing() {
    Pipeline original = stored(aPipeline(a, "Sales", true));
    Stage lead = original.stages().get(0);
    Stage proposal = original.stages().get(1);
    Stage demo = open("Demo", 40);
    Pipeline added = original.withStageAdded(demo, 1, LATER);
    assertThat(updated(added, original.version())).isTrue();
    assertThat(read(a, original.id())).contains(added);
    assertThat(read(a, original.id()).orElseThrow().stages()).extracting(s -> s.name().value())
        .containsExactly("Demo", "Lead", "Proposal", "Won", "Lost");

    Pipeline moved = added.withStageChanged(demo.id(), new StageName("Demonstration"), new Probability(45), 3, LATER);
    assertThat(updated(moved, added.version())).isTrue();
    Pipeline removed = moved.withoutStage(lead.id(), LATER);
    assertThat(updated(removed, moved.version())).isTrue();
    assertThat(read(a, original.id())).contains(removed);
    assertThat(removed.stages()).extracting(s -> s.name().value(), Stage::position).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Proposal", 1), org.assertj.core.groups.Tuple.tuple("Demonstration", 2),
        org.assertj.core.groups.Tuple.tuple("Won", 3), org.assertj.core.groups.Tuple.tuple("Lost", 4));

    Pipeline basedOnStaleRead = added.withoutStage(proposal.id(), LATER);
    assertThat(updated(basedOnStaleRead, added.version())).isFalse();
    assertThat(read(a, original.id())).contains(removed);
  }

  @Test
  void anUpdateMaySwapTwoStagesNamesAndPlaces_inOneWrite() {
    Pipeline original = stored(aPipeline(a, "Swaps", false));
    Stage lead = original.stages().get(0);
    Stage proposal = original.stages().get(1);
    List<Stage> swapped = new ArrayList<>(original.stages());
    swapped.set(0, new Stage(proposal.id(), lead.name(), StageKind.OPEN, proposal.probability(), 1));
    swapped.set(1, new Stage(lead.id(), proposal.name(), StageKind.OPEN, lead.probability(), 2));
    Pipeline changed = Pipeline.reconstitute(a, original.id(), original.name(), false, swapped,
        original.createdAt(), LATER, original.version() + 1);

    assertThat(updated(changed, original.version())).isTrue();
    assertThat(read(a, original.id())).contains(changed);
  }

  @Test
  void givenTwoInterleavedUpdatesFromTheSameVersion_thenOnlyOneChangesThePipeline() throws Exception {
    Pipeline original = stored(aPipeline(a, "Race", false));
    Pipeline winner = original.withStageAdded(open("Winner", 30), 1, LATER);
    Pipeline loser = original.withoutStage(original.stages().get(0).id(), LATER);
    CountDownLatch winnerWrote = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Boolean> first = pool.submit(() -> in(a, () -> {
        boolean done = pipelines.update(winner, original.version());
        winnerWrote.countDown();
        sleep(300); // still uncommitted while the other update runs
        return done;
      }));
      assertThat(winnerWrote.await(10, TimeUnit.SECONDS)).isTrue();
      Future<Boolean> second = pool.submit(() -> in(a, () -> pipelines.update(loser, original.version())));

      assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
      assertThat(second.get(10, TimeUnit.SECONDS)).isFalse();
    } finally {
      pool.shutdownNow();
    }
    assertThat(read(a, original.id())).contains(winner);
  }

  @Test
  void deleteTakesTheStagesAlong_onlyAtTheCurrentVersion() {
    Pipeline pipeline = stored(aPipeline(a, "Short-lived", false));
    Pipeline kept = stored(aPipeline(a, "Kept", true));

    assertThat(in(a, () -> pipelines.delete(a, pipeline.id(), pipeline.version() + 1))).isFalse();
    assertThat(read(a, pipeline.id())).contains(pipeline);
    assertThat(in(a, () -> pipelines.delete(a, pipeline.id(), pipeline.version()))).isTrue();
    assertThat(read(a, pipeline.id())).isEmpty();
    assertThat(in(a, () -> pipelines.delete(a, pipeline.id(), pipeline.version()))).isFalse();
    assertThat(in(a, () -> pipelines.list(a))).containsExactly(kept);

    // Its stages went with it: the same stage ids may serve a new pipeline.
    Pipeline again = Pipeline.create(a, PipelineId.of(UUID.randomUUID()), new PipelineName("Short-lived"), false,
        pipeline.stages(), LATER);
    stored(again);
    assertThat(read(a, again.id())).contains(again);
  }

  @Test
  void listShowsTheWorkspacesPipelinesOldestFirst_thenByIdInUnsignedUuidOrder() {
    Instant tie = Instant.parse("2026-01-01T00:00:00.000001Z");
    List<Pipeline> all = new ArrayList<>();
    List<String> ids = List.of("ffffffff-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002",
        "80000000-0000-4000-8000-000000000003");
    for (int i = 0; i < ids.size(); i++) {
      all.add(aPipeline(a, "Tie " + i, i == 0, tie, UUID.fromString(ids.get(i))));
    }
    all.add(aPipeline(a, "Earlier", false, tie.minus(1, ChronoUnit.MICROS), UUID.randomUUID()));
    all.forEach(this::stored);
    stored(aPipeline(b, "Of B", true));

    List<Pipeline> expected = new ArrayList<>(all);
    expected.sort(Comparator.comparing(Pipeline::createdAt).thenComparing(p -> p.id().value(), UuidOrder.UNSIGNED));
    assertThat(in(a, () -> pipelines.list(a))).containsExactlyElementsOf(expected);
    assertThat(in(a, () -> pipelines.count(a))).isEqualTo(4);
  }

  @Test
  void stageNamesKeepTheirCase_andPipelinesHoldUpToThirtyStages() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < Pipeline.MAX_STAGES - 2; i++) {
      names.add("Étape " + i);
    }
    Pipeline full = Pipeline.create(a, PipelineId.of(UUID.randomUUID()), new PipelineName("Très long"), false,
        stages(names.toArray(String[]::new)), LATER);
    stored(full);

    Pipeline read = read(a, full.id()).orElseThrow();
    assertThat(read).isEqualTo(full);
    assertThat(read.stages()).hasSize(Pipeline.MAX_STAGES);
    assertThat(read.name().key()).isEqualTo("Très long".toLowerCase(Locale.ROOT));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anInsertTakesTheWorkspacesCountLock_soASecondInserterCountsTheFirstsPipeline() throws Exception {
    java.util.concurrent.CountDownLatch inserted = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch otherDone = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    int before = in(a, () -> pipelines.count(a));
    try {
      java.util.concurrent.Future<Boolean> otherWasDoneBeforeCommit = pool.submit(() -> tx.inWorkspace(a, () -> {
        pipelines.insert(aPipeline(a));
        inserted.countDown();
        return awaitAtMost(otherDone, 1); // an insert that takes no lock would let the other through at once
      }));
      assertThat(inserted.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      java.util.concurrent.Future<Integer> other = pool.submit(() -> {
        try {
          return tx.inWorkspace(a, () -> {
            pipelines.insert(aPipeline(a));
            return pipelines.count(a);
          });
        } finally {
          otherDone.countDown();
        }
      });

      assertThat(otherWasDoneBeforeCommit.get(20, java.util.concurrent.TimeUnit.SECONDS))
          .as("the other insert finished while the first inserter's transaction was open").isFalse();
      assertThat(other.get(20, java.util.concurrent.TimeUnit.SECONDS)).as("both inserts counted").isEqualTo(before + 2);
    } finally {
      pool.shutdownNow();
    }
    assertThat(in(b, () -> pipelines.count(b))).as("another workspace's count is its own").isEqualTo(0);
  }
}
