package dev.custodian.crm.http.company;

/**
 * Body of {@code POST .../companies}: plain and lenient, validated by the core's command.
 *
 * @param domain optional, a host or a URL; kept as the lower-case ASCII host without {@code www.}
 */
record CreateCompanyRequest(String name, String domain) {}
