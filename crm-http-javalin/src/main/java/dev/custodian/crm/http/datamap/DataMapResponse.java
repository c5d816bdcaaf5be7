package dev.custodian.crm.http.datamap;

import java.util.List;

/** The data map: every class of stored data, in the map's order. */
record DataMapResponse(List<DataClassResponse> classes) {}
