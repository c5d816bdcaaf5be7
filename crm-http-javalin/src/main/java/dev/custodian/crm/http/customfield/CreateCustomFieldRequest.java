package dev.custodian.crm.http.customfield;

import java.util.List;

/**
 * Body of {@code POST .../custom-fields/{objectType}}: plain and lenient, validated by the core's command.
 *
 * @param key unique for the object type, fixed once given
 * @param type {@code text}, {@code number}, {@code decimal}, {@code date}, {@code boolean},
 *     {@code single_select}, {@code multi_select}, {@code email}, {@code phone}, {@code url} or
 *     {@code currency}; fixed once given
 * @param sensitive optional (false): its values are kept out of logs, search and analytics (CRM-01)
 * @param options a select field's 1 to 200 options; none for another type
 */
record CreateCustomFieldRequest(String key, String type, String label, Boolean sensitive,
    List<OptionRequest> options) {}
