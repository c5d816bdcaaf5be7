package dev.custodian.crm.http.contact;

import java.util.Map;

/**
 * Body of {@code POST .../contacts}: plain and lenient, validated by the core's command.
 *
 * @param phone optional, E.164 after removing spaces, dots, dashes and parentheses
 * @param jobTitle optional, 1 to 100 characters
 * @param companyId optional, the id of a company of the same workspace
 * @param custom optional, custom field values by key, checked against the workspace's contact fields
 */
record CreateContactRequest(String firstName, String lastName, String email, String phone, String jobTitle,
    String companyId, Map<String, Object> custom) {}
