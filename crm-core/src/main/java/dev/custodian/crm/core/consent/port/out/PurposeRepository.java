package dev.custodian.crm.core.consent.port.out;

import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.consent.Purpose;
import dev.custodian.crm.core.consent.PurposeKey;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.List;
import java.util.Optional;

/**
 * Out-port: stores a workspace's purposes, keyed by their {@link PurposeKey}. Every method is
 * scoped to the given workspace, joins the caller's open transaction, and fails with
 * {@link IllegalStateException} when none is open.
 */
public interface PurposeRepository {

  /** @throws ConflictException of kind {@code DUPLICATE} when the key is taken in the workspace */
  void insert(Purpose purpose);

  Optional<Purpose> find(WorkspaceId workspace, PurposeKey key);

  /** Every purpose of the workspace, retired ones too, oldest first (created time, then key). */
  List<Purpose> list(WorkspaceId workspace);

  /**
   * Replaces the stored purpose with {@code changed} if it is still at {@code expectedVersion}.
   *
   * @return false when it is gone or at another version
   */
  boolean update(Purpose changed, long expectedVersion);
}
