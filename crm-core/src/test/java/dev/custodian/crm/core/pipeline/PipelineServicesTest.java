package dev.custodian.crm.core.pipeline;

import static dev.custodian.crm.core.workspace.WorkspaceFixtures.aWorkspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.InMemoryMembershipRepository;
import dev.custodian.crm.core.access.Role;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.CrmException;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.ForbiddenException;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.error.PreconditionFailedException;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.pipeline.port.in.AddStageCommand;
import dev.custodian.crm.core.pipeline.port.in.CreatePipelineCommand;
import dev.custodian.crm.core.pipeline.port.in.CreatePipelineCommand.RawStage;
import dev.custodian.crm.core.pipeline.port.in.DeletePipelineCommand;
import dev.custodian.crm.core.pipeline.port.in.DeleteStageCommand;
import dev.custodian.crm.core.pipeline.port.in.PipelineUseCases;
import dev.custodian.crm.core.pipeline.port.in.StageAdded;
import dev.custodian.crm.core.pipeline.port.in.UpdatePipelineCommand;
import dev.custodian.crm.core.pipeline.port.in.UpdateStageCommand;
import dev.custodian.crm.core.pipeline.service.DefaultPipelineInitializer;
import dev.custodian.crm.core.pipeline.service.PipelineServices;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.TestGates;
import dev.custodian.crm.core.workspace.InMemoryWorkspaceRepository;
import dev.custodian.crm.core.workspace.Slug;
import dev.custodian.crm.core.workspace.Workspace;
import dev.custodian.crm.core.workspace.port.in.CreateWorkspaceCommand;
import dev.custodian.crm.core.workspace.port.in.WorkspaceUseCases;
import dev.custodian.crm.core.workspace.service.WorkspaceServices;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pipeline use cases on the in-memory fakes: every rule of pipelines and their stages. */
class PipelineServicesTest {

  private final InMemoryTransactions tx = new InMemoryTransactions();
  private final InMemoryMembershipRepository memberships = new InMemoryMembershipRepository(tx);
  private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository(tx, memberships);
  private final InMemoryPipelineRepository repository = new InMemoryPipelineRepository(tx);
  private final WorkspaceTransactions inWorkspace = TestGates.workspaceTransactions(tx, memberships);
  private final PipelineUseCases pipelines =
      PipelineServices.create(inWorkspace, repository, IdGenerator.random(), Clock.systemUTC());
  private final Actor admin = Actor.account(AccountId.of(UUID.randomUUID()));
  private final Actor viewer = Actor.account(AccountId.of(UUID.randomUUID()));
  private WorkspaceId ws;
  /** The workspace's default pipeline, "Sales", as a new workspace gets it. */
  private Pipeline sales;

  @BeforeEach
  void workspaceWithItsDefaultPipeline() {
    Workspace w = aWorkspace();
    tx.inWorkspace(w.id(), () -> {
      workspaces.insert(w);
      memberships.insert(w.id(), admin.account(), Role.ADMIN, w.createdAt());
      memberships.insert(w.id(), viewer.account(), Role.VIEWER, w.createdAt());
      new DefaultPipelineInitializer(repository, IdGenerator.random(), Clock.systemUTC()).initialize(w.id());
      return null;
    });
    ws = w.id();
    sales = pipelines.list().list(admin, ws).get(0);
  }

  private static RawStage raw(String name, String kind, Integer probability) {
    return new RawStage(name, kind, probability);
  }

  private static List<RawStage> valid() {
    return List.of(raw("Won", "won", null), raw("Lead", "open", 20), raw("Lost", "LOST", 0), raw("Demo", "Open", 60));
  }

  private Pipeline create(String name, boolean isDefault) {
    return pipelines.create().create(admin, CreatePipelineCommand.of(ws, name, isDefault, valid()));
  }

  private Pipeline current(Pipeline pipeline) {
    return pipelines.get().get(admin, ws, pipeline.id());
  }

