package dev.custodian.crm.privacy;

import dev.custodian.crm.core.Persistence;
import dev.custodian.crm.core.access.Invitation;
import dev.custodian.crm.core.access.InvitationId;
import dev.custodian.crm.core.access.port.in.AccessUseCases;
import dev.custodian.crm.core.access.service.AccessServices;
import dev.custodian.crm.core.access.service.Gate;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.account.Account;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.account.AgeAttestation;
import dev.custodian.crm.core.account.port.in.AccountUseCases;
import dev.custodian.crm.core.account.port.out.CommonPasswords;
import dev.custodian.crm.core.account.port.out.PasswordHasher;
import dev.custodian.crm.core.account.service.AccountServices;
import dev.custodian.crm.core.activity.port.in.ActivityUseCases;
import dev.custodian.crm.core.activity.service.ActivityServices;
import dev.custodian.crm.core.audit.port.out.AuditLog;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.common.port.out.TokenGenerator;
import dev.custodian.crm.core.company.port.in.CompanyUseCases;
import dev.custodian.crm.core.company.service.CompanyServices;
import dev.custodian.crm.core.consent.port.in.ConsentUseCases;
import dev.custodian.crm.core.consent.port.in.MarketingUseCases;
import dev.custodian.crm.core.consent.port.out.ConsentAddressHasher;
import dev.custodian.crm.core.consent.port.out.UnsubscribeTokens;
import dev.custodian.crm.core.consent.service.ConsentServices;
import dev.custodian.crm.core.consent.service.ProcessingGuard;
import dev.custodian.crm.core.contact.port.in.ContactUseCases;
import dev.custodian.crm.core.contact.service.ContactServices;
import dev.custodian.crm.core.customfield.port.in.CustomFieldUseCases;
import dev.custodian.crm.core.customfield.service.CustomFieldServices;
import dev.custodian.crm.core.customfield.service.CustomValueIntake;
import dev.custodian.crm.core.datamap.DataMap;
import dev.custodian.crm.core.deal.port.in.DealUseCases;
import dev.custodian.crm.core.deal.service.DealServices;
import dev.custodian.crm.core.dsr.port.in.DataSubjectRequestUseCases;
import dev.custodian.crm.core.dsr.port.in.PublicRequestUseCase;
import dev.custodian.crm.core.dsr.port.out.PackageStore;
import dev.custodian.crm.core.dsr.port.out.RequestCodeHasher;
import dev.custodian.crm.core.dsr.port.out.RequestExecutor;
import dev.custodian.crm.core.dsr.port.out.SubjectPackager;
import dev.custodian.crm.core.dsr.service.DataSubjectRequestServices;
import dev.custodian.crm.core.erasure.ErasureParticipant;
import dev.custodian.crm.core.erasure.SubjectDataParticipant;
import dev.custodian.crm.core.export.port.in.ExportListUseCase;
import dev.custodian.crm.core.export.port.in.ExportWorkspaceUseCase;
import dev.custodian.crm.core.export.service.ExportServices;
import dev.custodian.crm.core.imports.port.in.ImportUseCases;
import dev.custodian.crm.core.imports.port.in.RunImportsUseCase;
import dev.custodian.crm.core.imports.service.ImportServices;
import dev.custodian.crm.core.imports.service.ImportSettings;
import dev.custodian.crm.core.keys.port.out.KeyProvider;
import dev.custodian.crm.core.mail.MailTemplate;
import dev.custodian.crm.core.mail.MailTokenPurpose;
import dev.custodian.crm.core.mail.WorkspaceNotice;
import dev.custodian.crm.core.mail.port.out.MailRecipients;
import dev.custodian.crm.core.mail.port.out.Mailer;
import dev.custodian.crm.core.mail.port.out.SubjectMailResolver;
import dev.custodian.crm.core.mail.service.MailDispatcher;
import dev.custodian.crm.core.myexport.port.in.ExportMyDataUseCase;
import dev.custodian.crm.core.myexport.service.ExportMyDataService;
import dev.custodian.crm.core.pipeline.port.in.PipelineUseCases;
import dev.custodian.crm.core.pipeline.service.PipelineServices;
import dev.custodian.crm.core.session.SessionPolicy;
import dev.custodian.crm.core.session.port.in.SessionUseCases;
import dev.custodian.crm.core.session.service.SessionServices;
import dev.custodian.crm.core.session.service.SessionTokenCheck;
import dev.custodian.crm.core.suppression.port.out.SuppressionList;
import dev.custodian.crm.core.task.port.in.TaskUseCases;
import dev.custodian.crm.core.task.port.out.WorkspaceMembers;
import dev.custodian.crm.core.task.service.TaskServices;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.throttle.port.out.ThrottleHasher;
import dev.custodian.crm.core.throttle.service.Throttle;
import dev.custodian.crm.core.timeline.port.in.TimelineUseCase;
import dev.custodian.crm.core.timeline.service.TimelineServices;
import dev.custodian.crm.core.workspace.Workspace;
import dev.custodian.crm.core.workspace.WorkspaceInitializer;
import dev.custodian.crm.core.workspace.WorkspaceStatus;
import dev.custodian.crm.core.workspace.port.in.PurgeDueWorkspacesUseCase;
import dev.custodian.crm.core.workspace.port.in.QueuePurgeRemindersUseCase;
import dev.custodian.crm.core.workspace.port.in.WorkspaceUseCases;
import dev.custodian.crm.core.workspace.service.WorkspaceServices;
import dev.custodian.crm.privacy.audit.ChainedAuditLog;
import dev.custodian.crm.privacy.audit.port.in.AuditUseCases;
import dev.custodian.crm.privacy.audit.service.AuditServices;
import dev.custodian.crm.privacy.consent.KeyedConsentAddressHasher;
import dev.custodian.crm.privacy.consent.KeyedUnsubscribeTokens;
import dev.custodian.crm.privacy.crypto.Argon2PasswordHasher;
import dev.custodian.crm.privacy.crypto.MasterKeyCheck;
import dev.custodian.crm.privacy.dsr.KeyedRequestCodeHasher;
import dev.custodian.crm.privacy.dsr.RequestExecutors;
import dev.custodian.crm.privacy.dsr.RestrictedContacts;
import dev.custodian.crm.privacy.dsr.port.in.SubjectPackageUseCases;
import dev.custodian.crm.privacy.dsr.service.ProcessingDeclaration;
import dev.custodian.crm.privacy.dsr.service.SubjectPackageServices;
import dev.custodian.crm.privacy.dsr.service.SubjectPackagerService;
import dev.custodian.crm.privacy.erasure.port.in.ErasureUseCases;
import dev.custodian.crm.privacy.erasure.service.ErasureServices;
import dev.custodian.crm.privacy.password.ZxcvbnCommonPasswords;
import dev.custodian.crm.privacy.retention.RetentionEngine;
import dev.custodian.crm.privacy.suppression.HashedSuppressionList;
import dev.custodian.crm.privacy.throttle.KeyedThrottleHasher;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The library's entry point: every feature's use cases over one persistence and one master key.
 * The bundled server builds itself from it too, so an embedder gets exactly what the server runs.
 *
 * <pre>{@code
 * Custodian custodian = Custodian.builder()
 *     .persistence(JooqPersistence.create(pool))
 *     .keys(MasterKey.fromBase64(System.getenv("CRM_MASTER_KEY")).orElseThrow())
 *     .build();
 * Actor ada = Actor.account(adasAccountId); // who acts: from your sign-in, or custodian.sessions()
 * Workspace acme = custodian.workspaces().create().create(ada, CreateWorkspaceCommand.of("Acme", null));
 * }</pre>
 *
 * <p>What cannot be switched off: {@link Builder#build()} checks the master key (32 bytes, not all
 * zero, and the key this database was set up with) before any use case can run, and an erasure
 * always deletes the contact record itself; participants given here only add to it.
 */
