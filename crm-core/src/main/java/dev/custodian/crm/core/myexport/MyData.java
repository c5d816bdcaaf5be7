package dev.custodian.crm.core.myexport;

import dev.custodian.crm.core.account.Account;
import dev.custodian.crm.core.audit.AuditEntry;
import dev.custodian.crm.core.datamap.DataClass;
import dev.custodian.crm.core.session.SessionSummary;
import dev.custodian.crm.core.workspace.MemberWorkspace;
import java.util.List;
import java.util.Objects;

/**
 * What an account holder gets of their own data (DSR-01, DSR-06): the account, its memberships,
 * its sessions' metadata, its sign-in entries of the platform's audit chain (newest first) and how
 * the platform processes account data (the data map's account and authentication classes). A
 * writer must not emit {@link Account#passwordHash()}; nothing else here holds a secret or a hash.
 */
public record MyData(Account account, List<MemberWorkspace> memberships, List<SessionSummary> sessions,
    List<AuditEntry> signIns, List<DataClass> processing) {

  public MyData {
    Objects.requireNonNull(account, "account");
    memberships = List.copyOf(memberships);
    sessions = List.copyOf(sessions);
    signIns = List.copyOf(signIns);
    processing = List.copyOf(processing);
  }
}
