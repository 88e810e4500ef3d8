package cn.example.servicehall.loan;

import cn.example.servicehall.intake.CaseStage;
import cn.example.servicehall.intake.CaseStatus;

/**
 * A loan's own stages between acceptance and the end, each recorded with the lifecycle status
 * {@link CaseStatus#IN_PROGRESS}; pages and the API show the stage.
 */
public enum LoanStage implements CaseStage {

	/** 已退回: returned to an earlier step for correction. */
	RETURNED,
	/** 已测算: eligibility and limit assessed, waiting for the first review. */
	ASSESSED,
	/** 初审通过. */
	FIRST_REVIEWED,
	/** 已审批. */
	APPROVED,
	/** 已签约: the contract is signed by every party. */
	CONTRACT_SIGNED,
	/** 已抵押: the mortgage is registered. */
	MORTGAGE_REGISTERED,
	/** 已放款: paid out. */
	DISBURSED;

	@Override
	public CaseStatus lifecycle() {
		return CaseStatus.IN_PROGRESS;
	}

	/** Whether {@code stage} is this one. */
	public boolean is(CaseStage stage) {
		return name().equals(stage.name());
	}

}
