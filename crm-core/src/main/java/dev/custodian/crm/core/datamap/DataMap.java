package dev.custodian.crm.core.datamap;

import static dev.custodian.crm.core.datamap.DataClass.impersonal;
import static dev.custodian.crm.core.datamap.DataClass.personal;

import dev.custodian.crm.core.consent.LegalBasis;
import dev.custodian.crm.core.datamap.RetentionRule.Trigger;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every class of data the product stores (RET-12), one entry each, in a stable order. A store's
 * adapter names the class of each of its columns (the jOOQ adapter's are checked against the
 * database's catalogue), and the map is published as {@code GET /api/v1/data-map}. A class whose
 * rule no code carries out yet says so ({@link DataClass#enforced()} false).
 */
public final class DataMap {

  /** When a workspace's data goes: at once when it ends (30 days after its cancellation, or a delete-now). */
  private static final RetentionRule WITH_WORKSPACE = RetentionRule.afterWorkspaceEnds(Period.ZERO);
  private static final String CRM = "the workspace's customer relationship management, on its owner's behalf";

  private static final DataMap STANDARD = new DataMap(List.of(
      // Workspaces and who may use them
      impersonal("workspace_record", "A workspace's id, status and lifecycle times (its tombstone after the purge)",
          DataCategory.SYSTEM, "knowing which workspaces exist and ended", LegalBasis.LEGITIMATE_INTEREST,
          RetentionRule.systemLifetime(), true),
      personal("workspace_identity", "A workspace's name and slug", DataCategory.CRM_DATA, CRM, LegalBasis.CONTRACT,
          CcpaCategory.CUSTOMER_CONTENT, WITH_WORKSPACE, true),
      personal("membership", "Who is a member of a workspace, with which role", DataCategory.ACCOUNT_DATA,
          "access control", LegalBasis.CONTRACT, CcpaCategory.IDENTIFIERS, WITH_WORKSPACE, true),
      personal("invitation", "An invitation to a workspace: the invited email, role and its times",
          DataCategory.ACCOUNT_DATA, "inviting members", LegalBasis.CONTRACT, CcpaCategory.IDENTIFIERS,
          WITH_WORKSPACE, true),
      personal("api_key", "A workspace's API key: its name, role, hash, creator and times",
          DataCategory.AUTHENTICATION_AND_AUDIT, "access control", LegalBasis.CONTRACT, CcpaCategory.IDENTIFIERS,
          WITH_WORKSPACE, true),
      // Accounts and sign-in
      personal("account", "An account: name, email, organisation, password hash, age attestation",
          DataCategory.ACCOUNT_DATA, "signing in and contacting the account's person", LegalBasis.CONTRACT,
          CcpaCategory.IDENTIFIERS, RetentionRule.afterAccountEnds(Period.ofDays(30)), false),
      personal("session", "A sign-in session and its rotated tokens' hashes, with their times",
          DataCategory.AUTHENTICATION_AND_AUDIT, "keeping a person signed in", LegalBasis.CONTRACT,
          CcpaCategory.INTERNET_ACTIVITY, RetentionRule.afterAccountEnds(Period.ofMonths(12)), false),
      personal("mail_token", "A mailed link's token hash (email verification, password reset, invitation)",
          DataCategory.ACCOUNT_DATA, "confirming an address or a reset", LegalBasis.CONTRACT, CcpaCategory.IDENTIFIERS,
          RetentionRule.sinceEvent("expiry", Period.ZERO), true),
      personal("mail_queue", "A mail waiting to be sent: its template and recipient account, or a "
          + "workspace's contact it goes to (its address read when sent)",
          DataCategory.ACCOUNT_DATA, "sending account and service notices", LegalBasis.CONTRACT,
          CcpaCategory.IDENTIFIERS, RetentionRule.sinceEvent("sending", Period.ZERO), true),
      personal("throttle_entry", "Keyed hashes of an email address or client IP with a count of attempts",
          DataCategory.SERVER_LOGS, "slowing down guessing and mail bombing", LegalBasis.LEGITIMATE_INTEREST,
          CcpaCategory.INTERNET_ACTIVITY, RetentionRule.sinceEvent("window_end", Period.ZERO), true),
      // CRM data
      personal("contact", "A contact: name, email, phone, job title, company", DataCategory.CRM_DATA, CRM,
          LegalBasis.CONTRACT, CcpaCategory.IDENTIFIERS, WITH_WORKSPACE, true),
      personal("company", "A company: name and domain", DataCategory.CRM_DATA, CRM, LegalBasis.CONTRACT,
          CcpaCategory.COMMERCIAL, WITH_WORKSPACE, true),
      personal("deal", "A deal: title, amount, stage, close date, its contacts and stage history",
          DataCategory.CRM_DATA, CRM, LegalBasis.CONTRACT, CcpaCategory.COMMERCIAL, WITH_WORKSPACE, true),
      impersonal("pipeline", "A pipeline and its stages", DataCategory.CRM_DATA, CRM, LegalBasis.CONTRACT,
          WITH_WORKSPACE, true),
      personal("activity", "An activity (note, call, meeting, email log) and what it is about",
          DataCategory.CRM_DATA, CRM, LegalBasis.CONTRACT, CcpaCategory.CUSTOMER_CONTENT, WITH_WORKSPACE, true),
      personal("task", "A task: title, body, due time, assignee and what it is about", DataCategory.CRM_DATA, CRM,
          LegalBasis.CONTRACT, CcpaCategory.CUSTOMER_CONTENT, WITH_WORKSPACE, true),
      impersonal("custom_field", "A custom field's definition and options", DataCategory.CRM_DATA, CRM,
          LegalBasis.CONTRACT, WITH_WORKSPACE, true),
      personal("custom_value", "A custom field's value on a contact, company or deal", DataCategory.CRM_DATA, CRM,
          LegalBasis.CONTRACT, CcpaCategory.CUSTOMER_CONTENT, WITH_WORKSPACE, true),
      impersonal("import_job", "An import: its options, state and counts, its place in the queue, and its error "
          + "rows (line, field and reason; never a value of the file): bookkeeping of the import, not its records",
          DataCategory.SYSTEM, "running imports and reporting their outcome", LegalBasis.CONTRACT,
          RetentionRule.sinceEvent("finish", Period.ofDays(30)), true),
      personal("import_row", "A row of an uploaded file waiting for its import batch: its line and cells, deleted "
          + "once counted", DataCategory.CRM_DATA, CRM, LegalBasis.CONTRACT, CcpaCategory.IDENTIFIERS, WITH_WORKSPACE,
          true),
      // Proof of a person's rights
      impersonal("erasure_receipt", "That a contact was erased at a person's request: when, and how many records",
          DataCategory.CRM_DATA, "proving an erasure", LegalBasis.LEGAL_OBLIGATION, WITH_WORKSPACE, true),
      personal("suppression_entry", "A keyed hash of an erased person's email or phone",
          DataCategory.CRM_DATA, "keeping an erased person from being added again", LegalBasis.LEGAL_OBLIGATION,
          CcpaCategory.IDENTIFIERS, WITH_WORKSPACE, true),
      personal("privacy_request", "A data-subject request: its type, the requester's address (and its keyed hash), "
          + "corrections or purposes, deadline, steps and their history", DataCategory.CRM_DATA,
          "answering a person's rights within their deadline (GDPR Arts. 12, 15-22)", LegalBasis.LEGAL_OBLIGATION,
          CcpaCategory.IDENTIFIERS, WITH_WORKSPACE, true),
      personal("privacy_request_code", "A public privacy request's emailed code: its keyed hash (never the code), "
          + "expiry and wrong tries", DataCategory.AUTHENTICATION_AND_AUDIT,
          "confirming that a requester holds the address (DSR-12)", LegalBasis.LEGAL_OBLIGATION,
          CcpaCategory.IDENTIFIERS, RetentionRule.sinceEvent("expiry", Period.ofDays(1)), true),
      // Consent (CON-04, RET-09)
      impersonal("consent_purpose", "A purpose the workspace processes for, with its lawful basis and notice",
          DataCategory.CONSENT_PROOF, "declaring what is processed and why (CON-08)", LegalBasis.LEGAL_OBLIGATION,
          RetentionRule.afterWorkspaceEnds(Period.ofYears(1)), false),
      personal("consent_subject", "The link from a contact to the random reference its consent entries name",
          DataCategory.CRM_DATA, CRM, LegalBasis.LEGAL_OBLIGATION, CcpaCategory.IDENTIFIERS, WITH_WORKSPACE, true),
      personal("consent_event", "A consent grant, withdrawal, objection or restoration: purpose, basis, source, "
          + "times, notice version, a keyed hash of the address, the client's network prefix and user agent",
          DataCategory.CONSENT_PROOF, "proving consent and refusals (CON-04)", LegalBasis.LEGAL_OBLIGATION,
          CcpaCategory.INTERNET_ACTIVITY, RetentionRule.afterWorkspaceEnds(Period.ofYears(1)), false),
      personal("processing_restriction", "That a contact's data may only be stored, not processed (DSR-07)",
          DataCategory.CRM_DATA, CRM, LegalBasis.LEGAL_OBLIGATION, CcpaCategory.IDENTIFIERS, WITH_WORKSPACE, true),
      personal("consent_confirmation", "A pending double opt-in: the contact, the purpose, the notice version, when "
          + "it was asked, the mailed token's SHA-256, its expiry and use", DataCategory.CRM_DATA,
          "proving a confirmed opt-in (CON-01)", LegalBasis.LEGAL_OBLIGATION, CcpaCategory.IDENTIFIERS,
          WITH_WORKSPACE, true),
      // Data-subject requests' packages (issue 28): a copy of CRM data kept only until downloaded or expired
      personal("subject_package", "An ACCESS or PORTABILITY package: the ZIP of a person's records, in chunks, "
          + "with its request, expiry, claim and its download token's hash", DataCategory.SYSTEM,
          "answering a person's access or portability request (GDPR Art. 15, 20)", LegalBasis.LEGAL_OBLIGATION,
          CcpaCategory.CUSTOMER_CONTENT, RetentionRule.sinceEvent("download_or_expiry", Period.ZERO), true),
      impersonal("marketing_mail", "A marketing mail the workspace queued: its purpose, subject, text and the "
          + "sender's postal address (the outbox names it per contact, without an address)", DataCategory.CRM_DATA,
          CRM, LegalBasis.CONTRACT, WITH_WORKSPACE, true),
      // Audit trail (RET-08, RET-11's closed list)
      personal("workspace_audit_trail", "A workspace's audit entries (actor, action, target, counts; an actor's "
          + "email and IP encrypted)", DataCategory.AUTHENTICATION_AND_AUDIT, "accountability and security",
          LegalBasis.LEGITIMATE_INTEREST, CcpaCategory.INTERNET_ACTIVITY,
          RetentionRule.afterWorkspaceEnds(Period.ofMonths(12)), false),
      personal("platform_audit_trail", "Sign-ins, password changes and new workspaces (an actor's email, IP and "
          + "user agent encrypted)", DataCategory.AUTHENTICATION_AND_AUDIT, "accountability and security",
          LegalBasis.LEGITIMATE_INTEREST, CcpaCategory.INTERNET_ACTIVITY,
          RetentionRule.afterAccountEnds(Period.ofMonths(12)), false),
      personal("audit_subject_key", "An account's wrapped key for its encrypted audit fields (destroyed to forget "
          + "them)", DataCategory.AUTHENTICATION_AND_AUDIT, "forgetting a person in the audit trail",
          LegalBasis.LEGITIMATE_INTEREST, CcpaCategory.IDENTIFIERS, RetentionRule.afterAccountEnds(Period.ZERO),
          false),
      impersonal("audit_chain_head", "Each audit chain's last sequence and hash", DataCategory.SYSTEM,
          "detecting a changed audit trail", LegalBasis.LEGITIMATE_INTEREST, RetentionRule.systemLifetime(), true),
      // The product's own bookkeeping
      impersonal("system", "Schema history and the master key's check value", DataCategory.SYSTEM,
          "running the product", LegalBasis.LEGITIMATE_INTEREST, RetentionRule.systemLifetime(), true),
      impersonal("retention_run", "A retention run's times and the rows it deleted per data class (no workspace, "
          + "no row)", DataCategory.SYSTEM, "showing operators that the retention rules are carried out",
          LegalBasis.LEGITIMATE_INTEREST, RetentionRule.systemLifetime(), true),
      impersonal("retention_progress", "How many rows a workspace's purge has deleted so far, per table",
          DataCategory.SYSTEM, "auditing a purge spread over several runs with every row it deleted",
          LegalBasis.LEGITIMATE_INTEREST, WITH_WORKSPACE, true)));

  private final Map<String, DataClass> classes;

  public DataMap(List<DataClass> classes) {
    Map<String, DataClass> byName = new LinkedHashMap<>();
    for (DataClass c : classes) {
      if (byName.putIfAbsent(c.name(), Objects.requireNonNull(c, "class")) != null) {
        throw new IllegalArgumentException("two data classes are named " + c.name());
      }
    }
    this.classes = java.util.Collections.unmodifiableMap(byName);
  }

  /** The product's map. */
  public static DataMap standard() {
    return STANDARD;
  }

  /** Every class, in the map's order. */
  public List<DataClass> classes() {
    return new ArrayList<>(classes.values());
  }

  public Optional<DataClass> find(String name) {
    return Optional.ofNullable(classes.get(name));
  }

  /** The classes that go when their workspace ends: what a workspace's purge deletes. */
  public List<DataClass> endingWithTheWorkspace() {
    return classes.values().stream()
        .filter(c -> c.rule().trigger() == Trigger.WORKSPACE_ENDED && c.rule().period().isZero()).toList();
  }
}
