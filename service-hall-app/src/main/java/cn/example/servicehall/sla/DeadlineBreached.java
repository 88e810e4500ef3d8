package cn.example.servicehall.sla;

import cn.example.servicehall.intake.Agency;

/**
 * A clock of an agency passed its limit and its managers were told in the hall; published once per breach, in the
 * transaction that recorded it. Listeners after commit (the mail to the agency) go through the event publication
 * registry, so a hall that dies in between does what is left when it starts again.
 *
 * @param noticeId the notice in the hall ({@code sla_notification})
 * @param agency whose clock
 * @param caseNo the case
 * @param message what the managers read
 */
public record DeadlineBreached(long noticeId, Agency agency, String caseNo, String message) {
}
