package dev.custodian.crm.core;

import dev.custodian.crm.core.access.port.out.ApiKeyRepository;
import dev.custodian.crm.core.access.port.out.CredentialLookup;
import dev.custodian.crm.core.access.port.out.InvitationRepository;
import dev.custodian.crm.core.access.port.out.MembershipRepository;
import dev.custodian.crm.core.account.port.out.AccountRepository;
import dev.custodian.crm.core.activity.port.out.ActivityRepository;
import dev.custodian.crm.core.audit.port.out.AuditStore;
import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.consent.port.out.ConsentConfirmations;
import dev.custodian.crm.core.consent.port.out.ConsentLedger;
import dev.custodian.crm.core.consent.port.out.ConsentRecorder;
import dev.custodian.crm.core.consent.port.out.ContactConsentReader;
import dev.custodian.crm.core.consent.port.out.EligibleContacts;
import dev.custodian.crm.core.consent.port.out.ProcessingRestrictions;
import dev.custodian.crm.core.consent.port.out.PurposeRepository;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.customfield.port.out.CustomFieldRepository;
import dev.custodian.crm.core.customfield.port.out.CustomValueRepository;
import dev.custodian.crm.core.deal.port.out.DealRepository;
import dev.custodian.crm.core.dsr.port.out.PackageStore;
import dev.custodian.crm.core.erasure.port.out.ErasureReceiptRepository;
import dev.custodian.crm.core.erasure.port.out.SuppressionEntryRepository;
import dev.custodian.crm.core.imports.port.out.ImportStores;
import dev.custodian.crm.core.keys.port.out.KeyCheckRepository;
import dev.custodian.crm.core.link.port.out.LinkTargets;
import dev.custodian.crm.core.mail.port.out.MailOutbox;
import dev.custodian.crm.core.mail.port.out.MailTokenRepository;
import dev.custodian.crm.core.pipeline.port.out.PipelineRepository;
import dev.custodian.crm.core.retention.port.out.RetentionStore;
import dev.custodian.crm.core.session.port.out.SessionRepository;
import dev.custodian.crm.core.task.port.out.TaskRepository;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.throttle.port.out.ThrottleRepository;
import dev.custodian.crm.core.timeline.port.out.TimelineRepository;
import dev.custodian.crm.core.workspace.WorkspaceStatus;
import dev.custodian.crm.core.workspace.port.out.WorkspacePurge;
import dev.custodian.crm.core.workspace.port.out.WorkspaceRepository;
import java.util.Optional;

/**
 * Out-ports, all together: what a persistence adapter hands to the library's entry point
 * ({@code Custodian.builder().persistence(...)}). Every store joins {@link #transactions()}, so a
 * use case that touches several is one transaction. The jOOQ adapter's {@code JooqPersistence} is
 * one; an embedder's own adapter implements this interface and passes the port contract tests.
 */
public interface Persistence {

  Transactions transactions();

  WorkspaceRepository workspaces();

  ContactRepository contacts();

  CompanyRepository companies();

  PipelineRepository pipelines();

  DealRepository deals();

  ActivityRepository activities();

  TaskRepository tasks();

  /** Whether the records links name are of the workspace (activities and tasks ask before storing). */
  LinkTargets linkTargets();

  TimelineRepository timelines();
  CustomFieldRepository customFields();

  CustomValueRepository customValues();

  /** A workspace's declared purposes of processing. */
  PurposeRepository purposes();

  /** The append-only consent ledger and its subjects' links to contacts. */
  ConsentLedger consentLedger();

  /** Contacts whose processing is restricted. */
  ProcessingRestrictions processingRestrictions();

  /** Pending double opt-ins, with their mailed tokens' hashes. */
  ConsentConfirmations consentConfirmations();

  /**
   * A contact's consent at once (purposes, entries, restriction), in one statement if the adapter
   * can; by default the same answer from the stores above, a statement each.
   */
  default ContactConsentReader contactConsent() {
    return ContactConsentReader.composed(contacts(), purposes(), consentLedger(), processingRestrictions());
  }

  /**
   * A consent recording's read (the contact's row locked) and its conditional append, a statement
   * each if the adapter can; by default composed of the stores above.
   */
  default ConsentRecorder consentRecorder() {
    return ConsentRecorder.composed(contacts(), purposes(), consentLedger());
  }

  /**
   * A page of the contacts the guard allows for a purpose, in one statement if the adapter can; by
   * default each page of the contact list filtered by the stores above.
   */
  default EligibleContacts eligibleContacts() {
    return EligibleContacts.composed(contacts(), purposes(), consentLedger(), processingRestrictions());
  }

  SuppressionEntryRepository suppressionEntries();

  ErasureReceiptRepository erasureReceipts();

  KeyCheckRepository keyChecks();

  MailOutbox mailOutbox();

  MailTokenRepository mailTokens();

  ThrottleRepository throttleEntries();

  AccountRepository accounts();

  SessionRepository sessions();

  MembershipRepository memberships();

  InvitationRepository invitations();

  ApiKeyRepository apiKeys();

  /** Deletes a due workspace's data (RET-03); an adapter without one cannot delete a workspace now. */
  default WorkspacePurge workspacePurge() {
    throw new UnsupportedOperationException("this persistence adapter cannot purge a workspace yet");
  }

  /** The retention engine's due rows and its runs' history (RET-03); an adapter without one runs no engine yet. */
  default RetentionStore retentionStore() {
    throw new UnsupportedOperationException("this persistence adapter has no retention store yet");
  }

  /**
   * Where ACCESS and PORTABILITY packages wait for their download; an adapter without one cannot
   * answer such a request yet.
   */
  default PackageStore packageStore() {
    throw new UnsupportedOperationException("this persistence adapter cannot store a data-subject package yet");
  }

  /**
   * The import jobs with their staged and error rows, the workers' queue, and the duplicates'
   * lookups; empty for an adapter without them (the library then offers no imports).
   */
  default Optional<ImportStores> imports() {
    return Optional.empty();
  }

  /** The audit trail's rows, heads and subject keys. */
  AuditStore auditStore();

  /**
   * What a request's first statement reads: a credential or an account with its membership, in
   * one statement that also binds a workspace transaction, if the adapter can; by default the
   * same answers from the stores above, a statement each.
   */
  default CredentialLookup credentials() {
    return CredentialLookup.composed(sessions(), apiKeys(), memberships(),
        workspace -> workspaces().findById(workspace).map(w -> w.status() instanceof WorkspaceStatus.Cancelled)
            .orElse(false));
  }
}
