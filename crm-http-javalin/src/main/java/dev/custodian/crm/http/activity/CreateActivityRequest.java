package dev.custodian.crm.http.activity;

import java.util.List;

/** Body of {@code POST .../activities}; plain and lenient, checked by the command. */
record CreateActivityRequest(String kind, String subject, String body, String occurredAt, String duration,
    List<String> contactIds, List<String> companyIds, List<String> dealIds) {}
