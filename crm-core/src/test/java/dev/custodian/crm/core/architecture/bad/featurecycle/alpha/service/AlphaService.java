package dev.custodian.crm.core.architecture.bad.featurecycle.alpha.service;

import dev.custodian.crm.core.architecture.bad.featurecycle.beta.port.out.BetaRepository;

/** Feature alpha's service uses feature beta's out-port ... */
public class AlphaService {
  BetaRepository beta;
}
