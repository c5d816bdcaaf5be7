package dev.custodian.crm.http.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.crm.core.account.Account;
import dev.custodian.crm.core.account.OrganisationName;
import dev.custodian.crm.core.audit.AuditEntry;
import dev.custodian.crm.core.datamap.DataClass;
import dev.custodian.crm.core.myexport.MyData;
import dev.custodian.crm.core.session.Session;
import dev.custodian.crm.core.session.SessionSummary;
import dev.custodian.crm.core.workspace.MemberWorkspace;
import dev.custodian.crm.core.workspace.WorkspaceStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.zip.ZipOutputStream;

/**
 * An account holder's own data as a ZIP: {@code profile}, {@code memberships}, {@code sessions},
 * {@code sign-ins} and {@code processing}, each as {@code .csv} and {@code .ndjson} with the
 * workspace export's writers. Written field by field from what it is given: the password hash is
 * never among them, and sessions carry no token nor a token's hash.
 */
final class MyDataZip {

  static final List<String> PROFILE = List.of("id", "name", "email", "organisation", "emailVerifiedAt",
      "ageAttestedAt", "minimumAge", "createdAt");
  static final List<String> MEMBERSHIPS = List.of("workspaceId", "workspaceName", "workspaceSlug", "workspaceStatus",
      "role", "joinedAt");
  static final List<String> SESSIONS = List.of("id", "createdAt", "lastSeenAt", "expiresAt", "revokedAt",
      "revocationReason");
  static final List<String> SIGN_INS = List.of("sequence", "at", "action", "outcome", "email", "ip", "userAgent");
  static final List<String> PROCESSING = List.of("dataClass", "description", "category", "purpose", "legalBasis",
      "retention", "trigger", "period");

  private MyDataZip() {}

  static void write(OutputStream body, MyData data, ObjectMapper json) {
    try {
      ZipOutputStream zip = new ZipOutputStream(body);
      for (String format : List.of("csv", "ndjson")) {
        entry(zip, "profile", format, json, PROFILE, List.of(data.account()), MyDataZip::profile);
        entry(zip, "memberships", format, json, MEMBERSHIPS, data.memberships(), MyDataZip::membership);
        entry(zip, "sessions", format, json, SESSIONS, data.sessions(), MyDataZip::session);
        entry(zip, "sign-ins", format, json, SIGN_INS, data.signIns(), MyDataZip::signIn);
        entry(zip, "processing", format, json, PROCESSING, data.processing(), MyDataZip::processing);
      }
      zip.finish();
      zip.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> void entry(ZipOutputStream zip, String name, String format, ObjectMapper json,
      List<String> columns, List<T> rows, Function<T, List<Object>> values) throws IOException {
    Consumer<Consumer<T>> each = rows::forEach;
    WorkspaceZip.entry(zip, name, format, json, () -> {}, columns, each, values);
  }

  private static List<Object> profile(Account account) {
    return Arrays.asList(account.id().value().toString(), account.name().value(), account.email().value(),
        account.organisation().map(OrganisationName::value).orElse(null),
        account.emailVerifiedAt().map(ExportRoutes::instant).orElse(null), ExportRoutes.instant(account.ageAttestation().attestedAt()), account.ageAttestation().minimumAge(),
        ExportRoutes.instant(account.createdAt()));
  }

  private static List<Object> membership(MemberWorkspace member) {
    return Arrays.asList(member.workspace().id().value().toString(), member.workspace().name().value(),
        member.workspace().slug().value(), status(member.workspace().status()), lower(member.role()),
        ExportRoutes.instant(member.joinedAt()));
  }

  private static List<Object> session(SessionSummary summary) {
    Session session = summary.session();
    return Arrays.asList(session.id().value().toString(), ExportRoutes.instant(session.createdAt()),
        ExportRoutes.instant(summary.lastSeenAt()), ExportRoutes.instant(session.expiresAt()),
        session.revokedAt().map(ExportRoutes::instant).orElse(null),
        session.revocationReason().map(MyDataZip::lower).orElse(null));
  }

  private static List<Object> signIn(AuditEntry entry) {
    return Arrays.asList(entry.sequence(), ExportRoutes.instant(entry.at()), entry.action().label(),
        entry.outcome().label(), entry.personal().email().orElse(null), entry.personal().ip().orElse(null),
        entry.personal().userAgent().orElse(null));
  }

  private static List<Object> processing(DataClass c) {
    return Arrays.asList(c.name(), c.description(), lower(c.category()), c.purpose(), lower(c.basis()),
        c.rule().describe(), lower(c.rule().trigger()), c.rule().period().toString());
  }

  private static String status(WorkspaceStatus status) {
    if (status instanceof WorkspaceStatus.Cancelled) {
      return "cancelled";
    }
    return status instanceof WorkspaceStatus.Purged ? "purged" : "active";
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
