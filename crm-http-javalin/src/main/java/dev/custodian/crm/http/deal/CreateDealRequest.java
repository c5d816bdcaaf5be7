package dev.custodian.crm.http.deal;

import dev.custodian.crm.http.common.MoneyJson;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST .../deals}: plain and lenient, validated by the core's command.
 *
 * @param amount optional, {@code {"amount":"12500.50","currency":"EUR"}}
 * @param pipelineId optional: the workspace's default pipeline
 * @param stageId optional: the pipeline's first OPEN stage
 * @param expectedCloseDate optional, {@code 2026-12-31}
 * @param contactIds optional, at most 100
 * @param custom optional, custom field values by key, checked against the workspace's deal fields
 */
record CreateDealRequest(String title, MoneyJson amount, String pipelineId, String stageId,
    String expectedCloseDate, String companyId, List<String> contactIds, Map<String, Object> custom) {}
