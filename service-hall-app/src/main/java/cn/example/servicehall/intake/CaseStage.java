package cn.example.servicehall.intake;

import java.util.Objects;

/**
 * Where a case stands: the shared lifecycle ({@link #lifecycle()}) and, while a service works on it, the service's
 * own stage ({@code ASSESSED}, {@code APPROVED} ... of a loan). A {@link CaseStatus} is its own stage; a service's
 * stages are its own enum implementing this, each with the lifecycle status it belongs to (usually
 * {@link CaseStatus#IN_PROGRESS}). Pages and the API show the stage's {@link #name()} ({@code workbench.status.<name>}),
 * and the SLA spans match it ({@code APPROVAL_DECIDED:APPROVED}).
 */
public interface CaseStage {

	/** The lifecycle status every service shares. */
	CaseStatus lifecycle();

	/** The stage's code: the status's name when the stage is the status itself. */
	String name();

	/** Whether the case has ended. */
	default boolean isClosed() {
		return lifecycle().isClosed();
	}

	/** A stage as kept: the lifecycle status and the stage recorded with it (null when it is the status itself). */
	static CaseStage of(CaseStatus lifecycle, String stage) {
		return stage == null || stage.equals(lifecycle.name()) ? lifecycle : new Kept(lifecycle, stage);
	}

	/** The stage to keep in the records: null when it is the lifecycle status itself. */
	static String stageOf(CaseStage stage) {
		return stage.name().equals(stage.lifecycle().name()) ? null : stage.name();
	}

	/**
	 * A service's stage read back from the records, where the service's own type is not at hand.
	 * @param lifecycle the lifecycle status
	 * @param name the stage's code
	 */
	record Kept(CaseStatus lifecycle, String name) implements CaseStage {

		public Kept {
			Objects.requireNonNull(lifecycle);
			Objects.requireNonNull(name);
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}
