package dev.custodian.crm.core.deal.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.customfield.port.in.WithCustom;
import dev.custodian.crm.core.deal.Deal;

/** Use case: change some fields of a deal, moving it to another stage if asked, unless someone else changed it first. */
public interface UpdateDealUseCase {

  /**
   * @return the deal as stored after the change
   * @throws dev.custodian.crm.core.common.error.NotFoundException for no such workspace or deal
   * @throws dev.custodian.crm.core.common.error.PreconditionFailedException when the expected
   *     version is stale
   * @throws dev.custodian.crm.core.common.error.ValidationException for a pipeline, stage, company
   *     or contact not of the workspace, or a stage not of the deal's (new) pipeline
   */
  default Deal update(Actor actor, UpdateDealCommand command) {
    return update(actor, WithCustom.of(command.workspace(), command));
  }

  /**
   * Changes the deal's fields and custom values (a {@code null} value clears its key; a key not
   * given keeps its value), checked against the workspace's deal fields.
   *
   * @throws dev.custodian.crm.core.common.error.ValidationException naming every bad built-in and
   *     custom field ({@code custom/<key>}) at once
   * @throws dev.custodian.crm.core.common.error.ConflictException {@code SUPPRESSED} when a custom
   *     EMAIL or PHONE value the change adds was erased at the person's request
   * @throws dev.custodian.crm.core.common.error.ValidationException also naming {@code custom/<key>}
   *     when its field (or a chosen option) was deleted meanwhile, as an unknown key: nothing is stored
   */
  Deal update(Actor actor, WithCustom<UpdateDealCommand> input);
}
