package cn.example.servicehall.agencies;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** 征信: the People's Bank of China credit reference centre, asked through the entrusted bank. */
public interface CreditBureau {

	/**
	 * The person's credit report.
	 * @param residentIdNumber whose report
	 * @param purpose why it is asked for (recorded by the bureau), e.g. the case number
	 */
	CreditReport reportFor(String residentIdNumber, String purpose);

	/**
	 * What the hall reads from a credit report.
	 *
	 * @param reportNo the bureau's report number
	 * @param overdueLast24Months overdue repayments in the last 24 months
	 * @param currentlyOverdue anything overdue now
	 * @param existingMonthlyDebt monthly repayments of existing loans and card instalments
	 * @param reportedAt when the bureau produced it
	 */
	record CreditReport(String reportNo, int overdueLast24Months, boolean currentlyOverdue,
			BigDecimal existingMonthlyDebt, OffsetDateTime reportedAt) {
	}

}
