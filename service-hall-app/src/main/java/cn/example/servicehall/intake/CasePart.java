package cn.example.servicehall.intake;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A part of a case (ADR 0008): one service the case applies for, driven by its own process instance. A case has one
 * number and one or more parts; a part is shown under the case by its number ({@code DK2026112300001-1}). Steps,
 * messages and clocks find a part's process by its instance, never by the case number alone.
 *
 * @param caseNo the case
 * @param partNo the part's number within the case, from 1 (the service the case was opened for)
 * @param serviceType the part's service
 * @param processInstanceId the engine's instance driving it, once started
 * @param parentPartNo the part above it (a bundle's), if any
 * @param openedAt when it was added
 */
public record CasePart(CaseNo caseNo, int partNo, ServiceType serviceType, Optional<String> processInstanceId,
		Optional<Integer> parentPartNo, OffsetDateTime openedAt) {

	/** The part's number as shown under the case. */
	public String label() {
		return this.caseNo.value() + "-" + this.partNo;
	}

	/** Where to find it. */
	public Ref ref() {
		return new Ref(this.caseNo, this.partNo);
	}

	/**
	 * A part by its case and number.
	 * @param caseNo the case
	 * @param partNo the part's number
	 */
	public record Ref(CaseNo caseNo, int partNo) {

		@Override
		public String toString() {
			return this.caseNo.value() + "-" + this.partNo;
		}

	}

}
