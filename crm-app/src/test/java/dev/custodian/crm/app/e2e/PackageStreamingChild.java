package dev.custodian.crm.app.e2e;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.dsr.port.out.SubjectPackager.PackageReceipt;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.JooqPersistence;
import dev.custodian.crm.persistence.schema.PostgresDataSources;
import dev.custodian.crm.privacy.Custodian;
import dev.custodian.crm.privacy.dsr.port.in.SubjectPackageUseCases;
import java.io.OutputStream;
import java.util.Base64;
import java.util.UUID;

/**
 * The child JVM of {@link PrivacyDownloadApiTest}'s streaming test, started with a small heap: it
 * builds one subject's ACCESS package, then downloads it, counting the bytes, and prints
 * {@code OK <consent entries> <bytes built> <bytes downloaded>}. Running out of memory ends it with
 * another status.
 */
public final class PackageStreamingChild {

  private PackageStreamingChild() {}

  /** Arguments: JDBC URL, the application role's password, the master key (base64), workspace id, email. */
  public static void main(String[] args) throws Exception {
    byte[] key = Base64.getDecoder().decode(args[2]);
    JooqPersistence persistence = JooqPersistence.create(PostgresDataSources.unpooled(args[0], "crm_app", args[1]));
    Custodian custodian = Custodian.builder().persistence(persistence).keys(key::clone).build();
    SubjectPackageUseCases packages = custodian.subjectPackages();
    WorkspaceId workspace = WorkspaceId.of(UUID.fromString(args[3]));
    PackageReceipt receipt = persistence.transactions().inWorkspace(workspace,
        () -> packages.packager().build(workspace, UUID.randomUUID(), new EmailAddress(args[4]), false));
    String token = persistence.transactions().inWorkspace(workspace,
        () -> packages.packager().issueDownloadToken(workspace, receipt.packageId())).orElseThrow();
    long[] downloaded = {0};
    packages.download().claim(token, "127.0.0.1").writeTo(new OutputStream() {
      @Override
      public void write(int b) {
        downloaded[0]++;
      }

      @Override
      public void write(byte[] b, int off, int len) {
        downloaded[0] += len;
      }
    });
    System.out.println("OK " + receipt.recordsBySection().get("consent") + " " + receipt.bytes() + " " + downloaded[0]);
  }
}
