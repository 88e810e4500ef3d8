package cn.example.servicehall.workflow;

/**
 * A user task as the hall's other modules see it: no engine types.
 *
 * @param taskId the engine's task id
 * @param processKey the key of its process definition ({@code ResaleLoanProcess})
 * @param step its id in the model ({@code Task_FirstReview})
 * @param name its name in the model (初审)
 * @param businessKey the business key of its process instance (the case number), null if it has none
 */
public record TaskRef(String taskId, String processKey, String step, String name, String businessKey) {
}
