package dev.custodian.crm.core.architecture.bad.featurecycle.beta.service;

import dev.custodian.crm.core.architecture.bad.featurecycle.alpha.port.in.AlphaUseCase;

/** ... and feature beta's service uses feature alpha's in-port: no package cycle, a feature cycle. */
public class BetaService {
  AlphaUseCase alpha;
}
