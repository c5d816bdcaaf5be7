package dev.custodian.crm.core.access.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Member;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.tenancy.PageQuery;

/** Use case: walk a workspace's members, in the order they joined (VIEWER and up). */
@FunctionalInterface
public interface ListMembersUseCase {

  Page<Member> list(Actor actor, PageQuery query);
}