public final class Custodian {

  private final WorkspaceUseCases workspaces;
  private final ContactUseCases contacts;
  private final CompanyUseCases companies;
  private final PipelineUseCases pipelines;
  private final CustomFieldUseCases customFields;
  private final DealUseCases deals;
  private final ActivityUseCases activities;
  private final TaskUseCases tasks;
  private final TimelineUseCase timelines;
  private final ConsentUseCases consent;
  private final MarketingUseCases marketing;
  private final ProcessingGuard processingGuard;
  private final ErasureUseCases erasure;
  private final SubjectPackageUseCases subjectPackages;
  private final DataSubjectRequestUseCases privacyRequests;
  private final PublicRequestUseCase privacyRequestIntake;
  private final ExportServices exports;
  private final Optional<ImportUseCases> imports;
  private final Optional<RunImportsUseCase> importRunner;
  private final AccountUseCases accounts;
  private final ExportMyDataUseCase myDataExport;
  private final SessionUseCases sessions;
  private final AccessUseCases access;
  private final AuditUseCases audit;
  private final Throttle throttle;
  private final PurgeDueWorkspacesUseCase duePurges;
  private final Persistence persistence;
  private final AuditLog auditLog;
  private final IdGenerator ids;
  private final int retentionBatchSize;
  private final Clock clock;
  private final Duration invitationValidity;
  /** The mail resolver of each template that goes to a workspace's subject (a contact), for the dispatcher. */
  private final List<SubjectMailResolver> subjectMail;

