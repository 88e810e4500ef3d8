package cn.example.servicehall.agencies;

import java.math.BigDecimal;
import java.util.Optional;

/** The fund centre's account system (归集系统): depositors' accounts. */
public interface FundAccountSystem {

	/** The depositor's account, if they have one. */
	Optional<FundAccount> accountOf(String residentIdNumber);

	/**
	 * A depositor's account as the account system reports it.
	 *
	 * @param accountNo 个人账号
	 * @param holderName the holder's name
	 * @param status 个人账户状态
	 * @param balance 个人账户余额
	 * @param continuousMonths 连续正常缴存月数
	 * @param monthlyDeposit 月缴存额 (employer and employee)
	 * @param outstandingLoan whether a housing provident fund loan is still being repaid
	 */
	record FundAccount(String accountNo, String holderName, AccountStatus status, BigDecimal balance,
			int continuousMonths, BigDecimal monthlyDeposit, boolean outstandingLoan) {
	}

	/** 个人账户状态 (JGJ/T 320 A.6, the states that matter to a loan). */
	enum AccountStatus {

		/** 正常. */
		NORMAL,
		/** 封存. */
		SEALED,
		/** 冻结. */
		FROZEN,
		/** 销户. */
		CLOSED

	}

}
