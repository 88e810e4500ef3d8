package cn.example.servicehall.workbench;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The window's form for a resale-loan application (二手房公积金贷款申请), shaped like the loan API's
 * {@code SubmitResaleLoanApplication} so that its field paths are the command's ({@code borrower.idNumber},
 * {@code property.seller.accountNo}) and every rule of the command reports on the field the clerk typed in. The
 * idempotency key is drawn when the form is first shown and travels with it, so a double click or a browser retry
 * submits the same application twice and opens one case.
 */
class ResaleApplicationForm {

	private String idempotencyKey = UUID.randomUUID().toString();

	private Applicant borrower = new Applicant();

	private Applicant coBorrower = new Applicant();

	private Property property = new Property();

	private Loan loan = new Loan();

	public String getIdempotencyKey() {
		return this.idempotencyKey;
	}

	public void setIdempotencyKey(String idempotencyKey) {
		this.idempotencyKey = idempotencyKey;
	}

	public Applicant getBorrower() {
		return this.borrower;
	}

	public void setBorrower(Applicant borrower) {
		this.borrower = borrower;
	}

	public Applicant getCoBorrower() {
		return this.coBorrower;
	}

	public void setCoBorrower(Applicant coBorrower) {
		this.coBorrower = coBorrower;
	}

	public Property getProperty() {
		return this.property;
	}

	public void setProperty(Property property) {
		this.property = property;
	}

	public Loan getLoan() {
		return this.loan;
	}

	public void setLoan(Loan loan) {
		this.loan = loan;
	}

	/** 借款人 or 共同借款人; the co-borrower's part left empty means there is none. */
	static class Applicant {

		private String name;

		private String idNumber;

		/** UNMARRIED, MARRIED, DIVORCED or WIDOWED (婚姻状况). */
		private String maritalStatus;

		private BigDecimal monthlyIncome;

		private String phone;

		private boolean femaleCadre;

		boolean isEmpty() {
			return this.name == null && this.idNumber == null && this.maritalStatus == null && this.monthlyIncome == null
					&& this.phone == null && !this.femaleCadre;
		}

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getIdNumber() {
			return this.idNumber;
		}

		public void setIdNumber(String idNumber) {
			this.idNumber = idNumber;
		}

		public String getMaritalStatus() {
			return this.maritalStatus;
		}

		public void setMaritalStatus(String maritalStatus) {
			this.maritalStatus = maritalStatus;
		}

		public BigDecimal getMonthlyIncome() {
			return this.monthlyIncome;
		}

		public void setMonthlyIncome(BigDecimal monthlyIncome) {
			this.monthlyIncome = monthlyIncome;
		}

		public String getPhone() {
			return this.phone;
		}

		public void setPhone(String phone) {
			this.phone = phone;
		}

		public boolean isFemaleCadre() {
			return this.femaleCadre;
		}

		public void setFemaleCadre(boolean femaleCadre) {
			this.femaleCadre = femaleCadre;
		}

	}

	/** The house bought (所购房产) and its seller. */
	static class Property {

		private String certificateNo;

		private BigDecimal contractPrice;

		private BigDecimal assessedPrice;

		private Boolean firstHome;

		private Seller seller = new Seller();

		public String getCertificateNo() {
			return this.certificateNo;
		}

		public void setCertificateNo(String certificateNo) {
			this.certificateNo = certificateNo;
		}

		public BigDecimal getContractPrice() {
			return this.contractPrice;
		}

		public void setContractPrice(BigDecimal contractPrice) {
			this.contractPrice = contractPrice;
		}

		public BigDecimal getAssessedPrice() {
			return this.assessedPrice;
		}

		public void setAssessedPrice(BigDecimal assessedPrice) {
			this.assessedPrice = assessedPrice;
		}

		public Boolean getFirstHome() {
			return this.firstHome;
		}

		public void setFirstHome(Boolean firstHome) {
			this.firstHome = firstHome;
		}

		public Seller getSeller() {
			return this.seller;
		}

		public void setSeller(Seller seller) {
			this.seller = seller;
		}

	}

	/** 卖方 and the account the loan is paid into (受托支付). */
	static class Seller {

		private String name;

		private String idNumber;

		private String bank;

		private String accountNo;

		private String accountName;

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getIdNumber() {
			return this.idNumber;
		}

		public void setIdNumber(String idNumber) {
			this.idNumber = idNumber;
		}

		public String getBank() {
			return this.bank;
		}

		public void setBank(String bank) {
			this.bank = bank;
		}

		public String getAccountNo() {
			return this.accountNo;
		}

		public void setAccountNo(String accountNo) {
			this.accountNo = accountNo;
		}

		public String getAccountName() {
			return this.accountName;
		}

		public void setAccountName(String accountName) {
			this.accountName = accountName;
		}

	}

	/** The loan asked for (申请贷款). */
	static class Loan {

		private BigDecimal requestedAmount;

		private Integer termMonths;

		/** EQUAL_INSTALMENT (等额本息) or EQUAL_PRINCIPAL (等额本金). */
		private String repaymentMethod = "EQUAL_INSTALMENT";

		private RepaymentAccount repaymentAccount = new RepaymentAccount();

		public RepaymentAccount getRepaymentAccount() {
			return this.repaymentAccount;
		}

		public void setRepaymentAccount(RepaymentAccount repaymentAccount) {
			this.repaymentAccount = repaymentAccount;
		}

		public BigDecimal getRequestedAmount() {
			return this.requestedAmount;
		}

		public void setRequestedAmount(BigDecimal requestedAmount) {
			this.requestedAmount = requestedAmount;
		}

		public Integer getTermMonths() {
			return this.termMonths;
		}

		public void setTermMonths(Integer termMonths) {
			this.termMonths = termMonths;
		}

		public String getRepaymentMethod() {
			return this.repaymentMethod;
		}

		public void setRepaymentMethod(String repaymentMethod) {
			this.repaymentMethod = repaymentMethod;
		}

	}

	/** 还款账户: the borrower's own account debited each month; left empty, it is named later. */
	static class RepaymentAccount {

		private String bank;

		private String accountNo;

		boolean isEmpty() {
			return (this.bank == null || this.bank.isBlank()) && (this.accountNo == null || this.accountNo.isBlank());
		}

		public String getBank() {
			return this.bank;
		}

		public void setBank(String bank) {
			this.bank = bank;
		}

		public String getAccountNo() {
			return this.accountNo;
		}

		public void setAccountNo(String accountNo) {
			this.accountNo = accountNo;
		}

	}

}
