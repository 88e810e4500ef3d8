package cn.example.servicehall.audit;

import java.util.Objects;

/**
 * What a module tells the audit trail: the action and what it concerns. Who, when, from where and through which
 * channel the trail finds itself (the signed-in user, the hall's clock, the request).
 *
 * @param action what happened
 * @param caseNo the case, if any
 * @param personId the resident ID number of the citizen concerned, if known
 * @param subject what exactly (the step's name, a document number, an export), free text
 * @param actorId who acted when nobody is signed in on this thread (the engine working on a user's behalf records the
 * user; {@code null} for the system)
 * @param address the client's address when there is no request on this thread to read it from, else {@code null}
 * @param channel the channel likewise
 */
public record AuditEvent(AuditAction action, String caseNo, String personId, String subject, String actorId,
		String address, String channel) {

	public AuditEvent {
		Objects.requireNonNull(action, "action");
	}

	public AuditEvent(AuditAction action, String caseNo, String personId, String subject, String actorId) {
		this(action, caseNo, personId, subject, actorId, null, null);
	}

	public static AuditEvent of(AuditAction action, String subject) {
		return new AuditEvent(action, null, null, subject, null);
	}

	public static AuditEvent onCase(AuditAction action, String caseNo, String subject) {
		return new AuditEvent(action, caseNo, null, subject, null);
	}

	public AuditEvent person(String id) {
		return new AuditEvent(this.action, this.caseNo, id, this.subject, this.actorId, this.address, this.channel);
	}

	public AuditEvent actor(String id) {
		return new AuditEvent(this.action, this.caseNo, this.personId, this.subject, id, this.address, this.channel);
	}

	/**
	 * Where the action came from, when the trail cannot find it on this thread (Spring Security's events carry the
	 * request's address in their details).
	 * @param address the client's address
	 * @param channel PAGE or API
	 */
	public AuditEvent from(String address, String channel) {
		return new AuditEvent(this.action, this.caseNo, this.personId, this.subject, this.actorId, address, channel);
	}

}
