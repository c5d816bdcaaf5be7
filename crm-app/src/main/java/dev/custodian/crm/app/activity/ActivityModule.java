package dev.custodian.crm.app.activity;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.custodian.crm.core.activity.port.in.ActivityUseCases;
import dev.custodian.crm.core.task.port.in.TaskUseCases;
import dev.custodian.crm.core.timeline.port.in.TimelineUseCase;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.activity.ActivityApi;
import dev.custodian.crm.http.task.TaskApi;
import dev.custodian.crm.http.timeline.TimelineApi;
import dev.custodian.crm.privacy.Custodian;

/** Wiring: activities, tasks and timelines, their use cases from {@link Custodian} and their routes. */
public final class ActivityModule extends AbstractModule {

  @Provides
  ActivityUseCases activities(Custodian custodian) {
    return custodian.activities();
  }

  @Provides
  TaskUseCases tasks(Custodian custodian) {
    return custodian.tasks();
  }

  @Provides
  TimelineUseCase timelines(Custodian custodian) {
    return custodian.timelines();
  }

  @ProvidesIntoSet
  RouteGroup activityRoutes(ActivityUseCases useCases) {
    return ActivityApi.routes(useCases);
  }

  @ProvidesIntoSet
  RouteGroup taskRoutes(TaskUseCases useCases) {
    return TaskApi.routes(useCases);
  }

  @ProvidesIntoSet
  RouteGroup timelineRoutes(TimelineUseCase useCase) {
    return TimelineApi.routes(useCase);
  }
}
