package cn.example.servicehall.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.example.servicehall.support.CaseDriver.DrivenCase;
import cn.example.servicehall.support.CaseDriver.Service;

/**
 * What a fault cost, counted in the hall's database rather than believed from its answers: for the cases a {@link
 * CaseDriver} ran, how many were lost (never created, or not completed) and how many of each thing that must
 * exist exactly once exists twice or not at all: the case itself (one per submission), the bank's payment and the
 * hall's record of it, a withdrawal's debit in the fund's ledger, each document the case issues, each officer's step and each system step in the
 * case history, each text message. Every count but {@link #cases()} must be 0.
 *
 * @param cases the cases run
 * @param lost submitted but no case, or a case that did not complete
 * @param duplicatedCases cases beyond the first for one submission
 * @param missingPayments completed cases without the bank's payment
 * @param duplicatedPayments payments beyond the first for one case (and the hall's payment records beyond the first)
 * @param missingDebits completed withdrawals without their debit in the fund's ledger
 * @param duplicatedDebits ledger movements beyond the first of their kind for one withdrawal
 * @param missingDocuments documents a completed case should have issued and did not
 * @param duplicatedDocuments documents beyond the first of their kind in one case
 * @param duplicatedSteps history lines beyond the first for one step of one case (officers' and the system's)
 * @param duplicatedMessages text messages beyond the first with the same text to one case
 * @param problems what each non-zero count is made of, for the failure message
 */
