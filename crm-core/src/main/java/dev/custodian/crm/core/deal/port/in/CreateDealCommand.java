package dev.custodian.crm.core.deal.port.in;

import dev.custodian.crm.core.common.Money;
import dev.custodian.crm.core.common.validation.Uuids;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.deal.DealInput;
import dev.custodian.crm.core.deal.DealTitle;
import dev.custodian.crm.core.pipeline.PipelineId;
import dev.custodian.crm.core.pipeline.StageId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Input of {@link CreateDealUseCase}: a valid deal for one workspace. Without a pipeline it goes
 * into the workspace's default; without a stage into its pipeline's first OPEN stage. Whether the
 * pipeline, stage, company and contacts are the workspace's is checked when it is stored.
 */
public record CreateDealCommand(WorkspaceId workspace, DealTitle title, Optional<Money> amount,
    Optional<PipelineId> pipeline, Optional<StageId> stage, Optional<LocalDate> expectedCloseDate,
    Optional<CompanyId> company, Set<ContactId> contacts) {

  public CreateDealCommand {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(expectedCloseDate, "expectedCloseDate");
    Objects.requireNonNull(company, "company");
    contacts = Set.copyOf(contacts);
  }

  /**
   * Validates raw input into {@code v}; {@code null} when {@code v} holds any error.
   *
   * @param amount the money, already read into {@code v} by the caller (its JSON form names its
   *     own fields); {@code null} for none
   * @param contactIds {@code null} for none
   */
  public static CreateDealCommand of(Validator v, WorkspaceId workspace, String title, Money amount,
      String pipelineId, String stageId, String expectedCloseDate, String companyId, List<String> contactIds) {
    DealTitle validTitle = v.required("title", title, DealTitle::new);
    Optional<PipelineId> pipeline = v.optional("pipelineId", pipelineId, id -> PipelineId.of(Uuids.parse(id)));
    Optional<StageId> stage = v.optional("stageId", stageId, id -> StageId.of(Uuids.parse(id)));
    Optional<LocalDate> date = v.optional("expectedCloseDate", expectedCloseDate, DealInput::date);
    Optional<CompanyId> company = v.optional("companyId", companyId, CompanyId::parse);
    Set<ContactId> contacts = contactIds == null ? Set.of() : DealInput.contactIds(v, contactIds);
    return v.hasErrors() ? null : new CreateDealCommand(workspace, validTitle, Optional.ofNullable(amount),
        pipeline, stage, date, company, contacts);
  }

  /**
   * As {@link #of(Validator, WorkspaceId, String, Money, String, String, String, String, List)}, throwing.
   *
   * @throws dev.custodian.crm.core.common.error.ValidationException listing every bad field
   */
  public static CreateDealCommand of(WorkspaceId workspace, String title, Money amount, String pipelineId,
      String stageId, String expectedCloseDate, String companyId, List<String> contactIds) {
    Validator v = new Validator();
    CreateDealCommand command = of(v, workspace, title, amount, pipelineId, stageId, expectedCloseDate,
        companyId, contactIds);
    v.throwIfInvalid();
    return command;
  }
}
