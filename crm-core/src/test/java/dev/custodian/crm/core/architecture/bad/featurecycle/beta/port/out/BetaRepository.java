package dev.custodian.crm.core.architecture.bad.featurecycle.beta.port.out;

/** Feature beta's out-port. */
public interface BetaRepository {}
