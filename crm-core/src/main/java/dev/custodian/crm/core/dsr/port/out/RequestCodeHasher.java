package dev.custodian.crm.core.dsr.port.out;

import dev.custodian.crm.core.dsr.DataSubjectRequestId;
import dev.custodian.crm.core.tenancy.WorkspaceId;

/**
 * Out-port: the keyed hash a public request's emailed code is kept as, HMAC-SHA256 of
 * {@code dsr-code:<request id>:<code>} under the workspace's {@code dsr-code} key (crm-privacy
 * implements it; the key never reaches the core), as 64 lower-case hex digits.
 */
public interface RequestCodeHasher {

  String hash(WorkspaceId workspace, DataSubjectRequestId request, String code);
}
