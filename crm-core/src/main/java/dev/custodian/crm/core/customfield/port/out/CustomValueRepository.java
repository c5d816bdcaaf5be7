package dev.custodian.crm.core.customfield.port.out;

import dev.custodian.crm.core.customfield.CustomField;
import dev.custodian.crm.core.customfield.CustomValue;
import dev.custodian.crm.core.customfield.CustomValues;
import dev.custodian.crm.core.customfield.RecordRef;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Map;
import java.util.Optional;

/**
 * Out-port: stores the custom values of records, each in its field's typed column with a real key
 * to its record, its field and (for a select) its option, so deleting any of them deletes the
 * value. Every method is scoped to the given workspace, joins the caller's open transaction, and
 * fails with {@link IllegalStateException} when none is open.
 */
public interface CustomValueRepository {

  /**
   * Sets ({@code Optional.of}) or clears ({@code Optional.empty()}) the given fields' values of one
   * record of the workspace; a field not given keeps its value.
   *
   * @throws dev.custodian.crm.core.common.error.ValidationException naming {@code custom/<key>}
   *     when a field or a chosen option is gone (deleted meanwhile), as an unknown key is: nothing
   *     is written; a field or option found is kept from being deleted until the transaction ends
   * @throws dev.custodian.crm.core.common.error.NotFoundException when the record is gone
   */
  void write(WorkspaceId workspace, RecordRef record, Map<CustomField, Optional<CustomValue>> changes);

  /** The record's values, by their field's key; none for a record of another workspace. */
  CustomValues read(WorkspaceId workspace, RecordRef record);

  /**
   * Erasure: deletes the contact's own values, and every {@code EMAIL} value equal to
   * {@code emailNormalised} (ignoring case) and {@code PHONE} value equal to {@code phone} on any
   * record of the workspace: the only structured copies of the person's identifiers.
   *
   * @return how many values were deleted
   */
  int eraseContact(WorkspaceId workspace, RecordRef contact, String emailNormalised, Optional<String> phone);
}
