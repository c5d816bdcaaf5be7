package dev.custodian.crm.app.pipeline;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.custodian.crm.core.pipeline.port.in.PipelineUseCases;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.pipeline.PipelineApi;
import dev.custodian.crm.privacy.Custodian;

/**
 * Wiring: the pipeline feature, its use cases from {@link Custodian} and its routes. A new
 * workspace's default pipeline is {@code Custodian}'s own initializer, not bound here.
 */
public final class PipelineModule extends AbstractModule {

  @Provides
  PipelineUseCases useCases(Custodian custodian) {
    return custodian.pipelines();
  }

  @ProvidesIntoSet
  RouteGroup routes(PipelineUseCases useCases) {
    return PipelineApi.routes(useCases);
  }
}
