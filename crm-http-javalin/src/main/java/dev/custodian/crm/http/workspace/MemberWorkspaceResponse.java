package dev.custodian.crm.http.workspace;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.custodian.crm.core.workspace.MemberWorkspace;
import java.util.Locale;

/** One workspace of the caller's list: the workspace's fields and the caller's {@code role} in it (lower case). */
record MemberWorkspaceResponse(@JsonUnwrapped WorkspaceResponse workspace, String role) {

  static MemberWorkspaceResponse from(MemberWorkspace member) {
    return new MemberWorkspaceResponse(WorkspaceResponse.from(member.workspace()),
        member.role().name().toLowerCase(Locale.ROOT));
  }
}