  private static List<String> errorNames(ThrowingCallable call) {
    List<String> names = new ArrayList<>();
    assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
        e -> e.errors().forEach(error -> names.add(error.name())));
    return names;
  }

  private static void assertConflict(ThrowingCallable call, CrmException.Kind kind) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.kind()).isEqualTo(kind));
  }

  @Test
  void aNewWorkspacesDefaultPipeline_isSalesWithSixStages() {
    assertThat(sales.name().value()).isEqualTo("Sales");
    assertThat(sales.isDefault()).isTrue();
    assertThat(sales.version()).isEqualTo(1);
    assertThat(sales.stages()).extracting(s -> s.name().value(), Stage::kind, s -> s.probability().value(),
        Stage::position).containsExactly(
        tuple("Lead", StageKind.OPEN, 10, 1), tuple("Qualified", StageKind.OPEN, 25, 2),
        tuple("Proposal", StageKind.OPEN, 50, 3), tuple("Negotiation", StageKind.OPEN, 75, 4),
        tuple("Won", StageKind.WON, 100, 5), tuple("Lost", StageKind.LOST, 0, 6));
  }

  @Test
  void aWorkspaceCreatedWithTheDefaultInitializer_listsSales_andAFailingLaterInitializerLeavesNone() {
    WorkspaceUseCases withSales = WorkspaceServices.create(tx, inWorkspace, workspaces, memberships,
        IdGenerator.random(), Clock.systemUTC(),
        List.of(PipelineServices.defaultPipeline(repository, IdGenerator.random(), Clock.systemUTC())));
    Workspace created = withSales.create().create(admin, CreateWorkspaceCommand.of("With Sales", null));

    List<Pipeline> listed = pipelines.list().list(admin, created.id());
    assertThat(listed).singleElement().satisfies(p -> {
      assertThat(p.name().value()).isEqualTo("Sales");
      assertThat(p.isDefault()).isTrue();
      assertThat(p.stages()).hasSize(6);
    });

    WorkspaceUseCases failingAfterSales = WorkspaceServices.create(tx, inWorkspace, workspaces, memberships,
        IdGenerator.random(), Clock.systemUTC(),
        List.of(PipelineServices.defaultPipeline(repository, IdGenerator.random(), Clock.systemUTC()), workspace -> {
          throw new IllegalStateException("boom");
        }));
    assertThatThrownBy(() -> failingAfterSales.create().create(admin, CreateWorkspaceCommand.of("Broken", "broken")))
        .hasMessage("boom");
    assertThat(tx.inPlatform(() -> workspaces.existsBySlug(new Slug("broken")))).isFalse();
  }

  @Test
  void givenValidInput_whenCreated_thenOpenStagesKeepTheirOrder_thenWonThenLost() {
    Pipeline created = create("  Renewals ", false);

    assertThat(created.name().value()).isEqualTo("Renewals");
    assertThat(created.isDefault()).isFalse();
    assertThat(created.stages()).extracting(s -> s.name().value(), Stage::position, s -> s.probability().value())
        .containsExactly(tuple("Lead", 1, 20), tuple("Demo", 2, 60), tuple("Won", 3, 100), tuple("Lost", 4, 0));
    assertThat(current(created)).isEqualTo(created);
    assertThat(pipelines.list().list(viewer, ws)).containsExactly(sales, created);
  }

  @Test
  void everyBadInputOfAPipeline_isNamedAtOnce() {
    List<RawStage> stages = new ArrayList<>();
    stages.add(raw("Won A", "won", 50)); // WON with 50
    stages.add(raw("won a", "won", null)); // a second WON, and a name taken ignoring case
    stages.add(raw("Lost", "lost", 101)); // out of range
    stages.add(raw("Late", "lost", 5)); // LOST with 5, a second LOST
    for (int i = 4; i < 31; i++) { // 31 stages, none OPEN
      stages.add(raw("Lost " + i, "lost", null));
    }
    assertThat(errorNames(() -> CreatePipelineCommand.of(ws, "", true, stages))).containsExactly(
        "name", "stages/0/probability", "stages/1/name", "stages/2/probability", "stages/3/probability",
        "stages", "stages", "stages", "stages");
    assertThatThrownBy(() -> CreatePipelineCommand.of(ws, "", true, stages)).isInstanceOfSatisfying(
        ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::detail).contains(
            "must be 100 for a WON stage", "must be from 0 to 100", "must be 0 for a LOST stage",
            "must have at most 30 stages", "must have at least one OPEN stage",
            "must have exactly one WON stage (it has 2)", "must have exactly one LOST stage (it has 29)"));
  }

  @Test
  void stageInputRules() {
    assertThat(errorNames(() -> CreatePipelineCommand.of(ws, "P", null, null))).containsExactly("stages");
    assertThat(errorNames(() -> CreatePipelineCommand.of(ws, "P", null, List.of()))).containsExactly(
        "stages", "stages", "stages");
    List<RawStage> withNull = new ArrayList<>(valid());
    withNull.add(null);
    assertThat(errorNames(() -> CreatePipelineCommand.of(ws, "P", null, withNull))).containsExactly("stages/4");
    // An unknown kind: named, and the list's rules are not guessed at.
    assertThat(errorNames(() -> CreatePipelineCommand.of(ws, "P", null,
        List.of(raw("A", "maybe", 10), raw(null, "open", null), raw("W", "won", 100)))))
        .containsExactly("stages/0/kind", "stages/1/name", "stages/1/probability");
    // WON 100 and LOST 0 may be given; an OPEN stage's probability must be.
    assertThat(CreatePipelineCommand.of(ws, "P", null,
        List.of(raw("A", "open", 0), raw("W", "won", 100), raw("L", "lost", 0))).stages()).hasSize(3);
  }

  @Test
  void aFiftyFirstPipeline_isRefusedAsLimitReached_andNothingIsStored() {
    for (int i = 1; i < Pipeline.MAX_PER_WORKSPACE; i++) {
      create("Pipeline " + i, false);
    }
    assertThat(pipelines.list().list(admin, ws)).hasSize(50);

    assertConflict(() -> create("One too many", true), CrmException.Kind.LIMIT_REACHED);
    assertThat(pipelines.list().list(admin, ws)).hasSize(50);
    assertThat(current(sales)).isEqualTo(sales);
  }

  @Test
  void aTakenNameIgnoringCase_isADuplicate() {
    assertConflict(() -> create("SALES", false), CrmException.Kind.DUPLICATE);
    assertConflict(() -> create("sales", true), CrmException.Kind.DUPLICATE);
    assertThat(current(sales)).as("the default stays as it was").isEqualTo(sales);
  }

  @Test
  void aNewDefault_takesTheOldDefaultsPlace_inTheSameTransaction() {
    Pipeline created = create("Partners", true);

    assertThat(created.isDefault()).isTrue();
    Pipeline oldDefault = current(sales);
    assertThat(oldDefault.isDefault()).isFalse();
    assertThat(oldDefault.version()).isEqualTo(sales.version() + 1);
    assertThat(pipelines.list().list(admin, ws)).filteredOn(Pipeline::isDefault).containsExactly(created);
  }

  @Test
  void aWorkspacesFirstPipeline_isItsDefault() {
    Workspace empty = aWorkspace();
    tx.inPlatform(() -> {
      workspaces.insert(empty);
      memberships.insert(empty.id(), admin.account(), Role.ADMIN, empty.createdAt());
      return null;
    });
    Pipeline first = pipelines.create().create(admin, CreatePipelineCommand.of(empty.id(), "First", false, valid()));
    assertThat(first.isDefault()).isTrue();
  }

  @Test
  void update_renames_makesDefault_andChecksTheVersion() {
    Pipeline other = create("Partners", false);

    Pipeline renamed = pipelines.update().update(admin, UpdatePipelineCommand.of(ws, other.id(), OptionalLong.of(1),
        PatchValue.set(" Partner deals "), PatchValue.absent()));
    assertThat(renamed.name().value()).isEqualTo("Partner deals");
    assertThat(renamed.version()).isEqualTo(2);

    assertThatThrownBy(() -> pipelines.update().update(admin, UpdatePipelineCommand.of(ws, other.id(),
        OptionalLong.of(1), PatchValue.absent(), PatchValue.set(true)))).isInstanceOf(PreconditionFailedException.class);
    assertThatThrownBy(() -> UpdatePipelineCommand.of(ws, other.id(), OptionalLong.empty(), PatchValue.set("X"),
        PatchValue.absent())).isInstanceOfSatisfying(PreconditionFailedException.class,
            e -> assertThat(e.isMissing()).isTrue());
    assertConflict(() -> pipelines.update().update(admin, UpdatePipelineCommand.of(ws, other.id(), OptionalLong.of(2),
        PatchValue.set("sales"), PatchValue.absent())), CrmException.Kind.DUPLICATE);

    Pipeline nowDefault = pipelines.update().update(admin, UpdatePipelineCommand.of(ws, other.id(),
        OptionalLong.of(2), PatchValue.absent(), PatchValue.set(true)));
    assertThat(nowDefault.isDefault()).isTrue();
    assertThat(current(sales).isDefault()).isFalse();
    assertThat(current(sales).version()).isEqualTo(2);

    Pipeline unchanged = pipelines.update().update(admin, UpdatePipelineCommand.of(ws, other.id(),
        OptionalLong.of(3), PatchValue.set("Partner deals"), PatchValue.set(true)));
    assertThat(unchanged).as("a change that changes nothing").isEqualTo(nowDefault);
  }

  @Test
  void theDefaultStopsBeingOne_onlyWhenAnotherBecomesIt() {
    assertThat(errorNames(() -> pipelines.update().update(admin, UpdatePipelineCommand.of(ws, sales.id(),
        OptionalLong.of(1), PatchValue.set("Renamed"), PatchValue.set(false))))).containsExactly("isDefault");
    assertThat(current(sales)).isEqualTo(sales);
    assertThat(errorNames(() -> UpdatePipelineCommand.of(ws, sales.id(), OptionalLong.of(1), PatchValue.clear(),
        PatchValue.clear()))).containsExactly("name", "isDefault");
  }

  @Test
  void theDefaultPipelineAndTheLastOne_areInUse_andStayAsTheyWere() {
    assertConflict(() -> pipelines.delete().delete(admin, DeletePipelineCommand.of(ws, sales.id(), OptionalLong.of(1))),
        CrmException.Kind.IN_USE);
    assertThat(current(sales)).isEqualTo(sales);

    // The last pipeline of a workspace whose only pipeline is not (or no longer) its default.
    Workspace lonely = aWorkspace();
    Pipeline only = PipelineFixtures.aPipeline(lonely.id());
    tx.inWorkspace(lonely.id(), () -> {
      workspaces.insert(lonely);
      memberships.insert(lonely.id(), admin.account(), Role.ADMIN, lonely.createdAt());
      repository.insert(only);
      return null;
    });
    assertConflict(() -> pipelines.delete().delete(admin, DeletePipelineCommand.of(lonely.id(), only.id(),
        OptionalLong.of(1))), CrmException.Kind.IN_USE);
    assertThat(pipelines.list().list(admin, lonely.id())).containsExactly(only);
  }

  @Test
  void deletingAnotherPipeline_needsItsCurrentVersion() {
    Pipeline other = create("Partners", false);

    assertThatThrownBy(() -> pipelines.delete().delete(admin, DeletePipelineCommand.of(ws, other.id(),
        OptionalLong.of(2)))).isInstanceOf(PreconditionFailedException.class);
    assertThatThrownBy(() -> DeletePipelineCommand.of(ws, other.id(), OptionalLong.empty()))
        .isInstanceOfSatisfying(PreconditionFailedException.class, e -> assertThat(e.isMissing()).isTrue());
    pipelines.delete().delete(admin, DeletePipelineCommand.of(ws, other.id(), OptionalLong.of(1)));
    assertThatThrownBy(() -> current(other)).isInstanceOfSatisfying(NotFoundException.class,
        e -> assertThat(e.resource()).isEqualTo("pipeline"));
    assertThat(pipelines.list().list(admin, ws)).containsExactly(sales);
  }

  @Test
  void addingAStage_placesItAmongTheOpenStages_atTheNextVersion() {
    StageAdded last = pipelines.addStage().add(admin, AddStageCommand.of(ws, sales.id(), OptionalLong.of(1),
        "Contract", null, 90, null));
    assertThat(last.pipeline().version()).isEqualTo(2);
    assertThat(last.stage().position()).isEqualTo(5);
    assertThat(last.pipeline().stages()).extracting(s -> s.name().value()).containsExactly(
        "Lead", "Qualified", "Proposal", "Negotiation", "Contract", "Won", "Lost");

    StageAdded first = pipelines.addStage().add(admin, AddStageCommand.of(ws, sales.id(), OptionalLong.of(2),
        "Inbound", "open", 5, 1));
    assertThat(first.stage().position()).isEqualTo(1);
    assertThat(first.pipeline().stages()).extracting(Stage::position).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    assertThat(current(sales)).isEqualTo(first.pipeline());
  }

  @Test
  void addingAStage_refusesBadInput_aTakenName_aPositionPastTheEnd_andAStaleVersion() {
    assertThat(errorNames(() -> AddStageCommand.of(ws, sales.id(), OptionalLong.of(1), "", "won", 101, 0)))
        .containsExactly("name", "kind", "probability", "position");
    assertThat(errorNames(() -> AddStageCommand.of(ws, sales.id(), OptionalLong.of(1), "X", "lost", null, null)))
        .containsExactly("kind", "probability");
    assertThat(errorNames(() -> pipelines.addStage().add(admin, AddStageCommand.of(ws, sales.id(), OptionalLong.of(1),
        "LEAD", null, 10, 6)))).containsExactly("name", "position");
    assertThatThrownBy(() -> pipelines.addStage().add(admin, AddStageCommand.of(ws, sales.id(), OptionalLong.of(7),
        "New", null, 10, null))).isInstanceOf(PreconditionFailedException.class);
    assertThatThrownBy(() -> AddStageCommand.of(ws, sales.id(), OptionalLong.empty(), "New", null, 10, null))
        .isInstanceOfSatisfying(PreconditionFailedException.class, e -> assertThat(e.isMissing()).isTrue());
    assertThat(current(sales)).isEqualTo(sales);
  }

  @Test
  void aThirtyFirstStage_isRefusedAsLimitReached() {
    long version = 1;
    for (int i = sales.stages().size(); i < Pipeline.MAX_STAGES; i++) {
      version = pipelines.addStage().add(admin, AddStageCommand.of(ws, sales.id(), OptionalLong.of(version),
          "Step " + i, null, 50, null)).pipeline().version();
    }
    Pipeline full = current(sales);
    assertThat(full.stages()).hasSize(30);
    long at = version;
    assertConflict(() -> pipelines.addStage().add(admin, AddStageCommand.of(ws, sales.id(), OptionalLong.of(at),
        "One too many", null, 50, null)), CrmException.Kind.LIMIT_REACHED);
    assertThat(current(sales)).isEqualTo(full);
  }

  @Test
  void changingAStage_renamesReweightsOrMovesIt_atThePipelinesNextVersion() {
    Stage negotiation = sales.stages().get(3);
    Pipeline moved = pipelines.updateStage().update(admin, UpdateStageCommand.of(ws, sales.id(), negotiation.id(),
        OptionalLong.of(1), PatchValue.set("Negotiating"), PatchValue.set(80), PatchValue.set(1)));

    assertThat(moved.version()).isEqualTo(2);
    assertThat(moved.stages()).extracting(s -> s.name().value(), Stage::position).containsExactly(
        tuple("Negotiating", 1), tuple("Lead", 2), tuple("Qualified", 3), tuple("Proposal", 4), tuple("Won", 5),
        tuple("Lost", 6));
    assertThat(moved.stage(negotiation.id()).orElseThrow().probability().value()).isEqualTo(80);

    Stage won = moved.wonStage();
    Pipeline renamedWon = pipelines.updateStage().update(admin, UpdateStageCommand.of(ws, sales.id(), won.id(),
        OptionalLong.of(2), PatchValue.set("Closed won"), PatchValue.set(100), PatchValue.set(5)));
    assertThat(renamedWon.wonStage().name().value()).isEqualTo("Closed won");
    Pipeline unchanged = pipelines.updateStage().update(admin, UpdateStageCommand.of(ws, sales.id(), won.id(),
        OptionalLong.of(3), PatchValue.set("Closed won"), PatchValue.absent(), PatchValue.absent()));
    assertThat(unchanged).as("a change that changes nothing").isEqualTo(renamedWon);
    assertThat(current(sales)).isEqualTo(renamedWon);
  }

  @Test
  void changingAStage_refusesWhatItsPipelineForbids() {
    Stage lead = sales.stages().get(0);
    Stage won = sales.wonStage();
    Stage lost = sales.lostStage();

    assertThat(errorNames(() -> pipelines.updateStage().update(admin, UpdateStageCommand.of(ws, sales.id(), won.id(),
        OptionalLong.of(1), PatchValue.set("lost"), PatchValue.set(50), PatchValue.set(1)))))
        .containsExactly("name", "probability", "position");
    assertThat(errorNames(() -> pipelines.updateStage().update(admin, UpdateStageCommand.of(ws, sales.id(), lost.id(),
        OptionalLong.of(1), PatchValue.absent(), PatchValue.set(100), PatchValue.absent()))))
        .containsExactly("probability");
    assertThat(errorNames(() -> pipelines.updateStage().update(admin, UpdateStageCommand.of(ws, sales.id(), lead.id(),
        OptionalLong.of(1), PatchValue.absent(), PatchValue.absent(), PatchValue.set(5))))).containsExactly("position");
    assertThat(errorNames(() -> UpdateStageCommand.of(ws, sales.id(), lead.id(), OptionalLong.of(1),
        PatchValue.clear(), PatchValue.set(101), PatchValue.set(0)))).containsExactly("name", "probability", "position");
    assertThatThrownBy(() -> pipelines.updateStage().update(admin, UpdateStageCommand.of(ws, sales.id(),
        StageId.of(UUID.randomUUID()), OptionalLong.of(1), PatchValue.set("X"), PatchValue.absent(), PatchValue.absent())))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.resource()).isEqualTo("stage"));
    assertThatThrownBy(() -> pipelines.updateStage().update(admin, UpdateStageCommand.of(ws, sales.id(), lead.id(),
        OptionalLong.of(2), PatchValue.set("X"), PatchValue.absent(), PatchValue.absent())))
        .isInstanceOf(PreconditionFailedException.class);
    assertThat(current(sales)).isEqualTo(sales);
  }

  @Test
  void theWonLostAndLastOpenStages_areInUse_andNothingChanges() {
    assertConflict(() -> pipelines.deleteStage().delete(admin, DeleteStageCommand.of(ws, sales.id(),
        sales.wonStage().id(), OptionalLong.of(1))), CrmException.Kind.IN_USE);
    assertConflict(() -> pipelines.deleteStage().delete(admin, DeleteStageCommand.of(ws, sales.id(),
        sales.lostStage().id(), OptionalLong.of(1))), CrmException.Kind.IN_USE);
    assertThat(current(sales)).isEqualTo(sales);

    long version = 1;
    List<Stage> open = sales.openStages();
    for (Stage stage : open.subList(0, open.size() - 1)) {
      version = pipelines.deleteStage().delete(admin, DeleteStageCommand.of(ws, sales.id(), stage.id(),
          OptionalLong.of(version))).version();
    }
    Pipeline lastOpenOnly = current(sales);
    assertThat(lastOpenOnly.stages()).extracting(s -> s.name().value(), Stage::position)
        .containsExactly(tuple("Negotiation", 1), tuple("Won", 2), tuple("Lost", 3));
    long at = version;
    assertConflict(() -> pipelines.deleteStage().delete(admin, DeleteStageCommand.of(ws, sales.id(),
        open.get(open.size() - 1).id(), OptionalLong.of(at))), CrmException.Kind.IN_USE);
    assertThat(current(sales)).isEqualTo(lastOpenOnly);
    assertThatThrownBy(() -> pipelines.deleteStage().delete(admin, DeleteStageCommand.of(ws, sales.id(),
        open.get(0).id(), OptionalLong.of(at)))).isInstanceOfSatisfying(NotFoundException.class,
            e -> assertThat(e.resource()).isEqualTo("stage"));
  }

  @Test
  void aViewerReads_butOnlyAnAdminChanges_andAnOutsiderFindsNoWorkspace() {
    assertThat(pipelines.get().get(viewer, ws, sales.id())).isEqualTo(sales);
    assertThatThrownBy(() -> pipelines.create().create(viewer, CreatePipelineCommand.of(ws, "V", false, valid())))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> pipelines.deleteStage().delete(viewer, DeleteStageCommand.of(ws, sales.id(),
        sales.stages().get(0).id(), OptionalLong.of(1)))).isInstanceOf(ForbiddenException.class);

    Actor outsider = Actor.account(AccountId.of(UUID.randomUUID()));
    assertThatThrownBy(() -> pipelines.list().list(outsider, ws)).isInstanceOfSatisfying(NotFoundException.class,
        e -> assertThat(e.resource()).isEqualTo("workspace"));
    assertThatThrownBy(() -> pipelines.get().get(outsider, ws, sales.id())).isInstanceOf(NotFoundException.class);
    assertThat(pipelines.list().list(admin, ws)).containsExactly(sales);
  }
}
