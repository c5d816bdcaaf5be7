package dev.custodian.crm.http.pipeline;

import dev.custodian.crm.core.pipeline.port.in.PipelineUseCases;
import dev.custodian.crm.http.RouteGroup;

/** HTTP adapter, the pipeline feature's entry: its routes over its use cases. */
public final class PipelineApi {

  private PipelineApi() {}

  public static RouteGroup routes(PipelineUseCases useCases) {
    return new PipelineRoutes(useCases);
  }
}
