package dev.custodian.crm.core.architecture.bad.featurecycle.alpha.port.in;

/** Feature alpha's in-port. */
public interface AlphaUseCase {}
