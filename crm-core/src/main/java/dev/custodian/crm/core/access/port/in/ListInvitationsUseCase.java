package dev.custodian.crm.core.access.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Invitation;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.tenancy.PageQuery;

/** Use case: walk a workspace's pending invitations, oldest first (ADMIN and up). */
@FunctionalInterface
public interface ListInvitationsUseCase {

  Page<Invitation> list(Actor actor, PageQuery query);
}
