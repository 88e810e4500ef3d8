package cn.example.servicehall.withdrawal;

import java.util.Locale;

import cn.example.servicehall.platform.web.HallMessages;

/**
 * A sign of fraud (骗提) found before paying: the case is never paid automatically and goes to a clerk's review with
 * the words.
 *
 * @param rule which rule found it (its {@code name()} is the stable code)
 * @param type the withdrawal's type
 * @param words what the clerk reads, with the figures
 */
public record FraudFlag(Rule rule, WithdrawalType type, String words) {

	/** The fraud rules; the short name of each is {@code withdrawal.fraud-rule.<CODE>}, for the managers' list. */
	public enum Rule {

		/** 同一住房超过本家庭限次的购房提取. */
		PURCHASE_HOME_REUSED,
		/** 本市有房而租房提取. */
		RENT_WHILE_OWNING_HOME,
		/** 还贷提取超过已还本息. */
		REPAYMENT_ABOVE_REPAID,
		/** 公积金贷款逾期期间提取. */
		FUND_LOAN_OVERDUE,
		/** 重复销户提取. */
		ACCOUNT_CLOSED_TWICE;

		/** The stable code, as flags are kept and counted. */
		public String code() {
			return name();
		}

		/** The short name, e.g. 本市有房而租房提取. */
		public String displayName(Locale locale) {
			return HallMessages.text(locale, "withdrawal.fraud-rule." + name());
		}

	}

	/** The stable code of the rule. */
	public String code() {
		return this.rule.code();
	}

}
