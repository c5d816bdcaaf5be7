package dev.custodian.crm.http.company;

import java.util.Map;

/**
 * Body of {@code POST .../companies}: plain and lenient, validated by the core's command.
 *
 * @param domain optional, a host or a URL; kept as the lower-case ASCII host without {@code www.}
 * @param custom optional, custom field values by key, checked against the workspace's company fields
 */
record CreateCompanyRequest(String name, String domain, Map<String, Object> custom) {}
