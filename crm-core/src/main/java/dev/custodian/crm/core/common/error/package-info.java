/** The one unchecked error hierarchy a use case throws, each exception with a kind that adapters map exhaustively. */
package dev.custodian.crm.core.common.error;
