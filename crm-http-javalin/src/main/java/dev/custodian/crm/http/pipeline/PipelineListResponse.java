package dev.custodian.crm.http.pipeline;

import java.util.List;

/** Every pipeline of a workspace, oldest first: a workspace has at most 50, listed whole (no cursor). */
record PipelineListResponse(List<PipelineResponse> items) {}
