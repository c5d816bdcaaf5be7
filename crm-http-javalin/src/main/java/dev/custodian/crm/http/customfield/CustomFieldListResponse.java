package dev.custodian.crm.http.customfield;

import java.util.List;

/** Every custom field definition of one object type, oldest first: at most 100, listed whole (no cursor). */
record CustomFieldListResponse(List<CustomFieldResponse> items) {}