  private Custodian(Builder builder) {
    Persistence p = builder.persistence;
    this.persistence = p;
    this.clock = builder.clock;
    this.invitationValidity = builder.invitationValidity;
    ThrottleHasher throttleHasher = new KeyedThrottleHasher(builder.keys);
    this.throttle = new Throttle(p.transactions(), p.throttleEntries(), throttleHasher,
        builder.clock, builder.throttleLimit, builder.throttleWindow);
    TokenGenerator tokens = TokenGenerator.secureRandom();
    // One trail for every feature: each audited action appends in its own transaction.
    AuditLog auditLog = new ChainedAuditLog(p.auditStore(), builder.keys, builder.clock);
    this.auditLog = auditLog;
    this.ids = builder.ids;
    this.retentionBatchSize = builder.retentionBatchSize;
    Gate gate = new Gate(p.credentials(), p.apiKeys(),
        new SessionTokenCheck(p.sessions(), tokens, builder.clock, builder.sessionPolicy, auditLog), builder.clock);
    WorkspaceTransactions inWorkspace = new WorkspaceTransactions(p.transactions(), p.memberships(), gate, auditLog, p.accounts());
    SuppressionList suppression = new HashedSuppressionList(p.suppressionEntries(), builder.keys);
    // One hasher for both features (and a delete-now's password check): its limit of concurrent hashes holds across them.
    PasswordHasher hasher = builder.passwordHasher != null ? builder.passwordHasher : new Argon2PasswordHasher();
    CommonPasswords commonPasswords = builder.commonPasswords != null ? builder.commonPasswords : new ZxcvbnCommonPasswords();
    this.accounts = AccountServices.create(p.transactions(), p.accounts(), p.sessions(), hasher, commonPasswords,
        p.mailOutbox(), p.mailTokens(), throttle, builder.ids, builder.clock, builder.minimumAge, auditLog);
    // One's own data: a throttle of its own (3 an hour), the platform's processing declaration from the packages' source.
    this.myDataExport = new ExportMyDataService(p.transactions(), p.accounts(), p.workspaces(), p.sessions(), auditLog,
        new Throttle(p.transactions(), p.throttleEntries(), throttleHasher, builder.clock, ExportMyDataService.LIMIT,
            ExportMyDataService.WINDOW), ProcessingDeclaration.platform(DataMap.standard()));
    this.sessions = SessionServices.create(p.transactions(), p.sessions(), p.accounts(), hasher, commonPasswords,
        throttle, tokens, builder.ids, builder.clock, builder.sessionPolicy, auditLog);
    // What a new workspace starts with: the built-in default pipeline and purposes, then the embedder's own.
    List<WorkspaceInitializer> initializers = new ArrayList<>();
    initializers.add(PipelineServices.defaultPipeline(p.pipelines(), builder.ids, builder.clock));
    initializers.add(ConsentServices.defaultPurposes(p.purposes(), builder.clock));
    initializers.addAll(builder.workspaceInitializers);
    // A cancellation mails each OWNER a notice, queued in its transaction (DSR-05).
    Consumer<Workspace> onCancelled = cancelled -> p.memberships().owners(cancelled.id()).forEach(owner ->
        p.mailOutbox().enqueue(MailTemplate.WORKSPACE_CANCELLED, owner.value(), cancelled.id().value(),
            Timestamps.now(builder.clock)));
    this.workspaces = WorkspaceServices.create(p.transactions(), inWorkspace, p.workspaces(), p.memberships(), builder.ids,
        builder.clock, initializers, onCancelled,
        sessions.reauthenticate(),
        (workspace, now) -> p.workspacePurge().purge(workspace, now));
    this.duePurges = WorkspaceServices.duePurges(p.transactions(), p.workspaces(),
        (workspace, now) -> p.workspacePurge().purge(workspace, now), auditLog, builder.clock);
    // Deleting a contact drops what links to it: the deals' links (the deals stay, at their next
    // version) and the activities' and tasks' (an activity left with none goes).
    CustomValueIntake custom = new CustomValueIntake(p.customFields(), p.customValues());
    this.exports = new ExportServices(inWorkspace, p.contacts(), p.companies(), p.deals(), p.customFields(),
        p.pipelines(), p.activities(), p.tasks());
    ContactUseCases unguardedContacts = ContactServices.create(inWorkspace, p.contacts(), suppression,
        List.of(p.deals(), p.activities(), p.tasks()), custom, builder.ids, builder.clock);
    // A restricted contact (DSR-07) is neither changed nor deleted, but by a request's rectification or an erasure.
    this.contacts = RestrictedContacts.guarding(unguardedContacts, inWorkspace, p.processingRestrictions());
    // Deleting a company unlinks what refers to it: the contacts and the deals.
    this.companies = CompanyServices.create(inWorkspace, p.companies(),
        List.of(p.contacts(), p.deals(), p.activities(), p.tasks()), suppression, custom, builder.ids, builder.clock);
    // Deleting a stage asks what stands in it: the deals.
    this.pipelines = PipelineServices.create(inWorkspace, p.pipelines(), List.of(p.deals()), builder.ids, builder.clock);
    this.deals = DealServices.create(inWorkspace, p.deals(), p.pipelines(), List.of(p.activities(), p.tasks()),
        suppression, custom, builder.ids, builder.clock);
    this.activities = ActivityServices.create(inWorkspace, p.activities(), p.linkTargets(), builder.ids, builder.clock);
    // An assignee is a current member of the workspace.
    WorkspaceMembers members = (workspace, account) -> p.memberships().roleOf(workspace, account).isPresent();
    this.tasks = TaskServices.create(inWorkspace, p.tasks(), p.linkTargets(), members, builder.ids, builder.clock);
    this.timelines = TimelineServices.create(inWorkspace, p.timelines(), p.linkTargets());
    this.customFields = CustomFieldServices.create(inWorkspace, p.customFields(), builder.ids, builder.clock);
    // Consent: the ledger hashes addresses under each workspace's consent key; one guard for every
    // purpose and one ledger service, shared by marketing mail and its one-click unsubscribe links
    // (CON-02, under each workspace's unsubscribe key).
    ConsentAddressHasher addressHasher = new KeyedConsentAddressHasher(builder.keys);
    UnsubscribeTokens unsubscribeTokens = new KeyedUnsubscribeTokens(builder.keys);
    ConsentServices.Consent consentFeature = ConsentServices.withMarketing(inWorkspace, p.purposes(),
        p.consentLedger(), p.processingRestrictions(), p.contacts(), p.contactConsent(), p.consentRecorder(),
        p.eligibleContacts(), addressHasher, new ConsentServices.OptInPorts(p.transactions(),
            p.consentConfirmations(), p.mailOutbox(), p.workspaces(), throttle), p.marketingMails(),
        unsubscribeTokens, builder.ids, builder.clock);
    this.processingGuard = consentFeature.guard();
    this.consent = consentFeature.useCases();
    this.marketing = consentFeature.marketing();
    // Mail to a workspace's contacts: rendered in that workspace's transaction, one resolver per template.
    List<SubjectMailResolver> toSubjects = new ArrayList<>();
    toSubjects.add(ConsentServices.confirmationMail(p.consentConfirmations(), p.contacts(), tokens,
        builder.consentConfirmationValidity));
    toSubjects.add(ConsentServices.marketingMail(p.marketingMails(), processingGuard, unsubscribeTokens));
    toSubjects.add(ConsentServices.restrictionLiftedMail(p.contacts())); // a restriction's end (DSR-07)
    // A public request's code, minted as its mail is sent and kept as a keyed hash under the workspace's dsr-code key.
    RequestCodeHasher requestCodes = new KeyedRequestCodeHasher(builder.keys);
    toSubjects.add(DataSubjectRequestServices.codeMail(p.dataSubjectRequests(), requestCodes));
    // A person's deal links, activities, tasks, custom values and consent subject's link go before
    // the contact record, whatever else takes part (the consent entries stay, naming no one).
    List<ErasureParticipant> erasureParticipants = new ArrayList<>();
    erasureParticipants.add(ErasureServices.dealContacts(p.deals()));
    erasureParticipants.addAll(ErasureServices.activitiesAndTasks(p.activities(), p.tasks()));
    erasureParticipants.add(ErasureServices.customValues(p.customValues(), p.contacts()));
    erasureParticipants.add(ErasureServices.consent(p.consentLedger(), p.consentConfirmations(), p.mailOutbox()));
    // Staged import rows of the person's email or phone go too (they would be refused anyway).
    p.imports().ifPresent(stores -> erasureParticipants.add(ImportServices.erasureParticipant(stores, p.contacts())));
    // The person's data-subject requests keep only the address's keyed hash, their types and steps.
    erasureParticipants.add(RequestExecutors.requestsParticipant(p.dataSubjectRequests(), p.contacts(), addressHasher,
        builder.clock));
    erasureParticipants.addAll(builder.erasureParticipants);
    this.erasure = ErasureServices.create(inWorkspace, p.contacts(), suppression, p.erasureReceipts(),
        erasureParticipants, builder.ids, builder.clock);
    this.imports = p.imports().map(stores -> ImportServices.create(inWorkspace, stores, p.customFields(), builder.ids,
        builder.clock));
    this.importRunner = p.imports().map(stores -> ImportServices.runner(p.transactions(), p.workspaces(), stores, p.contacts(),
        p.companies(), p.customFields(), p.customValues(), suppression, builder.ids, builder.clock, builder.importSettings));
    // Data-subject packages (issue 28): only with an adapter that stores them.
    PackageStore packageStore;
    try {
      packageStore = p.packageStore();
    } catch (UnsupportedOperationException noStore) {
      packageStore = null;
    }
    // Beside the library's stores: the staged import rows and the subject's own requests, as erasure has them.
    List<SubjectDataParticipant> moreSections = new ArrayList<>();
    p.imports().ifPresent(stores -> moreSections.add(ImportServices.subjectDataParticipant(stores)));
    moreSections.add(RequestExecutors.requestsSection(p.dataSubjectRequests(), addressHasher));
    this.subjectPackages = packageStore == null ? null : SubjectPackageServices.create(p, packageStore, inWorkspace,
        moreSections, builder.ids, tokens, builder.clock, builder.subjectPackageTtl, throttle);
    // Data-subject requests: each right executes through the use case a person would call, in the
    // execution's transaction; ACCESS and PORTABILITY only with a subject packager (the adapter's
    // package store, or the builder's own).
    List<RequestExecutor> executors = new ArrayList<>(List.of(
        RequestExecutors.erasure(p.dataSubjectRequests(), erasure.erase(), suppression, p.mailOutbox(), builder.clock),
        RequestExecutors.rectification(p.dataSubjectRequests(), p.contacts(), unguardedContacts.update()),
        RequestExecutors.restriction(p.dataSubjectRequests(), p.contacts(), consent.restrictions()),
        RequestExecutors.consent(p.dataSubjectRequests(), p.contacts(), consent.ledger())));
    SubjectPackager packager = builder.subjectPackager != null ? builder.subjectPackager
        : subjectPackages == null ? null : subjectPackages.packager();
    if (packager != null) {
      executors.add(RequestExecutors.packages(packager, p.mailOutbox(), builder.clock));
    }
    // A request's reasons, an erasure's confirmation, a package's download link (minted when sent).
    toSubjects.addAll(DataSubjectRequestServices.mail(p.dataSubjectRequests(), Optional.ofNullable(packager)));
    this.subjectMail = List.copyOf(toSubjects);
    this.privacyRequests = DataSubjectRequestServices.create(inWorkspace, p.dataSubjectRequests(), p.purposes(),
        addressHasher, p.mailOutbox(), executors, builder.ids, builder.clock);
    this.privacyRequestIntake = DataSubjectRequestServices.publicIntake(p.transactions(), inWorkspace,
        p.dataSubjectRequests(), p.purposes(), p.workspaces(), suppression, addressHasher, requestCodes, p.mailOutbox(),
        throttle, builder.ids, builder.clock);
    this.access = AccessServices.create(p.transactions(), inWorkspace, gate, p.memberships(), p.invitations(),
        p.apiKeys(), p.accounts(), p.mailOutbox(), p.mailTokens(), tokens, builder.ids, builder.clock,
        builder.invitationValidity, List.of(p.tasks())); // a member's departure unassigns their tasks
    this.audit = AuditServices.create(p.transactions(), inWorkspace, auditLog);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Workspaces: create (with what a new one starts with: the default pipeline "Sales", the default purposes, and your initializers) and read. */
  public WorkspaceUseCases workspaces() {
    return workspaces;
  }

  /** Contacts of a workspace: create, read, list, change, delete. */
  public ContactUseCases contacts() {
    return contacts;
  }

  /** Companies of a workspace: create, read, list, change, delete (which unlinks their contacts). */
  public CompanyUseCases companies() {
    return companies;
  }

  /** Pipelines of a workspace and their stages: create, read, list, change, delete. */
  public PipelineUseCases pipelines() {
    return pipelines;
  }

  /** Deals of a workspace: create, read, list, change and move between stages, delete, and their stage history. */
  public DealUseCases deals() {
    return deals;
  }

  /** Activities of a workspace (notes, calls, meetings, emails): create, read, list, change, delete. */
  public ActivityUseCases activities() {
    return activities;
  }

  /** Tasks of a workspace: create, read, list, change (assign, complete), delete. */
  public TaskUseCases tasks() {
    return tasks;
  }

  /** The timelines of contacts, companies and deals: their activities, tasks and stage changes, newest first. */
  public TimelineUseCase timelines() {
    return timelines;
  }

  /**
   * Consent: a workspace's purposes (new workspaces start with {@code service-delivery},
   * {@code marketing-email} and {@code analytics}), the append-only ledger, restrictions of
   * processing, and the guard's answer for a contact and purpose.
   */
  public ConsentUseCases consent() {
    return consent;
  }

  /**
   * Marketing mail (CON-02): queueing one to the contacts a purpose allows (asked again as each is
   * sent), and the person's one-click unsubscribe through its link.
   */
  public MarketingUseCases marketing() {
    return marketing;
  }

  /**
   * The one guard every processing for a purpose asks, per contact, inside its own workspace
   * transaction: allowed on a basis, or refused with the reason.
   */
  public ProcessingGuard processingGuard() {
    return processingGuard;
  }

  /** Custom field definitions of a workspace's contacts, companies and deals: create, read, list, change, delete. */
  public CustomFieldUseCases customFields() {
    return customFields;
  }

  /** Exports of the contact, company and deal lists, each from one snapshot (DSR-06). */
  public ExportListUseCase exports() {
    return exports;
  }

  /** The full export of a workspace, from one snapshot, audited (DSR-06). */
  public ExportWorkspaceUseCase workspaceExport() {
    return exports;
  }

  /**
   * Imports of CSV rows into contacts or companies: start (staged at once, then run by workers),
   * read, list, cancel, error rows.
   *
   * @throws UnsupportedOperationException when the persistence adapter has no import stores
   */
  public ImportUseCases imports() {
    return imports.orElseThrow(() -> new UnsupportedOperationException("this persistence adapter has no import stores"));
  }

  /**
   * What import workers call, from one thread or many, on one instance or many (each job is leased
   * to one worker at a time, and a workspace runs one job at a time).
   *
   * @throws UnsupportedOperationException when the persistence adapter has no import stores
   */
  public RunImportsUseCase importRunner() {
    return importRunner.orElseThrow(() -> new UnsupportedOperationException("this persistence adapter has no import stores"));
  }

  /**
   * Data-subject requests: recorded, tracked against their 30-day deadline, and executed once their
   * requester's identity is verified.
   */
  public DataSubjectRequestUseCases privacyRequests() {
    return privacyRequests;
  }

  /**
   * The public intake of data-subject requests: a person's own request, proven by a 6-digit code
   * mailed to the address (issue 28 item 3, DSR-12), throttled.
   */
  public PublicRequestUseCase privacyRequestIntake() {
    return privacyRequestIntake;
  }

  /** Erasure at a person's request, and its receipts. */
  public ErasureUseCases erasure() {
    return erasure;
  }

  /**
   * Data-subject packages (issue 28): the packager ACCESS and PORTABILITY requests answer with, the
   * one-time download, the expiry sweep and the participants of every store.
   *
   * @throws UnsupportedOperationException when the persistence adapter stores no packages
   */
  public SubjectPackageUseCases subjectPackages() {
    if (subjectPackages == null) {
      throw new UnsupportedOperationException("this persistence adapter cannot store a data-subject package yet");
    }
    return subjectPackages;
  }

  /** Accounts: sign-up, email verification, password reset by mail, one's own profile. */
  public AccountUseCases accounts() {
    return accounts;
  }

  /**
   * An account holder's copy of their own data (DSR-01, DSR-06 for accounts): profile,
   * memberships, sessions' metadata, sign-in entries and the platform's processing declaration; 3
   * an hour per account, audited on the platform chain.
   */
  public ExportMyDataUseCase myDataExport() {
    return myDataExport;
  }

  /**
   * Sessions: sign-in, authenticating a session token (rotating it when due), sign-out, password
   * change. An embedder with its own sign-in skips these and passes {@code Actor.account(id)}.
   */
  public SessionUseCases sessions() {
    return sessions;
  }

  /**
   * A workspace's members, invitations and API keys, and who an API key is
   * ({@code access().authenticateApiKey()}).
   */
  public AccessUseCases access() {
    return access;
  }

  /**
   * The audit trail (SEC-09): a workspace's entries read, exported and verified by its ADMINs, an
   * account's own sign-in events, every chain verified by an operator, and a subject forgotten.
   */
  public AuditUseCases audit() {
    return audit;
  }

  /**
   * The sweep that queues each cancelled workspace's reminder to its OWNERs 7 days before its
   * purge (call {@code queueDue()} now and then, from one thread or many instances: a workspace is
   * claimed by one of them); the dispatcher then sends it while the workspace is still cancelled.
   */
  public QueuePurgeRemindersUseCase purgeReminders() {
    return WorkspaceServices.purgeReminders(persistence.transactions(), persistence.workspaces(),
        persistence.memberships(), persistence.mailOutbox(), clock);
  }

  /**
   * The sweep that purges each cancelled workspace once its {@code purgeAt} has come (RET-03; call
   * {@code purgeDue()} now and then, from one thread or many instances: each workspace is purged
   * once, by one of them), each whole in one transaction: for a persistence adapter without a
   * retention store. With one, {@link #retention()} does it in batches, and more.
   */
  public PurgeDueWorkspacesUseCase duePurges() {
    return duePurges;
  }

  /**
   * The retention engine (RET-03, RET-12): {@code run()} now and then (from one thread or many
   * instances: a workspace is worked by one of them at a time) deletes what the data map's rules
   * make due, in batches of the builder's {@code retentionBatchSize}; {@code dryRun()} says what it
   * would delete; {@code recent(n)} lists its runs. Needs a persistence adapter with a retention store.
   */
  public RetentionEngine retention() {
    return new RetentionEngine(persistence.transactions(), persistence.workspaces(), persistence.workspacePurge(),
        persistence.retentionStore(), auditLog, clock, ids, DataMap.standard(), retentionBatchSize);
  }

  /** The throttle of the requests that mail an address and of failed sign-ins; {@code purgeEnded()} it now and then. */
  public Throttle throttle() {
    return throttle;
  }

  /**
   * The dispatcher that sends what the use cases put in the outbox (call {@code dispatchDue()}
   * now and then, from one thread or many instances: a row is leased to one of them). Addresses
   * are read when a mail is sent, from the account it is for (or the pending invitation). An
   * invitation's token lives as long as the builder's {@code invitations(...)} says, whatever
   * {@code settings.invitationTtl()} holds.
   */
  public MailDispatcher mailDispatcher(Mailer mailer, MailDispatcher.Settings settings) {
    // A mail goes to an account, or, for an invitation, to the invited address (which may have none).
    MailRecipients recipients = recipient -> persistence.accounts().findById(new AccountId(recipient))
        .map(Account::email)
        .or(() -> persistence.invitations().findById(new InvitationId(recipient))
            .filter(invitation -> invitation.isPendingAt(clock.instant())) // a revoked one's mail is dropped
            .map(Invitation::email));
    // One validity of invitations: the builder's, for the invitation and for its mailed token alike.
    MailDispatcher.Settings withInvitations = new MailDispatcher.Settings(settings.publicUrl(), settings.tokenTtl(),
        invitationValidity, settings.lease(), settings.batchSize());
    // A workspace's notice is sent only while it is still cancelled (none after reactivation or purge).
    MailDispatcher.MailWorkspaces notices = (workspace, template) -> persistence.workspaces()
        .findById(WorkspaceId.of(workspace))
        .filter(w -> w.status() instanceof WorkspaceStatus.Cancelled)
        .map(w -> new WorkspaceNotice(w.name().value(), ((WorkspaceStatus.Cancelled) w.status()).purgeAt()));
    return new MailDispatcher(persistence.transactions(), persistence.mailOutbox(), persistence.mailTokens(),
        recipients, mailer, TokenGenerator.secureRandom(), clock, withInvitations, notices, subjectMail);
  }

  /** How the library is put together; {@link #persistence} and {@link #keys} are required. */
  public static final class Builder {

    private Persistence persistence;
    private KeyProvider keys;
    private Clock clock = Clock.systemUTC();
    private IdGenerator ids = IdGenerator.random();
    private final List<ErasureParticipant> erasureParticipants = new ArrayList<>();
    private SubjectPackager subjectPackager;
    private final List<WorkspaceInitializer> workspaceInitializers = new ArrayList<>();
    private PasswordHasher passwordHasher;
    private CommonPasswords commonPasswords;
    private int minimumAge = AgeAttestation.LOWEST_MINIMUM_AGE;
    private int throttleLimit = Throttle.DEFAULT_LIMIT;
    private Duration throttleWindow = Throttle.DEFAULT_WINDOW;
    private int retentionBatchSize = RetentionEngine.DEFAULT_BATCH_SIZE;
    private SessionPolicy sessionPolicy = SessionPolicy.defaults();
    private Duration invitationValidity = MailTokenPurpose.INVITATION.maxTtl();
    private Duration consentConfirmationValidity = MailTokenPurpose.CONSENT_CONFIRMATION.maxTtl();
    private Duration subjectPackageTtl = SubjectPackagerService.DEFAULT_TTL;
    private ImportSettings importSettings = ImportSettings.DEFAULT;

    private Builder() {}

    /** How passwords are hashed; Argon2id with OWASP's parameters by default. */
    public Builder passwordHasher(PasswordHasher passwordHasher) {
      this.passwordHasher = Objects.requireNonNull(passwordHasher, "passwordHasher");
      return this;
    }

    /** The list of passwords refused as too common; zxcvbn's by default. */
    public Builder commonPasswords(CommonPasswords commonPasswords) {
      this.commonPasswords = Objects.requireNonNull(commonPasswords, "commonPasswords");
      return this;
    }

    /** The age a person attests at sign-up: at least 16 (and the default). */
    public Builder minimumAge(int minimumAge) {
      if (minimumAge < AgeAttestation.LOWEST_MINIMUM_AGE) {
        throw new IllegalArgumentException("the minimum age is at least " + AgeAttestation.LOWEST_MINIMUM_AGE);
      }
      this.minimumAge = minimumAge;
      return this;
    }

    /**
     * Requests that mail an address, and failed sign-ins, per address and per client address: 5 per
     * 15 minutes by default.
     */
    public Builder throttle(int limit, Duration window) {
      this.throttleLimit = limit;
      this.throttleWindow = Objects.requireNonNull(window, "window");
      return this;
    }

    /** How long sessions last and how often their tokens rotate: 30 days and 15 minutes by default (also the maxima). */
    /** Rows the retention engine deletes per transaction (default {@value RetentionEngine#DEFAULT_BATCH_SIZE}). */
    public Builder retentionBatchSize(int rows) {
      if (rows < 1) {
        throw new IllegalArgumentException("a batch holds at least one row");
      }
      this.retentionBatchSize = rows;
      return this;
    }

    public Builder sessions(SessionPolicy policy) {
      this.sessionPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** How long a mailed double opt-in link works ({@code CRM_CONSENT_CONFIRMATION_TTL}): 7 days by default, also the maximum. */
    public Builder consentConfirmations(Duration validity) {
      Objects.requireNonNull(validity, "validity");
      if (validity.isNegative() || validity.isZero()
          || validity.compareTo(MailTokenPurpose.CONSENT_CONFIRMATION.maxTtl()) > 0) {
        throw new IllegalArgumentException("a consent confirmation lives more than zero and at most "
            + MailTokenPurpose.CONSENT_CONFIRMATION.maxTtl());
      }
      this.consentConfirmationValidity = validity;
      return this;
    }

    /** How long an invitation stays pending: 7 days by default, also the maximum. */
    public Builder invitations(Duration validity) {
      this.invitationValidity = Objects.requireNonNull(validity, "validity");
      return this;
    }

    /** How long an ACCESS or PORTABILITY package waits for its download ({@code CRM_DSR_DOWNLOAD_TTL}): 7 days by default. */
    public Builder subjectPackages(Duration validity) {
      Objects.requireNonNull(validity, "validity");
      if (validity.isNegative() || validity.isZero()) {
        throw new IllegalArgumentException("a package waits longer than zero");
      }
      this.subjectPackageTtl = validity;
      return this;
    }

    /** How import workers batch and lease: 1,000 rows a batch and a one-minute lease by default. */
    public Builder imports(ImportSettings settings) {
      this.importSettings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** Every out-port: the jOOQ adapter's {@code JooqPersistence}, or your own. */
    public Builder persistence(Persistence persistence) {
      this.persistence = Objects.requireNonNull(persistence, "persistence");
      return this;
    }

    /** The master key, e.g. {@code MasterKey.fromBase64(...)} or your key management's. */
    public Builder keys(KeyProvider keys) {
      this.keys = Objects.requireNonNull(keys, "keys");
      return this;
    }

    /** The clock every stored time is read from; the system's UTC clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** New ids; random (version 4) UUIDs by default. */
    public Builder ids(IdGenerator ids) {
      this.ids = Objects.requireNonNull(ids, "ids");
      return this;
    }

    /**
     * What builds and delivers an ACCESS or PORTABILITY request's package of the subject's records;
     * without one, those requests are tracked but cannot execute (409).
     */
    public Builder subjectPackager(SubjectPackager packager) {
      this.subjectPackager = Objects.requireNonNull(packager, "packager");
      return this;
    }

    /**
     * A store of your own that holds a contact's personal data and must take part in every
     * erasure; it runs before the contact record itself is deleted.
     */
    public Builder erasureParticipant(ErasureParticipant participant) {
      Objects.requireNonNull(participant, "participant");
      // Its name is a line of the receipt and a detail of the erasure's audit entry: an identifier, no free text.
      if (!participant.name().matches("[a-z][a-zA-Z0-9_]{0,63}")) {
        throw new IllegalArgumentException("an erasure participant's name is an identifier such as notes or dealLinks");
      }
      // Each name is one line of the receipt: a second "contacts" would hide the record's own count.
      boolean taken = ErasureServices.BUILT_IN_NAMES.contains(participant.name())
          || erasureParticipants.stream().anyMatch(p -> p.name().equals(participant.name()));
      if (taken) {
        throw new IllegalArgumentException("an erasure participant named " + participant.name() + " is already there");
      }
      erasureParticipants.add(participant);
      return this;
    }

    /**
     * What every new workspace also starts with, stored by your code in the workspace's creating
     * transaction (bound to the new workspace, after its OWNER's membership, the built-in default
     * pipeline and purposes); if it throws, no workspace is created. Runs in the order added.
     */
    public Builder workspaceInitializer(WorkspaceInitializer initializer) {
      workspaceInitializers.add(Objects.requireNonNull(initializer, "initializer"));
      return this;
    }

    /**
     * Checks the master key, then builds the use cases.
     *
     * @throws IllegalStateException when persistence or keys are missing
     * @throws MasterKeyCheck.InvalidKeyException when the key is not 32 bytes or is all zero
     * @throws MasterKeyCheck.MismatchException when the database was set up with another key
     */
    public Custodian build() {
      if (persistence == null || keys == null) {
        throw new IllegalStateException("a Custodian needs persistence(...) and keys(...)");
      }
      new MasterKeyCheck(persistence.transactions(), persistence.keyChecks(), keys, clock).verifyOrRecord();
      return new Custodian(this);
    }
  }
}
