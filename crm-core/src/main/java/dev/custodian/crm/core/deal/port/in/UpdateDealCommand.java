package dev.custodian.crm.core.deal.port.in;

import dev.custodian.crm.core.common.Money;
import dev.custodian.crm.core.common.error.PreconditionFailedException;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.common.validation.Uuids;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.deal.DealId;
import dev.custodian.crm.core.deal.DealInput;
import dev.custodian.crm.core.deal.DealTitle;
import dev.custodian.crm.core.pipeline.PipelineId;
import dev.custodian.crm.core.pipeline.StageId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Input of {@link UpdateDealUseCase}: a partial change of one deal, based on the version the caller
 * last saw. The title, pipeline and stage can be set but not cleared; the others can be cleared;
 * contacts given replace them all. A move to another pipeline names one of its stages.
 */
public record UpdateDealCommand(WorkspaceId workspace, DealId id, long expectedVersion,
    PatchValue<DealTitle> title, PatchValue<Money> amount, PatchValue<PipelineId> pipeline,
    PatchValue<StageId> stage, PatchValue<LocalDate> expectedCloseDate, PatchValue<CompanyId> company,
    PatchValue<Set<ContactId>> contacts) {

  public UpdateDealCommand {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(expectedCloseDate, "expectedCloseDate");
    Objects.requireNonNull(company, "company");
    Objects.requireNonNull(contacts, "contacts");
    if (title instanceof PatchValue.Clear || pipeline instanceof PatchValue.Clear
        || stage instanceof PatchValue.Clear) {
      throw new IllegalArgumentException("a required field cannot be cleared");
    }
  }

  /**
   * Validates a raw patch into {@code v}; {@code null} when {@code v} holds any error. Bad input
   * is reported before a missing version.
   *
   * @param amount the money already read into {@code v} by the caller, or absent, or cleared
   * @throws PreconditionFailedException (missing) when the input is valid but no expected version is given
   */
  public static UpdateDealCommand of(Validator v, WorkspaceId workspace, DealId id, OptionalLong expectedVersion,
      PatchValue<String> title, PatchValue<Money> amount, PatchValue<String> pipelineId,
      PatchValue<String> stageId, PatchValue<String> expectedCloseDate, PatchValue<String> companyId,
      PatchValue<List<String>> contactIds) {
    PatchValue<DealTitle> validTitle = v.patch("title", title, false, DealTitle::new);
    PatchValue<PipelineId> pipeline = v.patch("pipelineId", pipelineId, false, p -> PipelineId.of(Uuids.parse(p)));
    PatchValue<StageId> stage = v.patch("stageId", stageId, false, s -> StageId.of(Uuids.parse(s)));
    PatchValue<LocalDate> date = v.patch("expectedCloseDate", expectedCloseDate, true, DealInput::date);
    PatchValue<CompanyId> company = v.patch("companyId", companyId, true, CompanyId::parse);
    PatchValue<Set<ContactId>> contacts = PatchValue.absent();
    if (contactIds instanceof PatchValue.Set<List<String>> set) {
      Set<ContactId> valid = DealInput.contactIds(v, set.value());
      contacts = valid == null ? PatchValue.absent() : PatchValue.set(valid);
    } else if (contactIds instanceof PatchValue.Clear) {
      contacts = PatchValue.set(Set.of());
    }
    if (v.hasErrors()) {
      return null;
    }
    if (expectedVersion.isEmpty()) {
      throw PreconditionFailedException.missing("deal");
    }
    return new UpdateDealCommand(workspace, id, expectedVersion.getAsLong(), validTitle, amount, pipeline,
        stage, date, company, contacts);
  }
}
