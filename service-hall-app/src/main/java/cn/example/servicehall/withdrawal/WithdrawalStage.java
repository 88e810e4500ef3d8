package cn.example.servicehall.withdrawal;

import cn.example.servicehall.intake.CaseStage;
import cn.example.servicehall.intake.CaseStatus;

/** A withdrawal's own stages between acceptance and the end; pages and the API show them. */
public enum WithdrawalStage implements CaseStage {

	/** 已核查: the rules decided; paid at once, or waiting for a review. */
	CHECKED,
	/** 审核通过, waiting for the second approver (四眼). */
	REVIEWED,
	/** 已核准: approved, to be paid. */
	APPROVED,
	/** 已扣划: debited from the fund account (and closed, for a closing type). */
	DEBITED,
	/** 已转账: transferred to the citizen's card. */
	PAID,
	/** 已签约: a monthly repayment offset's standing agreement signed (委托按月提取还贷); months are paid by it. */
	AGREED;

	@Override
	public CaseStatus lifecycle() {
		return CaseStatus.IN_PROGRESS;
	}

}
