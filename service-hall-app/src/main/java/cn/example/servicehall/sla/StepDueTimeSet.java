package cn.example.servicehall.sla;

import java.time.OffsetDateTime;

import cn.example.servicehall.intake.CaseNo;

/**
 * An open step's clock got its due time late: the step opened while the working-day calendar lacked a year its limit
 * runs into, and the year has since been entered. Whoever keeps the step's task gives it this due date.
 *
 * @param caseNo the case
 * @param taskId the step's user task
 * @param dueAt when the step is due
 */
public record StepDueTimeSet(CaseNo caseNo, String taskId, OffsetDateTime dueAt) {
}
