package dev.custodian.crm.core.myexport.service;

import dev.custodian.crm.core.account.Account;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.account.port.out.AccountRepository;
import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditActor;
import dev.custodian.crm.core.audit.AuditChain;
import dev.custodian.crm.core.audit.AuditDetails;
import dev.custodian.crm.core.audit.AuditEntry;
import dev.custodian.crm.core.audit.AuditEvent;
import dev.custodian.crm.core.audit.AuditTargetType;
import dev.custodian.crm.core.audit.port.out.AuditLog;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.datamap.DataClass;
import dev.custodian.crm.core.myexport.MyData;
import dev.custodian.crm.core.myexport.port.in.ExportMyDataUseCase;
import dev.custodian.crm.core.session.port.out.SessionRepository;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.throttle.ThrottleKey;
import dev.custodian.crm.core.throttle.service.Throttle;
import dev.custodian.crm.core.workspace.MemberWorkspace;
import dev.custodian.crm.core.workspace.port.out.WorkspaceRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Service: an account's own data, read in one platform transaction through the ports, the export
 * recorded on the platform's audit chain in the same transaction. The throttle (3 an hour per
 * account) counts before the transaction opens, so a refused call still counts.
 */
public final class ExportMyDataService implements ExportMyDataUseCase {

  /** Exports allowed per account and window. */
  public static final int LIMIT = 3;

  /** The throttle's window. */
  public static final Duration WINDOW = Duration.ofHours(1);

  private static final String SCOPE = "me-export";
  private static final int BATCH = PageRequest.MAX_LIMIT;

  private final Transactions transactions;
  private final AccountRepository accounts;
  private final WorkspaceRepository workspaces;
  private final SessionRepository sessions;
  private final AuditLog audit;
  private final Throttle throttle;
  private final List<DataClass> processing;

  /**
   * @param throttle the export's own throttle, normally {@link #LIMIT} per {@link #WINDOW}
   * @param processing the platform's processing declaration for account holders: the data classes
   *     of their own data (crm-privacy's {@code ProcessingDeclaration.platform}, the packages' source)
   */
  public ExportMyDataService(Transactions transactions, AccountRepository accounts, WorkspaceRepository workspaces,
      SessionRepository sessions, AuditLog audit, Throttle throttle, List<DataClass> processing) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.workspaces = Objects.requireNonNull(workspaces, "workspaces");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.throttle = Objects.requireNonNull(throttle, "throttle");
    this.processing = List.copyOf(processing);
  }

  @Override
  public MyData export(AccountId self) {
    Objects.requireNonNull(self, "self");
    throttle.check(new ThrottleKey(SCOPE, "account", self.value().toString()));
    return transactions.inPlatform(() -> {
      Account account = accounts.findById(self).orElseThrow(() -> new NotFoundException("account"));
      List<MemberWorkspace> memberships = new ArrayList<>();
      PageRequest page = PageRequest.first(BATCH);
      while (true) {
        Page<MemberWorkspace> batch = workspaces.listForMember(self, page);
        memberships.addAll(batch.items());
        if (batch.next().isEmpty()) {
          break;
        }
        page = page.next(batch.next().get());
      }
      List<AuditEntry> signIns = new ArrayList<>();
      OptionalLong below = OptionalLong.empty();
      while (true) {
        List<AuditEntry> batch = audit.signInsOf(self.value(), below, BATCH);
        signIns.addAll(batch);
        if (batch.size() < BATCH) {
          break;
        }
        below = OptionalLong.of(batch.get(batch.size() - 1).sequence());
      }
      MyData data = new MyData(account, memberships, sessions.sessionsOf(self), signIns, processing);
      audit.append(AuditChain.platform(), AuditEvent.of(AuditActor.account(self.value()),
          AuditAction.ACCOUNT_DATA_EXPORTED, AuditTargetType.ACCOUNT, self.value(), AuditDetails.none()));
      return data;
    });
  }
}
