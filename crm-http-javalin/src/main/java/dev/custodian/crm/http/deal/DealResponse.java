package dev.custodian.crm.http.deal;

import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.deal.Deal;
import dev.custodian.crm.http.common.CustomJson;
import dev.custodian.crm.http.common.MoneyJson;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A deal as the API shows it.
 *
 * @param amount left out of the JSON when the deal has none; its amount a string at the currency's scale
 * @param status {@code open}, {@code won} or {@code lost}: the kind of its stage
 * @param closedAt when it entered its WON or LOST stage; left out while open
 * @param contactIds in uuid order
 * @param custom its custom field values by key, sensitive ones too (see {@link CustomJson}); {@code {}} for none
 * @param version the version that {@code ETag} and {@code If-Match} carry
 */
record DealResponse(UUID id, UUID workspaceId, String title, MoneyJson amount, UUID pipelineId, UUID stageId,
    String status, String expectedCloseDate, Instant closedAt, UUID companyId, List<UUID> contactIds,
    Map<String, Object> custom, Instant createdAt, Instant updatedAt, long version) {

  static DealResponse from(Deal deal) {
    return new DealResponse(
        deal.id().value(),
        deal.workspace().value(),
        deal.title().value(),
        deal.amount().map(MoneyJson::from).orElse(null),
        deal.pipeline().value(),
        deal.stage().value(),
        deal.status().apiName(),
        deal.expectedCloseDate().map(LocalDate::toString).orElse(null),
        deal.closedAt().orElse(null),
        deal.company().map(CompanyId::value).orElse(null),
        deal.contacts().stream().map(c -> c.value()).sorted().toList(),
        CustomJson.of(deal.custom()),
        deal.createdAt(),
        deal.updatedAt(),
        deal.version());
  }
}
