package dev.custodian.crm.core.link.port.out;

import dev.custodian.crm.core.link.Links;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.common.validation.Validator;
import java.util.List;
import java.util.Set;

/**
 * Out-port: which kinds of the given links name a record that is not of the workspace (another
 * workspace's and none at all alike), asked before an activity or a task is stored so that every
 * bad field is reported at once; the foreign keys still guard the write itself. Joins the
 * caller's transaction and is scoped to the workspace, as repositories are.
 */
public interface LinkTargets {

  /**
   * @return the field names ({@link Links#CONTACT_IDS}, {@link Links#COMPANY_IDS},
   *     {@link Links#DEAL_IDS}) of which some id names no record of the workspace; empty when all do
   */
  Set<String> unknown(WorkspaceId workspace, Links links);

  /**
   * Records in {@code v} an error on each field of {@code links} that names a record not of the
   * workspace; asks nothing when there are no links.
   */
  default void check(Validator v, WorkspaceId workspace, Links links) {
    if (links.isEmpty()) {
      return;
    }
    Set<String> unknown = unknown(workspace, links); // one question for all three kinds
    for (String field : List.of(Links.CONTACT_IDS, Links.COMPANY_IDS, Links.DEAL_IDS)) {
      if (unknown.contains(field)) {
        v.reject(field, "must all name records of this workspace");
      }
    }
  }
}
