package dev.custodian.crm.core.customfield.port.out;

import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.customfield.CustomField;
import dev.custodian.crm.core.customfield.CustomFieldId;
import dev.custodian.crm.core.customfield.ObjectType;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.List;
import java.util.Optional;

/**
 * Out-port: stores custom field definitions with their options. Every method is scoped to the
 * given workspace (a call for workspace B never returns, changes or deletes a definition of
 * workspace A), joins the caller's open transaction, and fails with {@link IllegalStateException}
 * when none is open.
 */
public interface CustomFieldRepository {

  /**
   * Stores a new definition with its options, first taking the count lock of its workspace's object
   * type, held until the transaction ends: another transaction's insert for the same object type
   * waits for this one to end (see {@link #count}).
   *
   * @throws ConflictException of kind {@code DUPLICATE} when its key is taken for its object type
   */
  void insert(CustomField field);

  Optional<CustomField> findById(WorkspaceId workspace, CustomFieldId id);

  /** The workspace's definitions of one object type, oldest first (then by id). */
  List<CustomField> list(WorkspaceId workspace, ObjectType objectType);

  /**
   * How many definitions the object type has in the workspace. After this transaction's
   * {@link #insert} of that type, which took its count lock, it counts every definition another
   * transaction has committed, so a use case that inserts and then counts cannot be raced past a
   * limit.
   */
  int count(WorkspaceId workspace, ObjectType objectType);

  /**
   * Replaces the stored definition with {@code changed} (label, sensitivity, options) if the stored
   * version is still {@code expectedVersion}; an option whose id is gone is deleted, its values with
   * it. A stale write changes nothing.
   *
   * @return false when the definition is gone or its version is no longer {@code expectedVersion}
   */
  boolean update(CustomField changed, long expectedVersion);

  /**
   * Deletes the definition at {@code expectedVersion}, its options and every value of it with it.
   *
   * @return false when nothing was deleted
   */
  boolean delete(WorkspaceId workspace, CustomFieldId id, long expectedVersion);
}
