/**
 * Pipelines: a workspace's sales processes, each an ordered list of stages (OPEN ones, then one
 * WON and one LOST), and the default "Sales" pipeline every new workspace gets.
 */
package dev.custodian.crm.core.pipeline;
