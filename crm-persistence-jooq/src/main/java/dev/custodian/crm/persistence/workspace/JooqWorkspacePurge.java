package dev.custodian.crm.persistence.workspace;

import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.workspace.port.out.WorkspacePurge;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.common.SqlTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Persistence adapter: {@link WorkspacePurge} as {@code crm_app}, in the workspace's own
 * transaction (row-level security on). Tenant tables are emptied child first; the append-only
 * ones (erasure receipts, the suppression list) through {@code crm_purge_append_only}, a
 * {@code SECURITY DEFINER} function of {@code crm_owner} that refuses unless the workspace is due;
 * it runs first, so a workspace that is not due loses nothing. Then the workspace's memberships,
 * invitations, API keys and queued lifecycle mails. A table a later migration adds for a
 * workspace's data is added to {@link #TENANT_TABLES} in its foreign-key place. The workspace's
 * audit chain ({@code audit_entries} and its head) is kept: it is on RET-11's closed list.
 */
final class JooqWorkspacePurge implements WorkspacePurge {

  /**
   * Tables {@code crm_app} may not delete from (append-only tenant tables, child first; the
   * workspace's invitations and API keys): emptied through the SECURITY DEFINER function.
   */
  static final List<String> APPEND_ONLY_TABLES = List.of(
      "erasure_receipt_reviews", "erasure_receipt_counts", "erasure_receipts", "suppression_entries",
      "invitations", "api_keys", "dsr_events");

  /** The other tenant tables of a workspace's data, child first. */
  static final List<String> TENANT_TABLES = List.of(
      "import_errors", "import_rows", "import_jobs",
      "custom_field_values", "custom_field_options", "custom_fields",
      "activity_links", "task_links", "activities", "tasks",
      "deal_stage_changes", "deal_contacts", "deals", "pipeline_stages", "pipelines",
      "marketing_mails", "consent_confirmations", "consent_subjects", "processing_restrictions", "dsr_codes",
      "dsr_requests",
      "contacts", "companies", "dsr_package_chunks");

  /** Platform tables holding rows of the workspace that crm_app deletes, by their workspace column. */
  static final List<String> PLATFORM_TABLES = List.of("memberships", "dsr_packages", "import_queue");

  /**
   * The retention engine's bookkeeping of a purge in progress (what it deleted so far, for the
   * audit entry): emptied last, and not counted.
   */
  static final List<String> BOOKKEEPING_TABLES = List.of("retention_progress");

  private final JooqTransactions transactions;

  JooqWorkspacePurge(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public Map<String, Long> purge(WorkspaceId workspace, Instant now) {
    var dsl = transactions.dsl();
    Map<String, Long> deleted = new LinkedHashMap<>();
    for (String table : APPEND_ONLY_TABLES) {
      Long count = dsl.select(DSL.field("crm_purge_append_only({0}::regclass, {1})", SQLDataType.BIGINT,
          DSL.val(table), DSL.val(SqlTime.utc(now)))).fetchOne(0, Long.class);
      deleted.put(table, count);
    }
    for (String table : TENANT_TABLES) {
      deleted.put(table, (long) dsl.deleteFrom(DSL.table(DSL.name(table)))
          .where(DSL.field(DSL.name("tenant_id")).eq(workspace.value())).execute());
    }
    for (String table : PLATFORM_TABLES) {
      deleted.put(table, (long) dsl.deleteFrom(DSL.table(DSL.name(table)))
          .where(DSL.field(DSL.name("workspace_id")).eq(workspace.value())).execute());
    }
    deleted.put("mail_outbox", (long) dsl.deleteFrom(DSL.table(DSL.name("mail_outbox")))
        .where(DSL.field(DSL.name("workspace_id")).eq(workspace.value())).execute());
    for (String table : BOOKKEEPING_TABLES) {
      dsl.deleteFrom(DSL.table(DSL.name(table))).where(DSL.field(DSL.name("tenant_id")).eq(workspace.value())).execute();
    }
    return deleted;
  }

  /** Every table {@link #purge} counts, in its order. */
  static List<String> purgeOrder() {
    List<String> order = new ArrayList<>(APPEND_ONLY_TABLES);
    order.addAll(TENANT_TABLES);
    order.addAll(platformTables());
    return List.copyOf(order);
  }

  /** The platform tables naming the workspace in {@code workspace_id} that crm_app deletes from, mail_outbox last. */
  static List<String> platformTables() {
    List<String> tables = new ArrayList<>(PLATFORM_TABLES);
    tables.add("mail_outbox");
    return List.copyOf(tables);
  }
}
