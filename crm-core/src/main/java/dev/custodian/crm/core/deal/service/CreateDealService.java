package dev.custodian.crm.core.deal.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.deal.Deal;
import dev.custodian.crm.core.deal.DealId;
import dev.custodian.crm.core.deal.StageChange;
import dev.custodian.crm.core.deal.StageSnapshot;
import dev.custodian.crm.core.deal.port.in.CreateDealCommand;
import dev.custodian.crm.core.deal.port.in.CreateDealUseCase;
import dev.custodian.crm.core.deal.port.out.DealRepository;
import dev.custodian.crm.core.pipeline.Pipeline;
import dev.custodian.crm.core.pipeline.Stage;
import dev.custodian.crm.core.pipeline.port.out.PipelineRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Service: adds a deal in its pipeline's stage (the default pipeline's, its first OPEN stage, when
 * not named) and records that first stage in its history, in one transaction. A pipeline, stage,
 * company or contacts not of the workspace are all named in one 400.
 */
public final class CreateDealService implements CreateDealUseCase {

  private final WorkspaceTransactions transactions;
  private final DealRepository deals;
  private final PipelineRepository pipelines;
  private final IdGenerator ids;
  private final Clock clock;

  public CreateDealService(WorkspaceTransactions transactions, DealRepository deals, PipelineRepository pipelines,
      IdGenerator ids, Clock clock) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.deals = Objects.requireNonNull(deals, "deals");
    this.pipelines = Objects.requireNonNull(pipelines, "pipelines");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Deal create(Actor actor, CreateDealCommand command) {
    return transactions.inWorkspace(command.workspace(), actor, Permission.DEAL_WRITE, () -> {
      List<FieldError> errors = new ArrayList<>();
      Optional<Pipeline> named = command.pipeline().isPresent()
          ? Stages.pipeline(pipelines, command.workspace(), command.pipeline().get(), errors)
          : Optional.of(Stages.defaultPipeline(pipelines, command.workspace()));
      Optional<Stage> chosen = named.flatMap(pipeline -> command.stage().isPresent()
          ? Stages.stageOf(pipeline, command.stage().get(), errors)
          : Optional.of(pipeline.openStages().get(0)));
      Stages.requireKnown(deals, command.workspace(), command.company(), command.contacts(), errors);
      Pipeline pipeline = named.orElseThrow();
      Stage stage = chosen.orElseThrow();
      Instant now = Timestamps.now(clock);
      StageSnapshot to = StageSnapshot.of(stage);
      Deal deal = Deal.create(command.workspace(), DealId.of(ids.newId()), command.title(), command.amount(),
          pipeline.id(), to, command.expectedCloseDate(), command.company(), command.contacts(), now);
      deals.insert(deal, new StageChange(command.workspace(), ids.newId(), deal.id(), Optional.empty(), to, now,
          Optional.of(actor.account())));
      return deal;
    });
  }
}
