package dev.custodian.crm.persistence;

import dev.custodian.crm.core.Persistence;
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
import dev.custodian.crm.core.throttle.port.out.ThrottleRepository;
import dev.custodian.crm.core.timeline.port.out.TimelineRepository;
import dev.custodian.crm.core.workspace.port.out.WorkspacePurge;
import dev.custodian.crm.core.workspace.port.out.WorkspaceRepository;
import dev.custodian.crm.persistence.access.JooqAccessStores;
import dev.custodian.crm.persistence.account.JooqAccountStores;
import dev.custodian.crm.persistence.activity.JooqActivityStores;
import dev.custodian.crm.persistence.audit.JooqAuditStores;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.company.JooqCompanyStores;
import dev.custodian.crm.persistence.consent.JooqConsentStores;
import dev.custodian.crm.persistence.contact.JooqContactStores;
import dev.custodian.crm.persistence.customfield.JooqCustomFieldStores;
import dev.custodian.crm.persistence.deal.JooqDealStores;
import dev.custodian.crm.persistence.dsr.JooqDsrStores;
import dev.custodian.crm.persistence.erasure.JooqErasureStores;
import dev.custodian.crm.persistence.imports.JooqImportStores;
import dev.custodian.crm.persistence.keys.JooqKeyStores;
import dev.custodian.crm.persistence.mail.JooqMailStores;
import dev.custodian.crm.persistence.pipeline.JooqPipelineStores;
import dev.custodian.crm.persistence.retention.JooqRetentionStores;
import dev.custodian.crm.persistence.schema.ApplicationRoleCheck;
import dev.custodian.crm.persistence.session.JooqSessionStores;
import dev.custodian.crm.persistence.task.JooqTaskStores;
import dev.custodian.crm.persistence.throttle.JooqThrottleStores;
import dev.custodian.crm.persistence.workspace.JooqWorkspaceStores;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Persistence adapter, the entry point: every out-port of the core over one data source that
 * connects as the application role ({@code crm_app}), sharing one {@link JooqTransactions}, so a
 * use case that touches several stores is still one transaction. Hand it to
 * {@code Custodian.builder().persistence(...)}.
 *
 * <p>{@link #create} first checks that the role cannot switch row-level security off: a
 * superuser, a {@code BYPASSRLS} role or an owner of a workspace-owned table is refused.
 */
public final class JooqPersistence implements Persistence {

  private final JooqTransactions transactions;
  private final WorkspaceRepository workspaces;
  private final ContactRepository contacts;
  private final CompanyRepository companies;
  private final PipelineRepository pipelines;
  private final DealRepository deals;
  private final ActivityRepository activities;
  private final TaskRepository tasks;
  private final LinkTargets linkTargets;
  private final TimelineRepository timelines;
  private final CustomFieldRepository customFields;
  private final CustomValueRepository customValues;
  private final SuppressionEntryRepository suppressionEntries;
  private final PurposeRepository purposes;
  private final ConsentLedger consentLedger;
  private final ConsentConfirmations consentConfirmations;
  private final ProcessingRestrictions processingRestrictions;
  private final ContactConsentReader contactConsent;
  private final ConsentRecorder consentRecorder;
  private final EligibleContacts eligibleContacts;
  private final ErasureReceiptRepository erasureReceipts;
  private final KeyCheckRepository keyChecks;
  private final MailOutbox mailOutbox;
  private final MailTokenRepository mailTokens;
  private final PackageStore packageStore;
  private final ThrottleRepository throttleEntries;
  private final AccountRepository accounts;
  private final SessionRepository sessions;
  private final MembershipRepository memberships;
  private final InvitationRepository invitations;
  private final ApiKeyRepository apiKeys;
  private final CredentialLookup credentials;
  private final AuditStore auditStore;
  private final RetentionStore retentionStore;
  private final ImportStores imports;

  private JooqPersistence(DataSource appDataSource) {
    this.transactions = new JooqTransactions(appDataSource);
    this.workspaces = JooqWorkspaceStores.workspaces(transactions);
    this.contacts = JooqContactStores.contacts(transactions);
    this.companies = JooqCompanyStores.companies(transactions);
    this.pipelines = JooqPipelineStores.pipelines(transactions);
    this.deals = JooqDealStores.deals(transactions);
    this.activities = JooqActivityStores.activities(transactions);
    this.tasks = JooqTaskStores.tasks(transactions);
    this.linkTargets = JooqActivityStores.linkTargets(transactions);
    this.timelines = JooqActivityStores.timelines(transactions);
    this.customFields = JooqCustomFieldStores.customFields(transactions);
    this.customValues = JooqCustomFieldStores.customValues(transactions);
    this.suppressionEntries = JooqErasureStores.suppressionEntries(transactions);
    this.purposes = JooqConsentStores.purposes(transactions);
    this.consentLedger = JooqConsentStores.ledger(transactions);
    this.processingRestrictions = JooqConsentStores.restrictions(transactions);
    this.consentConfirmations = JooqConsentStores.confirmations(transactions);
    this.contactConsent = JooqConsentStores.contactConsent(transactions);
    this.consentRecorder = JooqConsentStores.recorder(transactions);
    this.eligibleContacts = JooqConsentStores.eligibleContacts(transactions);
    this.erasureReceipts = JooqErasureStores.receipts(transactions);
    this.keyChecks = JooqKeyStores.keyChecks(transactions);
    this.mailOutbox = JooqMailStores.outbox(transactions);
    this.mailTokens = JooqMailStores.tokens(transactions);
    this.packageStore = JooqDsrStores.packageStore(transactions);
    this.throttleEntries = JooqThrottleStores.entries(transactions);
    this.accounts = JooqAccountStores.accounts(transactions);
    this.sessions = JooqSessionStores.sessions(transactions);
    this.memberships = JooqAccessStores.memberships(transactions);
    this.invitations = JooqAccessStores.invitations(transactions);
    this.apiKeys = JooqAccessStores.apiKeys(transactions);
    this.credentials = JooqAccessStores.credentials(transactions);
    this.auditStore = JooqAuditStores.store(transactions);
    this.retentionStore = JooqRetentionStores.store(transactions);
    this.imports = JooqImportStores.stores(transactions);
  }

  /**
   * The adapter over a pool of the application role.
   *
   * @throws ApplicationRoleCheck.UnsafeRoleException when the role could bypass row-level security
   */
  public static JooqPersistence create(DataSource appDataSource) {
    ApplicationRoleCheck.requireSafe(appDataSource);
    return new JooqPersistence(appDataSource);
  }

  /**
   * The adapter without the role check, for tests that deliberately connect as a role that
   * bypasses row-level security (to prove that the queries filter by workspace on their own).
   * Never for serving: {@link #create} is.
   */
  public static JooqPersistence createTrustingTheRole(DataSource dataSource) {
    return new JooqPersistence(dataSource);
  }

  /** The {@code Transactions} port; the repositories of every feature join it. */
  @Override
  public JooqTransactions transactions() {
    return transactions;
  }

  @Override
  public WorkspaceRepository workspaces() {
    return workspaces;
  }

  @Override
  public WorkspacePurge workspacePurge() {
    return JooqWorkspaceStores.purge(transactions);
  }

  @Override
  public ContactRepository contacts() {
    return contacts;
  }

  @Override
  public CompanyRepository companies() {
    return companies;
  }

  @Override
  public PipelineRepository pipelines() {
    return pipelines;
  }

  @Override
  public DealRepository deals() {
    return deals;
  }

  @Override
  public ActivityRepository activities() {
    return activities;
  }

  @Override
  public TaskRepository tasks() {
    return tasks;
  }

  @Override
  public LinkTargets linkTargets() {
    return linkTargets;
  }

  @Override
  public TimelineRepository timelines() {
    return timelines;
  }

  @Override
  public PurposeRepository purposes() {
    return purposes;
  }

  @Override
  public ConsentLedger consentLedger() {
    return consentLedger;
  }

  @Override
  public ProcessingRestrictions processingRestrictions() {
    return processingRestrictions;
  }

  @Override
  public ConsentConfirmations consentConfirmations() {
    return consentConfirmations;
  }

  /** One statement: the contact, its restriction, the purposes and its entries, by left joins. */
  @Override
  public ContactConsentReader contactConsent() {
    return contactConsent;
  }

  /** Two statements: the locked read (left joins), the gated append (with the first link). */
  @Override
  public ConsentRecorder consentRecorder() {
    return consentRecorder;
  }

  /** One statement: the contact list's, with the guard's decision per row in correlated subqueries. */
  @Override
  public EligibleContacts eligibleContacts() {
    return eligibleContacts;
  }

  @Override
  public CustomFieldRepository customFields() {
    return customFields;
  }

  @Override
  public CustomValueRepository customValues() {
    return customValues;
  }

  @Override
  public SuppressionEntryRepository suppressionEntries() {
    return suppressionEntries;
  }

  @Override
  public ErasureReceiptRepository erasureReceipts() {
    return erasureReceipts;
  }

  @Override
  public KeyCheckRepository keyChecks() {
    return keyChecks;
  }

  @Override
  public MailOutbox mailOutbox() {
    return mailOutbox;
  }

  @Override
  public MailTokenRepository mailTokens() {
    return mailTokens;
  }

  @Override
  public PackageStore packageStore() {
    return packageStore;
  }

  @Override
  public ThrottleRepository throttleEntries() {
    return throttleEntries;
  }

  @Override
  public AccountRepository accounts() {
    return accounts;
  }

  @Override
  public SessionRepository sessions() {
    return sessions;
  }

  @Override
  public MembershipRepository memberships() {
    return memberships;
  }

  @Override
  public InvitationRepository invitations() {
    return invitations;
  }

  @Override
  public ApiKeyRepository apiKeys() {
    return apiKeys;
  }

  @Override
  public AuditStore auditStore() {
    return auditStore;
  }

  @Override
  public RetentionStore retentionStore() {
    return retentionStore;
  }

  /** One statement per lookup, which also binds a workspace transaction. */
  @Override
  public CredentialLookup credentials() {
    return credentials;
  }

  @Override
  public Optional<ImportStores> imports() {
    return Optional.of(imports);
  }
}
