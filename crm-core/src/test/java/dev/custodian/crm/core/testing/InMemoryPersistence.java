package dev.custodian.crm.core.testing;

import dev.custodian.crm.core.Persistence;
import dev.custodian.crm.core.access.InMemoryApiKeyRepository;
import dev.custodian.crm.core.access.InMemoryInvitationRepository;
import dev.custodian.crm.core.access.InMemoryMembershipRepository;
import dev.custodian.crm.core.account.InMemoryAccountRepository;
import dev.custodian.crm.core.activity.InMemoryActivityRepository;
import dev.custodian.crm.core.audit.InMemoryAuditStore;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.company.InMemoryCompanyRepository;
import dev.custodian.crm.core.consent.InMemoryConsentConfirmations;
import dev.custodian.crm.core.consent.InMemoryConsentLedger;
import dev.custodian.crm.core.consent.InMemoryProcessingRestrictions;
import dev.custodian.crm.core.consent.InMemoryPurposeRepository;
import dev.custodian.crm.core.contact.InMemoryContactRepository;
import dev.custodian.crm.core.customfield.InMemoryCustomFieldRepository;
import dev.custodian.crm.core.customfield.InMemoryCustomValueRepository;
import dev.custodian.crm.core.deal.InMemoryDealRepository;
import dev.custodian.crm.core.dsr.InMemoryPackageStore;
import dev.custodian.crm.core.erasure.InMemoryErasureReceiptRepository;
import dev.custodian.crm.core.erasure.InMemorySuppressionEntryRepository;
import dev.custodian.crm.core.imports.InMemoryImportStores;
import dev.custodian.crm.core.imports.port.out.ImportStores;
import dev.custodian.crm.core.keys.InMemoryKeyCheckRepository;
import dev.custodian.crm.core.link.InMemoryLinkTargets;
import dev.custodian.crm.core.mail.InMemoryMailOutbox;
import dev.custodian.crm.core.mail.InMemoryMailTokenRepository;
import dev.custodian.crm.core.pipeline.InMemoryPipelineRepository;
import dev.custodian.crm.core.session.InMemorySessionRepository;
import dev.custodian.crm.core.task.InMemoryTaskRepository;
import dev.custodian.crm.core.throttle.InMemoryThrottleRepository;
import dev.custodian.crm.core.timeline.InMemoryTimelineRepository;
import dev.custodian.crm.core.workspace.InMemoryWorkspaceRepository;
import java.util.Optional;

/**
 * Every out-port as an in-memory fake over one {@link InMemoryTransactions}: a whole
 * {@link Persistence} for tests of the library's entry point, or for trying it without a database.
 */
public final class InMemoryPersistence implements Persistence {

  private final InMemoryTransactions transactions = new InMemoryTransactions();
  private final InMemoryAccountRepository accounts = new InMemoryAccountRepository(transactions);
  private final InMemoryMembershipRepository memberships = new InMemoryMembershipRepository(transactions, accounts);
  private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository(transactions, memberships);
  private final InMemoryCompanyRepository companies = new InMemoryCompanyRepository(transactions);
  private final InMemoryContactRepository contacts = new InMemoryContactRepository(transactions, companies);
  private final InMemoryPipelineRepository pipelines = new InMemoryPipelineRepository(transactions);
  private final InMemoryDealRepository deals = new InMemoryDealRepository(transactions, companies, contacts, pipelines);
  private final InMemoryLinkTargets linkTargets = new InMemoryLinkTargets(contacts, companies, deals);
  private final InMemoryActivityRepository activities = new InMemoryActivityRepository(transactions, linkTargets);
  private final InMemoryTaskRepository tasks = new InMemoryTaskRepository(transactions, linkTargets);
  private final InMemoryTimelineRepository timelines = new InMemoryTimelineRepository(activities, tasks, deals);
  private final InMemoryPurposeRepository purposes = new InMemoryPurposeRepository(transactions);
  private final InMemoryConsentLedger consentLedger = new InMemoryConsentLedger(transactions);
  private final InMemoryConsentConfirmations consentConfirmations = new InMemoryConsentConfirmations(transactions);
  private final InMemoryProcessingRestrictions processingRestrictions =
      new InMemoryProcessingRestrictions(transactions);
  private final InMemoryCustomFieldRepository customFields = new InMemoryCustomFieldRepository(transactions);
  private final InMemoryCustomValueRepository customValues = new InMemoryCustomValueRepository(transactions, customFields);
  private final InMemorySuppressionEntryRepository suppressionEntries =
      new InMemorySuppressionEntryRepository(transactions);
  private final InMemoryErasureReceiptRepository erasureReceipts =
      new InMemoryErasureReceiptRepository(transactions);
  private final InMemoryKeyCheckRepository keyChecks = new InMemoryKeyCheckRepository(transactions);
  private final InMemoryMailOutbox mailOutbox = new InMemoryMailOutbox(transactions);
  private final InMemoryMailTokenRepository mailTokens = new InMemoryMailTokenRepository(transactions);
  private final InMemoryPackageStore packageStore = new InMemoryPackageStore(transactions);
  private final InMemoryThrottleRepository throttleEntries = new InMemoryThrottleRepository(transactions);
  private final InMemorySessionRepository sessions = new InMemorySessionRepository(transactions);
  private final InMemoryInvitationRepository invitations = new InMemoryInvitationRepository(transactions,
      (workspace, email) -> accounts.findByEmail(email).flatMap(a -> memberships.roleOf(workspace, a.id())).isPresent());
  private final InMemoryApiKeyRepository apiKeys = new InMemoryApiKeyRepository(transactions);
  private final InMemoryAuditStore auditStore = new InMemoryAuditStore(transactions);
  private final ImportStores imports = InMemoryImportStores.create(transactions, contacts, companies);

