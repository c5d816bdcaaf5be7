package dev.custodian.crm.persistence.access;

import static org.assertj.core.api.Assertions.assertThat;



import dev.custodian.crm.core.access.AbstractInvitationRepositoryContractTest;
import dev.custodian.crm.core.access.port.out.InvitationRepository;
import dev.custodian.crm.core.common.port.out.TokenGenerator;
import dev.custodian.crm.core.common.port.out.TokenHash;
import dev.custodian.crm.core.mail.MailTemplate;
import dev.custodian.crm.core.mail.MailTokenPurpose;
import dev.custodian.crm.core.mail.QueuedMail;
import dev.custodian.crm.persistence.JooqPersistence;
import dev.custodian.crm.persistence.testing.TestDatabase;


import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The invitation contract on the jOOQ adapter, the application role's narrow grants on its table,
 * and the mail tables taking an invitation's token and mail.
 */
class JooqInvitationRepositoryTest extends AbstractInvitationRepositoryContractTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Override
  protected InvitationRepository invitations() {
    return JooqAccessStores.invitations(db.persistence().transactions());
  }

  @Test
  void theApplicationRoleCannotDeleteInvitationsNorRewriteWhatTheyAre() throws Exception {
    assertThat(db.sqlStatesAsApp(
        "delete from invitations",
        "truncate invitations",
        "update invitations set workspace_id = workspace_id",
        "update invitations set email = email",
        "update invitations set email_normalised = email_normalised",
        "update invitations set role = role",
        "update invitations set invited_by = invited_by",
        "update invitations set created_at = created_at",
        "update invitations set expires_at = expires_at"))
        .as("each refused with SQLState 42501").containsOnly("42501");
    assertThat(db.sqlStatesAsApp("update invitations set accepted_at = accepted_at, revoked_at = revoked_at"))
        .as("accepting and revoking are allowed").containsOnlyNulls();
  }

  @Test
  void anInvitationCannotBeBothAcceptedAndRevoked_norStoreAnAddressThatIsNotItsNormalisedOne() throws Exception {
    String insert = "insert into invitations (id, workspace_id, email, email_normalised, role, invited_by, created_at,"
        + " expires_at, accepted_at, revoked_at) values (gen_random_uuid(), '" + a + "', '%s', '%s', 'MEMBER',"
        + " gen_random_uuid(), now(), now() + interval '7 days', %s, %s)";
    assertThat(db.sqlStatesAsApp(
        String.format(insert, "ada@example.org", "ada@example.org", "now()", "now()"),
        String.format(insert, "Ada@example.org", "Ada@example.org", "null", "null")))
        .as("each refused with SQLState 23514").containsOnly("23514");
  }

  @Test
  void anInvitationsTokenAndMail_areStoredForTheInvitation() {
    JooqPersistence p = db.persistence();
    UUID invitation = UUID.randomUUID();
    String token = TokenGenerator.secureRandom().newToken(MailTokenPurpose.INVITATION.tokenPrefix());
    Instant now = Instant.parse("2026-07-08T09:10:11Z");

    List<QueuedMail> leased = p.transactions().inPlatform(() -> {
      p.mailTokens().issue(invitation, MailTokenPurpose.INVITATION, TokenHash.of(token), now.plus(Duration.ofDays(7)),
          now);
      p.mailOutbox().enqueue(MailTemplate.INVITATION, invitation, now);
      return p.mailOutbox().lease(100, now.plusSeconds(60), now);
    });

    assertThat(leased).filteredOn(mail -> mail.account().equals(invitation))
        .singleElement().extracting(QueuedMail::template).isEqualTo(MailTemplate.INVITATION);
    assertThat(p.transactions().inPlatform(() -> p.mailTokens().consume(MailTokenPurpose.INVITATION,
        TokenHash.of(token), now.plus(Duration.ofDays(6))))).contains(invitation);
  }
}