public record FaultCounts(int cases, int lost, int duplicatedCases, int missingPayments, int duplicatedPayments,
		int missingDebits, int duplicatedDebits, int missingDocuments, int duplicatedDocuments, int duplicatedSteps, int duplicatedMessages,
		List<String> problems) {

	/** What a completed case issues, once each, by service. */
	private static final Map<Service, List<String>> DOCUMENTS = Map.of(Service.RESALE_LOAN,
			List.of("ACCEPTANCE_RECEIPT", "LOAN_CONTRACT", "IOU", "DISBURSEMENT_NOTICE", "COMPLETION_RECEIPT"),
			Service.RETIREMENT_WITHDRAWAL, List.of("WITHDRAWAL_RECEIPT", "ACCOUNT_CLOSING_CERTIFICATE"));

	/** The documents a completed case of the service issues, once each. */
	static List<String> documentsOf(Service service) {
		return DOCUMENTS.get(service);
	}

	public static FaultCounts of(Connection connection, List<DrivenCase> driven) throws SQLException {
		List<String> problems = new ArrayList<>();
		int lost = 0;
		int duplicatedCases = 0;
		int missingPayments = 0;
		int duplicatedPayments = 0;
		int missingDebits = 0;
		int duplicatedDebits = 0;
		int missingDocuments = 0;
		int duplicatedDocuments = 0;
		int duplicatedSteps = 0;
		int duplicatedMessages = 0;
		for (DrivenCase one : driven) {
			List<String[]> rows = rows(connection,
					"select case_no, status from intake_case where applicant_id_no = ? order by case_no",
					one.applicantIdNumber());
			if (rows.isEmpty()) {
				lost++;
				problems.add("no case for the submission of " + one.applicantIdNumber());
				continue;
			}
			if (rows.size() > 1) {
				duplicatedCases += rows.size() - 1;
				problems.add(rows.size() + " cases for one submission: " + rows.stream().map(r -> r[0]).toList());
			}
			String caseNo = rows.get(0)[0];
			if (!"COMPLETED".equals(rows.get(0)[1])) {
				lost++;
				problems.add(caseNo + " ended " + rows.get(0)[1] + ", not COMPLETED");
				continue;
			}
			boolean loan = one.service() == Service.RESALE_LOAN;
			int payments = count(connection, "select count(*) from fake_bank_payment where "
					+ (loan ? "order_id = 'FK' || ?" : "case_no = ?"), caseNo);
			// the hall's own record of the payment: the disbursement, or the withdrawal's payment
			int records = count(connection, "select count(*) from "
					+ (loan ? "loan_disbursement" : "withdrawal_payment") + " where case_no = ?", caseNo);
			if (payments == 0 || records == 0) {
				missingPayments++;
				problems.add(caseNo + ": " + payments + " payments, " + records + " payment records");
			}
			if (payments > 1 || records > 1) {
				duplicatedPayments += Math.max(payments, records) - 1;
				problems.add(caseNo + ": " + payments + " payments, " + records + " payment records");
			}
			if (!loan) {
				// the fund's ledger: the withdrawal's debit, its interest and the closing, once each
				if (count(connection, "select count(*) from fake_fund_movement where case_no = ? and amount < 0",
						caseNo) == 0) {
					missingDebits++;
					problems.add(caseNo + ": no debit in the fund's ledger");
				}
				for (String[] row : rows(connection, "select kind, count(*) from fake_fund_movement where case_no = ? "
						+ "group by kind having count(*) > 1", caseNo)) {
					duplicatedDebits += Integer.parseInt(row[1]) - 1;
					problems.add(caseNo + ": " + row[1] + " × the ledger's " + row[0]);
				}
			}
			Map<String, Integer> documents = new LinkedHashMap<>();
			for (String[] row : rows(connection,
					"select kind, count(*) from documents_document where case_no = ? group by kind", caseNo)) {
				documents.put(row[0], Integer.parseInt(row[1]));
			}
			for (String kind : DOCUMENTS.get(one.service())) {
				if (!documents.containsKey(kind)) {
					missingDocuments++;
					problems.add(caseNo + ": no " + kind);
				}
			}
			for (Map.Entry<String, Integer> kind : documents.entrySet()) {
				if (kind.getValue() > 1) {
					duplicatedDocuments += kind.getValue() - 1;
					problems.add(caseNo + ": " + kind.getValue() + " × " + kind.getKey());
				}
			}
			for (String[] row : rows(connection, "select action, actor_id, count(*) from intake_case_event "
					+ "where case_no = ? group by action, actor_id having count(*) > 1", caseNo)) {
				duplicatedSteps += Integer.parseInt(row[2]) - 1;
				problems.add(caseNo + ": " + row[2] + " × " + row[0] + " by " + row[1]);
			}
			for (String[] row : rows(connection, "select left(text, 40), count(*) from fake_sms_message "
					+ "where case_no = ? group by text having count(*) > 1", caseNo)) {
				duplicatedMessages += Integer.parseInt(row[1]) - 1;
				problems.add(caseNo + ": " + row[1] + " × the message " + row[0]);
			}
		}
		return new FaultCounts(driven.size(), lost, duplicatedCases, missingPayments, duplicatedPayments,
				missingDebits, duplicatedDebits, missingDocuments, duplicatedDocuments, duplicatedSteps, duplicatedMessages, List.copyOf(problems));
	}

	/** Every count that must be 0 is. */
	public boolean nothingLostOrDuplicated() {
		return this.lost + this.duplicatedCases + this.missingPayments + this.duplicatedPayments + this.missingDebits
				+ this.duplicatedDebits + this.missingDocuments
				+ this.duplicatedDocuments + this.duplicatedSteps + this.duplicatedMessages == 0;
	}

	/** One line for the test's output and the README's figures. */
	public String summary() {
		return ("%d cases: %d lost, %d duplicated cases, %d missing and %d duplicated payments, %d missing and %d "
				+ "duplicated debits, %d missing and %d duplicated documents, %d duplicated steps, %d duplicated messages")
			.formatted(this.cases, this.lost, this.duplicatedCases, this.missingPayments, this.duplicatedPayments,
					this.missingDebits, this.duplicatedDebits, this.missingDocuments, this.duplicatedDocuments, this.duplicatedSteps, this.duplicatedMessages);
	}

	private static int count(Connection connection, String sql, String parameter) throws SQLException {
		return Integer.parseInt(rows(connection, sql, parameter).get(0)[0]);
	}

	private static List<String[]> rows(Connection connection, String sql, String parameter) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, parameter);
			try (ResultSet result = statement.executeQuery()) {
				List<String[]> rows = new ArrayList<>();
				int columns = result.getMetaData().getColumnCount();
				while (result.next()) {
					String[] row = new String[columns];
					for (int i = 0; i < columns; i++) {
						row[i] = result.getString(i + 1);
					}
					rows.add(row);
				}
				return rows;
			}
		}
	}

}