  @Override
  public Optional<ImportStores> imports() {
    return Optional.of(imports);
  }

  @Override
  public InMemoryAuditStore auditStore() {
    return auditStore;
  }

  {
    contacts.readingCustomValuesFrom(customValues); // a contact is read with its values
    contacts.listingCustomValuesFrom(customValues); // lists by custom fields, each record type
    companies.listingCustomValuesFrom(customValues);
    deals.listingCustomValuesFrom(customValues);
    companies.readingCustomValuesFrom(customValues); // so are companies and deals
    deals.readingCustomValuesFrom(customValues);
  }

  @Override
  public InMemoryTransactions transactions() {
    return transactions;
  }

  @Override
  public InMemoryWorkspaceRepository workspaces() {
    return workspaces;
  }

  @Override
  public InMemoryContactRepository contacts() {
    return contacts;
  }

  @Override
  public InMemoryCompanyRepository companies() {
    return companies;
  }

  @Override
  public InMemoryPipelineRepository pipelines() {
    return pipelines;
  }

  @Override
  public InMemoryDealRepository deals() {
    return deals;
  }

  @Override
  public InMemoryActivityRepository activities() {
    return activities;
  }

  @Override
  public InMemoryTaskRepository tasks() {
    return tasks;
  }

  @Override
  public InMemoryLinkTargets linkTargets() {
    return linkTargets;
  }

  @Override
  public InMemoryTimelineRepository timelines() {
    return timelines;
  }

  @Override
  public InMemoryPurposeRepository purposes() {
    return purposes;
  }

  @Override
  public InMemoryConsentLedger consentLedger() {
    return consentLedger;
  }

  @Override
  public InMemoryProcessingRestrictions processingRestrictions() {
    return processingRestrictions;
  }

  @Override
  public InMemoryConsentConfirmations consentConfirmations() {
    return consentConfirmations;
  }

  @Override
  public InMemoryCustomFieldRepository customFields() {
    return customFields;
  }

  @Override
  public InMemoryCustomValueRepository customValues() {
    return customValues;
  }

  @Override
  public InMemorySuppressionEntryRepository suppressionEntries() {
    return suppressionEntries;
  }

  @Override
  public InMemoryErasureReceiptRepository erasureReceipts() {
    return erasureReceipts;
  }

  @Override
  public InMemoryKeyCheckRepository keyChecks() {
    return keyChecks;
  }

  @Override
  public InMemoryAccountRepository accounts() {
    return accounts;
  }

  @Override
  public InMemoryMailOutbox mailOutbox() {
    return mailOutbox;
  }

  @Override
  public InMemoryMailTokenRepository mailTokens() {
    return mailTokens;
  }

  @Override
  public InMemoryPackageStore packageStore() {
    return packageStore;
  }

  @Override
  public InMemoryThrottleRepository throttleEntries() {
    return throttleEntries;
  }

  @Override
  public InMemorySessionRepository sessions() {
    return sessions;
  }

  @Override
  public InMemoryMembershipRepository memberships() {
    return memberships;
  }

  @Override
  public InMemoryInvitationRepository invitations() {
    return invitations;
  }

  @Override
  public InMemoryApiKeyRepository apiKeys() {
    return apiKeys;
  }
}
