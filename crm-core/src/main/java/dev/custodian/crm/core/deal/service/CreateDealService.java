package dev.custodian.crm.core.deal.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.customfield.CustomField;
import dev.custodian.crm.core.customfield.CustomValue;
import dev.custodian.crm.core.customfield.CustomValues;
import dev.custodian.crm.core.customfield.ObjectType;
import dev.custodian.crm.core.customfield.RecordRef;
import dev.custodian.crm.core.customfield.port.in.WithCustom;
import dev.custodian.crm.core.customfield.service.CustomValueIntake;
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
import dev.custodian.crm.core.suppression.port.out.SuppressionList;
import dev.custodian.crm.core.suppression.service.SuppressionGuard;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Service: adds a deal in its pipeline's stage (the default pipeline's, its first OPEN stage, when
 * not named) and records that first stage in its history, in one transaction. A pipeline, stage,
 * company or contacts not of the workspace are all named in one 400, with bad custom values; a
 * custom EMAIL or PHONE value that is suppressed is refused (DSR-04).
 */
public final class CreateDealService implements CreateDealUseCase {

  private final WorkspaceTransactions transactions;
  private final DealRepository deals;
  private final PipelineRepository pipelines;
  private final SuppressionGuard suppression;
  private final CustomValueIntake custom;
  private final IdGenerator ids;
  private final Clock clock;

  public CreateDealService(WorkspaceTransactions transactions, DealRepository deals, PipelineRepository pipelines,
      SuppressionList suppressionList, CustomValueIntake custom, IdGenerator ids, Clock clock) {
    this.suppression = new SuppressionGuard(suppressionList);
    this.custom = Objects.requireNonNull(custom, "custom");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.deals = Objects.requireNonNull(deals, "deals");
    this.pipelines = Objects.requireNonNull(pipelines, "pipelines");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Deal create(Actor actor, WithCustom<CreateDealCommand> input) {
    return transactions.inWorkspace(input.workspace(), actor, Permission.DEAL_WRITE, () -> {
      if (input.command() == null) {
        custom.check(input, ObjectType.DEAL); // the built-in fields' errors with the custom ones
      }
      CreateDealCommand command = input.command();
      List<FieldError> errors = new ArrayList<>();
      Optional<Pipeline> named = command.pipeline().isPresent()
          ? Stages.pipeline(pipelines, command.workspace(), command.pipeline().get(), errors)
          : Optional.of(Stages.defaultPipeline(pipelines, command.workspace()));
      Optional<Stage> chosen = named.flatMap(pipeline -> command.stage().isPresent()
          ? Stages.stageOf(pipeline, command.stage().get(), errors)
          : Optional.of(pipeline.openStages().get(0)));
      Map<CustomField, Optional<CustomValue>> changes = custom.check(input, ObjectType.DEAL,
          Stages.referenceErrors(deals, command.workspace(), command.company(), command.contacts(), errors));
      suppression.refuseSuppressedCustom(command.workspace(), CustomValueIntake.emails(changes),
          CustomValueIntake.phones(changes));
      Pipeline pipeline = named.orElseThrow();
      Stage stage = chosen.orElseThrow();
      Instant now = Timestamps.now(clock);
      StageSnapshot to = StageSnapshot.of(stage);
      Deal deal = Deal.create(command.workspace(), DealId.of(ids.newId()), command.title(), command.amount(),
          pipeline.id(), to, command.expectedCloseDate(), command.company(), command.contacts(), now);
      deals.insert(deal, new StageChange(command.workspace(), ids.newId(), deal.id(), Optional.empty(), to, now,
          Optional.of(actor.account())));
      custom.write(command.workspace(), new RecordRef(ObjectType.DEAL, deal.id().value()), changes);
      return deal.withCustom(CustomValueIntake.applied(CustomValues.NONE, changes));
    });
  }
}
