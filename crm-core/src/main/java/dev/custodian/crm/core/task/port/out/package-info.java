/** Out-ports of the task feature: the task repository (with the links) and the workspace's members. */
package dev.custodian.crm.core.task.port.out;
