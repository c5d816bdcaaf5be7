package dev.custodian.crm.persistence.datamap;

import dev.custodian.crm.core.datamap.DataMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every column of every table of the schema (Flyway's history included) names its class of the
 * {@link DataMap} (RET-12): one entry per table, each column listed. A migration adding a table or
 * a column adds it here, or {@code ColumnClassesTest} fails naming it.
 */
final class ColumnClasses {

  private static final Map<String, Map<String, String>> TABLES = new LinkedHashMap<>();

  static {
    table("flyway_schema_history", "system", "installed_rank", "version", "description", "type", "script",
        "checksum", "installed_by", "installed_on", "execution_time", "success");
    table("master_key_check", "system", "singleton", "key_check", "created_at");
    table("workspaces", "workspace_record", "id", "status", "cancelled_at", "created_at", "purge_at", "purged_at",
        "purge_reminder_at");
    column("workspaces", "workspace_identity", "name", "slug");
    table("memberships", "membership", "workspace_id", "account_id", "role", "created_at");
    table("invitations", "invitation", "id", "workspace_id", "email", "email_normalised", "role", "invited_by",
        "created_at", "expires_at", "accepted_at", "revoked_at");
    table("api_keys", "api_key", "id", "workspace_id", "name", "role", "token_hash", "created_by", "created_at",
        "last_used_at", "revoked_at");
    table("accounts", "account", "id", "name", "email", "email_normalised", "organisation", "password_hash",
        "email_verified_at", "age_attested_at", "minimum_age", "created_at");
    table("sessions", "session", "id", "account_id", "created_at", "expires_at", "revoked_at", "revocation_reason");
    table("session_tokens", "session", "token_hash", "session_id", "issued_at", "replaced_at");
    table("mail_tokens", "mail_token", "token_hash", "purpose", "account_id", "created_at", "expires_at", "used_at",
        "voided_at");
    table("mail_outbox", "mail_queue", "id", "template", "account_id", "created_at", "leased_until", "workspace_id",
        "subject_id", "about_id");
    table("throttle_entries", "throttle_entry", "keyed_hash", "window_start", "window_end", "hits");
    table("contacts", "contact", "tenant_id", "id", "first_name", "last_name", "email", "email_normalised", "phone",
        "created_at", "updated_at", "version", "job_title", "company_id", "last_name_sort");
    table("companies", "company", "tenant_id", "id", "name", "domain", "created_at", "updated_at", "version",
        "name_sort");
    table("deals", "deal", "tenant_id", "id", "title", "title_sort", "amount", "currency", "pipeline_id", "stage_id",
        "stage_kind", "expected_close_date", "closed_at", "company_id", "created_at", "updated_at", "version");
    table("deal_contacts", "deal", "tenant_id", "deal_id", "contact_id");
    table("deal_stage_changes", "deal", "tenant_id", "id", "deal_id", "from_stage_id", "from_stage_name",
        "from_stage_kind", "to_stage_id", "to_stage_name", "to_stage_kind", "changed_at", "actor_id");
    table("pipelines", "pipeline", "tenant_id", "id", "name", "name_normalised", "is_default", "created_at",
        "updated_at", "version");
    table("pipeline_stages", "pipeline", "tenant_id", "id", "pipeline_id", "name", "name_normalised", "kind",
        "probability", "position");
    table("activities", "activity", "tenant_id", "id", "kind", "subject", "body", "occurred_at", "duration_seconds",
        "created_at", "updated_at", "version");
    table("activity_links", "activity", "tenant_id", "id", "activity_id", "contact_id", "company_id", "deal_id");
    table("tasks", "task", "tenant_id", "id", "title", "body", "due_at", "done", "done_at", "assignee_id",
        "created_at", "updated_at", "version");
    table("task_links", "task", "tenant_id", "id", "task_id", "contact_id", "company_id", "deal_id");
    table("custom_fields", "custom_field", "tenant_id", "id", "object_type", "field_key", "type", "label",
        "sensitive", "created_at", "updated_at", "version");
    table("custom_field_options", "custom_field", "tenant_id", "id", "field_id", "option_key", "label", "position");
    table("custom_field_values", "custom_value", "tenant_id", "id", "field_id", "contact_id", "company_id",
        "deal_id", "text_value", "number_value", "decimal_value", "date_value", "boolean_value", "option_id",
        "amount", "currency", "text_sort");
    table("import_jobs", "import_job", "tenant_id", "id", "object", "on_duplicate", "fields", "state", "rows_read",
        "created", "updated", "skipped", "failed", "created_at", "updated_at", "finished_at");
    table("import_errors", "import_job", "tenant_id", "job_id", "line", "position", "field", "error");
    table("import_queue", "import_job", "workspace_id", "job_id", "queued_at", "leased_by", "leased_until", "attempts");
    table("import_rows", "import_row", "tenant_id", "job_id", "line", "cells", "match_key", "phone");
    table("erasure_receipts", "erasure_receipt", "tenant_id", "id", "contact_id", "erased_at");
    table("erasure_receipt_counts", "erasure_receipt", "tenant_id", "receipt_id", "participant", "position",
        "records_removed");
    table("erasure_receipt_reviews", "erasure_receipt", "tenant_id", "receipt_id", "participant", "record_id");
    table("suppression_entries", "suppression_entry", "tenant_id", "kind", "keyed_hash", "created_at");
    table("dsr_requests", "privacy_request", "tenant_id", "id", "type", "email", "address_hash", "california_request",
        "fix_first_name", "fix_last_name", "fix_email", "fix_phone", "fix_job_title", "fix_company_id", "fix_cleared",
        "purpose_keys", "received_at", "due_at", "extended_at", "extension_reason", "note", "state", "verified_at",
        "started_at", "closed_at", "reject_reason", "created_at", "updated_at", "version", "confirm_to");
    table("dsr_events", "privacy_request", "tenant_id", "id", "seq", "request_id", "kind", "occurred_at", "actor");
    table("dsr_codes", "privacy_request_code", "tenant_id", "request_id", "code_hash", "expires_at", "failed_attempts");
    table("consent_purposes", "consent_purpose", "tenant_id", "purpose_key", "name", "description", "legal_basis",
        "basis_justification", "direct_marketing", "double_opt_in", "retired_at", "created_at", "updated_at",
        "version");
    table("consent_subjects", "consent_subject", "tenant_id", "contact_id", "subject_ref");
    table("consent_events", "consent_event", "tenant_id", "id", "seq", "subject_ref", "address_hash", "purpose_key",
        "legal_basis", "kind", "source", "occurred_at", "recorded_at", "notice_version", "opt_in_requested_at",
        "opt_in_confirmed_at", "ip_prefix", "user_agent", "actor", "request_id");
    table("processing_restrictions", "processing_restriction", "tenant_id", "contact_id", "restricted_at");
    table("consent_confirmations", "consent_confirmation", "tenant_id", "id", "contact_id", "purpose_key",
        "notice_version", "requested_at", "token_hash", "expires_at", "used_at");
    table("dsr_packages", "subject_package", "id", "workspace_id", "request_id", "token_hash", "created_at",
        "expires_at", "claimed_at");
    table("dsr_package_chunks", "subject_package", "tenant_id", "package_id", "sequence", "data");
    table("marketing_mails", "marketing_mail", "tenant_id", "id", "purpose_key", "subject", "body_text",
        "postal_address", "created_at");
    table("audit_entries", "workspace_audit_trail", "tenant_id", "sequence", "occurred_at", "actor_kind",
        "actor_account", "actor_api_key", "action", "target_type", "target_id", "outcome", "details", "subject_id",
        "email_ct", "ip_ct", "user_agent_ct", "encoding", "previous_hash", "hash");
    table("platform_audit_entries", "platform_audit_trail", "sequence", "occurred_at", "actor_kind",
        "actor_account", "actor_api_key", "action", "target_type", "target_id", "outcome", "details", "subject_id",
        "email_ct", "ip_ct", "user_agent_ct", "encoding", "previous_hash", "hash");
    table("audit_subject_keys", "audit_subject_key", "subject_id", "wrapped_key", "created_at");
    table("audit_chain_heads", "audit_chain_head", "chain_id", "sequence", "hash");
    table("retention_runs", "retention_run", "id", "started_at", "finished_at", "workspaces_purged");
    table("retention_run_counts", "retention_run", "run_id", "data_class", "rows_deleted");
    table("retention_progress", "retention_progress", "tenant_id", "table_name", "rows_deleted");
  }

  private ColumnClasses() {}

  private static void table(String table, String dataClass, String... columns) {
    TABLES.put(table, new LinkedHashMap<>());
    column(table, dataClass, columns);
  }

  private static void column(String table, String dataClass, String... columns) {
    if (DataMap.standard().find(dataClass).isEmpty()) {
      throw new IllegalStateException(table + ": no data class " + dataClass);
    }
    for (String column : columns) {
      if (TABLES.get(table).put(column, dataClass) != null) {
        throw new IllegalStateException(table + "." + column + " is declared twice");
      }
    }
  }

  /** Table, then column, to its class's name; in declaration order. */
  static Map<String, Map<String, String>> declared() {
    return Collections.unmodifiableMap(TABLES);
  }

  /** The class of a table's first column (a workspace's tables each hold one class). */
  static String classOfTable(String table) {
    Map<String, String> columns = TABLES.get(table);
    if (columns == null) {
      throw new IllegalArgumentException("no table " + table);
    }
    return columns.values().iterator().next();
  }

  /** The tables any of whose columns is of one of {@code classes}. */
  static List<String> tablesOf(List<String> classes) {
    return TABLES.entrySet().stream().filter(t -> t.getValue().values().stream().anyMatch(classes::contains))
        .map(Map.Entry::getKey).toList();
  }
}
