package dev.custodian.crm.http.task;

import java.util.List;

/** Body of {@code POST .../tasks}; plain and lenient, checked by the command. */
record CreateTaskRequest(String title, String body, String dueAt, Boolean done, String assigneeId,
    List<String> contactIds, List<String> companyIds, List<String> dealIds) {}
