package cn.example.servicehall.audit;

import java.time.Instant;
import java.time.LocalDate;

import cn.example.servicehall.platform.PersonalNumbers;

/**
 * One row of the audit trail as stored.
 *
 * @param day the chain's day (hall time)
 * @param seq its place in the day's chain, from 1
 * @param occurredAt when the action happened (to the microsecond)
 * @param actorId sign-in name, {@value AuditTrail#SYSTEM} or {@value AuditTrail#ANONYMOUS}
 * @param actorName the name shown, if the sign-in carried one
 * @param actorPosts the hall groups, comma-separated
 * @param actorCompany a developer agent's company
 * @param action what ({@link AuditAction} name)
 * @param caseNo which case, if any
 * @param personId whose resident ID number, if any
 * @param subject what exactly
 * @param address the client's address
 * @param channel PAGE, API or SYSTEM
 * @param prevHash the hash of the entry before (the day's genesis for the first)
 * @param hash this entry's hash
 */
public record AuditEntry(LocalDate day, long seq, Instant occurredAt, String actorId, String actorName, String actorPosts,
		String actorCompany, String action, String caseNo, String personId, String subject, String address,
		String channel, String prevHash, String hash) {

	/** The hash this entry should carry, computed again from its columns. */
	public String computedHash() {
		return AuditChain.hash(this);
	}

	/** The same entry with the person's ID number masked ({@code 110105********002X}), for anyone but an auditor. */
	public AuditEntry masked() {
		return new AuditEntry(this.day, this.seq, this.occurredAt, this.actorId, this.actorName, this.actorPosts,
				this.actorCompany, this.action, this.caseNo, PersonalNumbers.mask(this.personId),
				PersonalNumbers.mask(this.subject), this.address, this.channel, this.prevHash, this.hash);
	}

}
