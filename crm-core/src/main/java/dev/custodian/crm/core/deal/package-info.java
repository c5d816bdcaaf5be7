/** The deal feature: deals in exact money, moving through the stages of a pipeline, with their stage history. */
package dev.custodian.crm.core.deal;
