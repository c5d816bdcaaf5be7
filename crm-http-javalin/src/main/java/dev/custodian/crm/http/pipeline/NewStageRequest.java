package dev.custodian.crm.http.pipeline;

/**
 * One stage in {@code POST .../pipelines}.
 *
 * @param kind {@code open}, {@code won} or {@code lost}
 * @param probability 0 to 100, required for an OPEN stage; a WON stage's is 100 and a LOST one's 0
 */
record NewStageRequest(String name, String kind, Integer probability) {}
