package dev.custodian.crm.http.pipeline;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Body of {@code POST .../pipelines}: plain and lenient, validated by the core's command.
 *
 * @param isDefault optional (false); a workspace's first pipeline is its default anyway
 * @param stages in the order wanted for the OPEN ones; WON and LOST go after them
 */
record CreatePipelineRequest(String name, @JsonProperty("isDefault") Boolean isDefault, List<NewStageRequest> stages) {}
