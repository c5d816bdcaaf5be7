package dev.custodian.crm.http.customfield;

import java.util.List;

/**
 * What a merge patch of {@code PATCH .../custom-fields/{objectType}/{id}} may hold (documentation:
 * the handler reads the patch field by field). Key and type are fixed.
 *
 * @param options all of a select field's options: one whose key stays keeps its id and values;
 *     one left out is deleted with its values
 */
record CustomFieldChanges(String label, Boolean sensitive, List<OptionRequest> options) {}
