package dev.custodian.crm.persistence.deal;

import static dev.custodian.crm.persistence.generated.Tables.DEALS;

import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.Money;
import dev.custodian.crm.core.common.paging.TextOrder;
import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.deal.Deal;
import dev.custodian.crm.core.deal.DealId;
import dev.custodian.crm.core.deal.DealTitle;
import dev.custodian.crm.core.deal.StageChange;
import dev.custodian.crm.core.deal.StageSnapshot;
import dev.custodian.crm.core.pipeline.PipelineId;
import dev.custodian.crm.core.pipeline.StageId;
import dev.custodian.crm.core.pipeline.StageKind;
import dev.custodian.crm.core.pipeline.StageName;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.common.Columns;
import dev.custodian.crm.persistence.common.SqlTime;
import dev.custodian.crm.persistence.generated.tables.records.DealStageChangesRecord;
import dev.custodian.crm.persistence.generated.tables.records.DealsRecord;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Maps deals and their history entries to and from their table rows. */
final class DealMapper {

  private DealMapper() {}

  static DealsRecord toRecord(Deal deal) {
    DealsRecord row = new DealsRecord();
    row.setTenantId(deal.workspace().value());
    row.setId(deal.id().value());
    row.setTitle(deal.title().value());
    row.setTitleSort(TextOrder.key(deal.title().value()));
    row.setAmount(deal.amount().map(Money::amount).orElse(null));
    row.setCurrency(deal.amount().map(m -> m.currency().getCurrencyCode()).orElse(null));
    row.setPipelineId(deal.pipeline().value());
    row.setStageId(deal.stage().value());
    row.setStageKind(deal.stageKind().name());
    row.setExpectedCloseDate(deal.expectedCloseDate().orElse(null));
    row.setClosedAt(deal.closedAt().map(SqlTime::utc).orElse(null));
    row.setCompanyId(deal.company().map(CompanyId::value).orElse(null));
    row.setCreatedAt(SqlTime.utc(deal.createdAt()));
    row.setUpdatedAt(SqlTime.utc(deal.updatedAt()));
    row.setVersion(deal.version());
    return row;
  }

  /** A deal from its row's {@code deals} columns (a record of the table, or of a select naming them) and its contacts' ids. */
  static Deal toDeal(Columns row, UUID[] contacts) {
    Set<ContactId> contactIds = contacts == null ? Set.of()
        : Arrays.stream(contacts).map(ContactId::of).collect(Collectors.toSet());
    Optional<Money> amount = row.get(DEALS.AMOUNT) == null ? Optional.empty()
        : Optional.of(new Money(row.get(DEALS.AMOUNT), Money.currency(row.get(DEALS.CURRENCY))));
    return Deal.reconstitute(
        WorkspaceId.of(row.get(DEALS.TENANT_ID)),
        DealId.of(row.get(DEALS.ID)),
        new DealTitle(row.get(DEALS.TITLE)),
        amount,
        PipelineId.of(row.get(DEALS.PIPELINE_ID)),
        StageId.of(row.get(DEALS.STAGE_ID)),
        StageKind.valueOf(row.get(DEALS.STAGE_KIND)),
        Optional.ofNullable(row.get(DEALS.EXPECTED_CLOSE_DATE)),
        Optional.ofNullable(row.get(DEALS.CLOSED_AT)).map(OffsetDateTime::toInstant),
        Optional.ofNullable(row.get(DEALS.COMPANY_ID)).map(CompanyId::of),
        contactIds,
        row.get(DEALS.CREATED_AT).toInstant(),
        row.get(DEALS.UPDATED_AT).toInstant(),
        row.get(DEALS.VERSION));
  }


  static DealStageChangesRecord toRecord(StageChange change) {
    DealStageChangesRecord row = new DealStageChangesRecord();
    row.setTenantId(change.workspace().value());
    row.setId(change.id());
    row.setDealId(change.deal().value());
    change.from().ifPresent(from -> {
      row.setFromStageId(from.id().value());
      row.setFromStageName(from.name().value());
      row.setFromStageKind(from.kind().name());
    });
    row.setToStageId(change.to().id().value());
    row.setToStageName(change.to().name().value());
    row.setToStageKind(change.to().kind().name());
    row.setChangedAt(SqlTime.utc(change.at()));
    row.setActorId(change.actor().map(AccountId::value).orElse(null));
    return row;
  }

  static StageChange toChange(DealStageChangesRecord row) {
    Optional<StageSnapshot> from = row.getFromStageId() == null ? Optional.empty()
        : Optional.of(new StageSnapshot(StageId.of(row.getFromStageId()), new StageName(row.getFromStageName()),
            StageKind.valueOf(row.getFromStageKind())));
    return new StageChange(
        WorkspaceId.of(row.getTenantId()),
        row.getId(),
        DealId.of(row.getDealId()),
        from,
        new StageSnapshot(StageId.of(row.getToStageId()), new StageName(row.getToStageName()),
            StageKind.valueOf(row.getToStageKind())),
        row.getChangedAt().toInstant(),
        Optional.ofNullable(row.getActorId()).map(AccountId::of));
  }
}
