package dev.custodian.crm.core.dsr.service;

import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.consent.port.out.ConsentAddressHasher;
import dev.custodian.crm.core.consent.port.out.PurposeRepository;
import dev.custodian.crm.core.dsr.port.in.DataSubjectRequestUseCases;
import dev.custodian.crm.core.dsr.port.in.PublicRequestUseCase;
import dev.custodian.crm.core.dsr.port.out.DataSubjectRequestRepository;
import dev.custodian.crm.core.dsr.port.out.RequestCodeHasher;
import dev.custodian.crm.core.dsr.port.out.RequestExecutor;
import dev.custodian.crm.core.dsr.port.out.SubjectPackager;
import dev.custodian.crm.core.mail.port.out.MailOutbox;
import dev.custodian.crm.core.mail.port.out.SubjectMailResolver;
import dev.custodian.crm.core.suppression.port.out.SuppressionList;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.throttle.service.Throttle;
import dev.custodian.crm.core.workspace.port.out.WorkspaceRepository;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Factory: the data-subject request use cases over their out-ports and the executors of their rights. */
public final class DataSubjectRequestServices {

  private DataSubjectRequestServices() {}

  /**
   * @param executors one per request type at most; a type without one cannot execute (409
   *     {@code INVALID_STATE}, the request stays)
   */
  public static DataSubjectRequestUseCases create(WorkspaceTransactions transactions,
      DataSubjectRequestRepository requests, PurposeRepository purposes, ConsentAddressHasher hasher,
      MailOutbox outbox, List<RequestExecutor> executors, IdGenerator ids, Clock clock) {
    DataSubjectRequestService service = new DataSubjectRequestService(transactions, requests, purposes, hasher,
        outbox, ids, clock);
    return new DataSubjectRequestUseCases(service,
        new ExecuteRequestService(transactions, requests, executors, ids, clock));
  }

  /**
   * The mail dispatcher's resolvers of the requests' mails (an extension's reason, a rejection's, an
   * erasure's confirmation, and with a packager an answered ACCESS or PORTABILITY request's download
   * link, its token minted by {@code packager} when the mail is sent): each reads its request's
   * address when the mail is sent.
   */
  public static List<SubjectMailResolver> mail(DataSubjectRequestRepository requests,
      Optional<SubjectPackager> packager) {
    return PrivacyRequestMail.all(requests, packager);
  }

  /**
   * The public intake (issue 28 item 3): a person's own request, proven by a mailed code, as
   * {@code ANONYMOUS}; throttled by {@code throttle} per email and client address.
   */
  public static PublicRequestUseCase publicIntake(Transactions transactions, WorkspaceTransactions audited,
      DataSubjectRequestRepository requests, PurposeRepository purposes, WorkspaceRepository workspaces,
      SuppressionList suppression, ConsentAddressHasher addresses, RequestCodeHasher codes, MailOutbox outbox,
      Throttle throttle, IdGenerator ids, Clock clock) {
    return new PublicRequestService(transactions, audited, requests, purposes, workspaces, suppression, addresses,
        codes, outbox, throttle, ids, clock);
  }

  /** The dispatcher's resolver of the intake's code mail: mints the code (its keyed hash kept) when it is sent. */
  public static SubjectMailResolver codeMail(DataSubjectRequestRepository requests, RequestCodeHasher codes) {
    return new PrivacyRequestCodeMail(requests, codes);
  }
}
