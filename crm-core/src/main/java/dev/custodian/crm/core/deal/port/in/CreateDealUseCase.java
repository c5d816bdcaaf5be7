package dev.custodian.crm.core.deal.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.customfield.port.in.WithCustom;
import dev.custodian.crm.core.deal.Deal;

/** Use case: add a deal to a workspace, recording its first stage in its history. */
public interface CreateDealUseCase {

  /**
   * @throws dev.custodian.crm.core.common.error.NotFoundException when the workspace does not exist
   * @throws dev.custodian.crm.core.common.error.ValidationException naming {@code pipelineId},
   *     {@code stageId}, {@code companyId} or {@code contactIds} when they are not of the workspace
   *     (or the stage not of the pipeline)
   */
  default Deal create(Actor actor, CreateDealCommand command) {
    return create(actor, WithCustom.of(command.workspace(), command));
  }

  /**
   * Adds the deal with its custom values, checked against the workspace's deal fields.
   *
   * @throws dev.custodian.crm.core.common.error.ValidationException naming every bad built-in and
   *     custom field ({@code custom/<key>}) at once
   * @throws dev.custodian.crm.core.common.error.ConflictException {@code SUPPRESSED} when a custom
   *     EMAIL or PHONE value was erased at the person's request
   */
  Deal create(Actor actor, WithCustom<CreateDealCommand> input);
}
