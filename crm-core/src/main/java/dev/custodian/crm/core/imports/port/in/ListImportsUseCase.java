package dev.custodian.crm.core.imports.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.imports.ImportJob;
import dev.custodian.crm.core.tenancy.PageQuery;

/** Use case: a page of the workspace's import jobs, oldest first. VIEWER and up. */
public interface ListImportsUseCase {
  Page<ImportJob> list(Actor actor, PageQuery query);
}
