package dev.custodian.crm.core.export.port.in;

import dev.custodian.crm.core.activity.Activity;
import dev.custodian.crm.core.company.Company;
import dev.custodian.crm.core.contact.ExportedContact;
import dev.custodian.crm.core.customfield.CustomField;
import dev.custodian.crm.core.deal.Deal;
import dev.custodian.crm.core.pipeline.Pipeline;
import dev.custodian.crm.core.task.Task;
import java.util.List;
import java.util.function.Consumer;

/**
 * A workspace's records as one snapshot transaction sees them, for a full export (DSR-06): every
 * kind may be read as often as a writer needs (e.g. once per format), each time the same rows.
 * Valid only inside {@link ExportWorkspaceUseCase#export}'s writer.
 */
public interface WorkspaceSnapshot {

  /** Every custom field definition, contacts' first, then companies' and deals', each in its fields' order. */
  List<CustomField> customFields();

  /** Every contact, oldest first, with every custom value (sensitive ones too) and its company's domain. */
  void contacts(Consumer<? super ExportedContact> sink);

  /** Every company, oldest first. */
  void companies(Consumer<? super Company> sink);

  /** Every pipeline with its stages. */
  List<Pipeline> pipelines();

  /** Every deal, oldest first, with its contacts. */
  void deals(Consumer<? super Deal> sink);

  /** Every activity, with its links, in its list's order. */
  void activities(Consumer<? super Activity> sink);

  /** Every task, with its links, in its list's order. */
  void tasks(Consumer<? super Task> sink);
}
